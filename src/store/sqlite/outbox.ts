/** The transactional outbox on SQLite: enqueue (alone or inside a case write), lease, complete, fail. */
import { StoreNotFoundError, StoreValidationError } from '../errors.ts';
import { toIso, toIsoOrNull, toMs } from '../time.ts';
import type { Instant, JsonValue, NewOutboxItem, Outbox, OutboxItem, OutboxQuery, OutboxStatus } from '../types.ts';
import { checkLimit, newOutboxItemSchema, parseInput } from '../validate.ts';
import type { SqliteDb } from './db.ts';

export interface OutboxRow {
  id: number;
  kind: string;
  key: string;
  case_id: string | null;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number | null;
  lease_until: number | null;
  lease_token: string | null;
  fair_seq: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

/** How much of a delivery error is kept. */
const MAX_ERROR_LENGTH = 500;

export function outboxItem(row: OutboxRow): OutboxItem {
  return {
    id: String(row.id),
    kind: row.kind,
    key: row.key,
    caseId: row.case_id,
    payload: JSON.parse(row.payload) as JsonValue,
    attempts: row.attempts,
    nextAttemptAt: toIsoOrNull(row.next_attempt_at),
    status: row.status,
    leaseUntil: toIsoOrNull(row.lease_until),
    lease: row.lease_token,
    lastError: row.last_error,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/**
 * The item's turn in its conversation's queue (`claimDue` serves turn 1 of every conversation before turn 2
 * of any): one more than the last turn still waiting among the items of cases from the same conversation
 * (channel and conversation id), or 1. Found through indexes: the conversation's cases, then each one's
 * last waiting turn, so it costs a few lookups per case of that conversation (new cases are capped).
 */
// The index hints keep SQLite (without statistics) from scanning every waiting item instead.
const NEXT_TURN = `1 + COALESCE((
  SELECT MAX(o.fair_seq) FROM cases AS mine
    JOIN cases AS c INDEXED BY cases_conversation ON c.channel_id = mine.channel_id
      AND json_extract(c.conversation, '$.conversation.id') = json_extract(mine.conversation, '$.conversation.id')
    JOIN outbox AS o INDEXED BY outbox_open_turn ON o.case_id = c.id AND o.status IN ('pending', 'leased')
  WHERE mine.id = $caseId), 0)`;

/**
 * Insert outbox items on the current connection; call inside a transaction to make them part of it.
 * A key already present is left as it is and its id returned. `caseId` fills in items that name no case.
 */
export function insertOutboxItems(db: SqliteDb, items: NewOutboxItem[], caseId?: string): string[] {
  if (!Array.isArray(items)) throw new StoreValidationError('Invalid outbox items: expected an array.');
  const now = db.now();
  return items.map((raw) => {
    const item = parseInput(newOutboxItemSchema, raw, 'outbox item');
    const inserted = db.get<{ id: number }>(
      `INSERT INTO outbox (kind, key, case_id, payload, status, attempts, next_attempt_at, fair_seq, created_at, updated_at)
       VALUES ($kind, $key, $caseId, $payload, 'pending', 0, $next, ${NEXT_TURN}, $now, $now)
       ON CONFLICT (key) DO NOTHING
       RETURNING id`,
      {
        kind: item.kind,
        key: item.key,
        caseId: item.caseId ?? caseId ?? null,
        payload: JSON.stringify(item.payload),
        next: item.nextAttemptAt ?? now,
        now,
      },
    );
    const id = inserted?.id ?? db.get<{ id: number }>('SELECT id FROM outbox WHERE key = $key', { key: item.key })?.id;
    return String(id);
  });
}

/** Claim order: turn in the conversation's queue, then oldest due, then oldest enqueued. */
function inTurn(a: OutboxRow, b: OutboxRow): number {
  return a.fair_seq - b.fair_seq || (a.next_attempt_at ?? 0) - (b.next_attempt_at ?? 0) || a.id - b.id;
}

/** The integer id behind an outbox id string, or undefined when it cannot be one. */
function rowId(id: string): number | undefined {
  return /^\d{1,15}$/.test(id) ? Number(id) : undefined;
}

export function sqliteOutbox(db: SqliteDb): Outbox {
  /** Apply `set` if `lease` still holds the item; false when it does not, NotFound for an unknown id. */
  function settle(id: string, lease: string, set: string, params: Record<string, string | number | null>): boolean {
    if (typeof lease !== 'string' || !lease) throw new StoreValidationError('Invalid lease: expected the claim token.');
    const row = rowId(id) ?? -1;
    const changes = db.run(
      `UPDATE outbox SET ${set}, lease_until = NULL, lease_token = NULL, updated_at = $now
       WHERE id = $id AND status = 'leased' AND lease_token = $lease`,
      { ...params, id: row, lease, now: db.now() },
    );
    if (changes > 0) return true;
    if (!db.get('SELECT 1 AS found FROM outbox WHERE id = $id', { id: row }))
      throw new StoreNotFoundError('No such outbox item; it may have been purged or erased.');
    return false;
  }

  return {
    async enqueue(items: NewOutboxItem[]): Promise<string[]> {
      return db.transaction(() => insertOutboxItems(db, items));
    },

    async claimDue(now: Instant, limit: number, leaseMs: number): Promise<OutboxItem[]> {
      const at = toMs(now, 'claim time');
      const max = checkLimit(limit, 1);
      if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new StoreValidationError('Invalid lease: expected ms > 0.');
      // One statement: SQLite runs it under the write lock, so two workers never lease the same item. The
      // token is drawn per row.
      const rows = db.all<OutboxRow>(
        `UPDATE outbox
         SET status = 'leased', lease_until = $leaseUntil, lease_token = lower(hex(randomblob(16))),
           attempts = attempts + 1, updated_at = $updated
         WHERE id IN (
           SELECT id FROM outbox
           WHERE (status = 'pending' AND next_attempt_at <= $at) OR (status = 'leased' AND lease_until <= $at)
           ORDER BY fair_seq, next_attempt_at, id
           LIMIT $limit)
         RETURNING *`,
        { at, leaseUntil: at + leaseMs, updated: db.now(), limit: max },
      );
      return rows.sort(inTurn).map(outboxItem);
    },

    async complete(id: string, lease: string): Promise<boolean> {
      return settle(id, lease, "status = 'done', next_attempt_at = NULL", {});
    },

    async fail(id: string, lease: string, error: string, nextAttemptAt: Instant | null): Promise<boolean> {
      const next = nextAttemptAt === null ? null : toMs(nextAttemptAt, 'next attempt');
      return settle(id, lease, 'status = $status, next_attempt_at = $next, last_error = $error', {
        status: next === null ? 'dead' : 'pending',
        next,
        error: String(error).slice(0, MAX_ERROR_LENGTH),
      });
    },

    async get(id: string): Promise<OutboxItem | undefined> {
      const row = db.get<OutboxRow>('SELECT * FROM outbox WHERE id = $id', { id: rowId(id) ?? -1 });
      return row && outboxItem(row);
    },

    async list(query: OutboxQuery = {}): Promise<OutboxItem[]> {
      const rows = db.all<OutboxRow>(
        `SELECT * FROM outbox
         WHERE ($status IS NULL OR status = $status) AND ($caseId IS NULL OR case_id = $caseId)
         ORDER BY id LIMIT $limit`,
        { status: query.status ?? null, caseId: query.caseId ?? null, limit: checkLimit(query.limit, 100) },
      );
      return rows.map(outboxItem);
    },
  };
}
