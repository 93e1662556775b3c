/**
 * Keyed hashes for the audit log. The log counts repeat contacts by a hash of the conversation id, and an SMS
 * conversation id is the tenant's phone number: a plain hash of it is reversed by hashing every Swedish
 * number. An HMAC with a secret key cannot be, without the key. The same hashes let `forgetPhone` find the
 * audit rows of a number's conversations.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { normalizePhone } from './phone.ts';

/** The file in DATA_DIR that holds the key generated when `AUDIT_HMAC_KEY` is not set (outside production). */
export const AUDIT_KEY_FILE = 'audit-hmac.key';

/** Marks a keyed hash, so that hashes written before keys (16 hex digits) can be told apart and rekeyed. */
const KEYED = 'k1:';

/** A hash written by Trygg before the audit key existed: SHA-256 of the conversation id, 16 hex digits. */
export const LEGACY_HASH = /^[0-9a-f]{16}$/;

/** The unkeyed hash older versions stored for a conversation id. */
export const legacyHash = (conversationId: string) =>
  createHash('sha256').update(conversationId).digest('hex').slice(0, 16);

/** Computes the audit log's conversation hashes under one secret key. */
export class AuditHasher {
  readonly #key: Buffer;

  /** `key`: the secret (at least 32 characters or bytes); without it a random key for this process only. */
  constructor(key?: string | Buffer) {
    this.#key = key === undefined ? randomBytes(32) : Buffer.from(key);
  }

  #mac(text: string): string {
    return KEYED + createHmac('sha256', this.#key).update(text).digest('hex').slice(0, 32);
  }

  /**
   * The hash stored for a conversation. A conversation id that is a phone number (SMS) is hashed in its
   * E.164 form, so that however the channel wrote it, `forgetPhone` computes the same hash from the number.
   */
  conversation(conversationId: string): string {
    return this.#mac(`c:${normalizePhone(conversationId) ?? conversationId}`);
  }

  /** What a legacy (unkeyed) hash becomes when rekeyed: still the same for the same conversation, not reversible. */
  rekeyed(legacy: string): string {
    return this.#mac(`legacy:${legacy}`);
  }

  /** Every hash the audit log may hold for these conversation ids: keyed now, or written before and rekeyed. */
  candidates(conversationIds: Iterable<string>): string[] {
    const out = new Set<string>();
    for (const id of conversationIds) {
      if (!id) continue;
      out.add(this.conversation(id));
      out.add(this.rekeyed(legacyHash(id)));
    }
    return [...out];
  }
}

/**
 * The audit key: `AUDIT_HMAC_KEY` when set; otherwise (never in production, where the configuration refuses
 * to start without it) a key generated once and kept in `DATA_DIR/audit-hmac.key`, readable by the owner only.
 */
export function loadAuditKey(options: { key?: string; dataDir: string }): string {
  if (options.key) return options.key;
  const file = path.join(options.dataDir, AUDIT_KEY_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(options.dataDir, { recursive: true });
  try {
    // `wx`: when two processes start at once, the second finds the first one's key rather than replacing it.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

/** Conversation ids that the keys of bot state name (`<channel>/conversations/<id>…`). */
export function conversationIdsOfStateKeys(keys: Iterable<string>): string[] {
  const ids: string[] = [];
  for (const key of keys) {
    const m = /^[^/]+\/conversations\/([^/]+)/.exec(key);
    if (m?.[1]) ids.push(m[1]);
  }
  return ids;
}
