/**
 * Bot Framework `Storage` on PostgreSQL, with the same eTag rules as the embedded store (botbuilder's
 * `MemoryStorage`): no eTag, `'*'` or a key not stored yet writes; an eTag equal to the stored one writes;
 * any other eTag rejects with `StoreConflictError`. Every write gives a new eTag; a batch is all or nothing.
 *
 * Across instances the check and the write are one statement (`UPDATE … WHERE etag = $2`, or an insert that
 * does nothing when the key exists), so of two instances writing with the same eTag exactly one succeeds:
 * the second waits for the first's row lock and then finds a different eTag. Keys are written in sorted
 * order, so two batches never deadlock on each other.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { StoreConflictError, StoreValidationError } from '../errors.ts';
import type { PgDb, Sql } from './db.ts';

export interface StateRow {
  key: string;
  etag: string;
  data: Record<string, unknown>;
}

/** The wildcard eTag: write regardless of what is stored. */
const ANY_ETAG = '*';

const CONFLICT = 'State write rejected: the item changed since it was read (eTag conflict); read it again and retry.';

/** An item as returned by `read`: the stored JSON with its current eTag. */
export function stateItem(row: StateRow): Record<string, unknown> {
  return { ...row.data, eTag: row.etag };
}

/** `Storage` on `table` (`state`, or `config` for configuration, which has the same columns). */
export function postgresState(db: PgDb, table: 'state' | 'config' = 'state'): Storage {
  return {
    async read(keys: string[]): Promise<StoreItems> {
      // Same error types and messages as botbuilder's providers, which callers and tests may rely on.
      if (!keys) throw new ReferenceError('Keys are required when reading.');
      const items: StoreItems = {};
      if (keys.length === 0) return items;
      const { rows } = await db.sql.query<StateRow>(
        `SELECT key, etag, data FROM ${table} WHERE key = ANY($1::text[])`,
        [keys],
      );
      for (const row of rows) items[row.key] = stateItem(row);
      return items;
    },

    async write(changes: StoreItems): Promise<void> {
      if (!changes) throw new ReferenceError('Changes are required when writing.');
      const entries = Object.entries(changes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (entries.length === 0) return;
      const prepared = entries.map(([key, item]) => prepare(key, item));
      await db.transaction(async (tx) => {
        const now = db.now();
        for (const item of prepared) await writeItem(tx, table, item, now);
      });
    },

    async delete(keys: string[]): Promise<void> {
      if (!keys) throw new ReferenceError('Keys are required when deleting.');
      if (keys.length === 0) return;
      await db.sql.query(`DELETE FROM ${table} WHERE key = ANY($1::text[])`, [keys]);
    },
  };
}

interface PreparedItem {
  key: string;
  /** The eTag to check, or undefined to write unconditionally. */
  expected: string | undefined;
  json: string;
}

function prepare(key: string, item: unknown): PreparedItem {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new StoreValidationError('Invalid state item: expected an object.');
  }
  const { eTag, ...data } = item as { eTag?: unknown };
  const conditional = eTag !== undefined && eTag !== null && eTag !== '' && eTag !== ANY_ETAG;
  return { key, expected: conditional ? String(eTag) : undefined, json: JSON.stringify(data) };
}

async function writeItem(tx: Sql, table: string, item: PreparedItem, now: Date): Promise<void> {
  const params = [item.key, randomUUID(), item.json, now];
  if (item.expected === undefined) {
    await tx.query(
      `INSERT INTO ${table} (key, etag, data, updated_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
      params,
    );
    return;
  }
  const updated = await tx.query(
    `UPDATE ${table} SET etag = $2, data = $3::jsonb, updated_at = $4 WHERE key = $1 AND etag = $5`,
    [...params, item.expected],
  );
  if (updated.count === 1) return;
  // Not stored under that eTag: a key not stored at all is written (as MemoryStorage does), else conflict.
  const inserted = await tx.query(
    `INSERT INTO ${table} (key, etag, data, updated_at) VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT (key) DO NOTHING`,
    params,
  );
  // The key is left out of the message: state keys carry conversation ids, which can be phone numbers.
  if (inserted.count === 0) throw new StoreConflictError(CONFLICT);
}
