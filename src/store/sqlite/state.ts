/**
 * Bot Framework `Storage` on SQLite, with the eTag rules of botbuilder's `MemoryStorage`:
 * - `read` returns copies of the stored items, each with its current `eTag`; unknown keys are left out.
 * - `write` stores an item when it has no `eTag`, when its `eTag` is `'*'`, when nothing is stored under the
 *   key yet, or when its `eTag` equals the stored one; otherwise it rejects with `StoreConflictError`. Each
 *   stored item gets a new `eTag`; the caller's objects are not modified (read again to get it).
 * - `delete` removes the keys; unknown keys are ignored.
 * Unlike `MemoryStorage`, a batch is all or nothing: one conflict and no item of the batch is written.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { StoreConflictError, StoreValidationError } from '../errors.ts';
import type { SqliteDb } from './db.ts';

interface StateRow {
  key: string;
  etag: string;
  data: string;
}

/** The wildcard eTag: write regardless of what is stored. */
const ANY_ETAG = '*';

/** An item as returned by `read`: the stored JSON with its current eTag. */
export function stateItem(row: StateRow): Record<string, unknown> {
  return { ...(JSON.parse(row.data) as Record<string, unknown>), eTag: row.etag };
}

/** `Storage` on `table` (`state`, or `config` for configuration, which has the same columns). */
export function sqliteState(db: SqliteDb, table: 'state' | 'config' = 'state'): Storage {
  return {
    async read(keys: string[]): Promise<StoreItems> {
      // Same error types and messages as botbuilder's providers, which callers and tests may rely on.
      if (!keys) throw new ReferenceError('Keys are required when reading.');
      const items: StoreItems = {};
      if (keys.length === 0) return items;
      // One key (every turn): straight to the primary key.
      if (keys.length === 1) {
        const row = db.get<StateRow>(`SELECT key, etag, data FROM ${table} WHERE key = $key`, { key: keys[0]! });
        if (row) items[row.key] = stateItem(row);
        return items;
      }
      const rows = db.all<StateRow>(
        `SELECT key, etag, data FROM ${table} WHERE key IN (SELECT value FROM json_each($keys))`,
        {
          keys: JSON.stringify(keys),
        },
      );
      for (const row of rows) items[row.key] = stateItem(row);
      return items;
    },

    async write(changes: StoreItems): Promise<void> {
      if (!changes) throw new ReferenceError('Changes are required when writing.');
      const entries = Object.entries(changes);
      if (entries.length === 0) return;
      const now = db.now();
      // One item is one statement, atomic by itself; several are all or nothing.
      if (entries.length === 1) writeItem(db, table, entries[0]![0], entries[0]![1], now);
      else
        db.transaction(() => {
          for (const [key, item] of entries) writeItem(db, table, key, item, now);
        });
    },

    async delete(keys: string[]): Promise<void> {
      if (!keys) throw new ReferenceError('Keys are required when deleting.');
      if (keys.length === 0) return;
      db.run(`DELETE FROM ${table} WHERE key IN (SELECT value FROM json_each($keys))`, { keys: JSON.stringify(keys) });
    },
  };
}

function writeItem(db: SqliteDb, table: string, key: string, item: unknown, now: number): void {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new StoreValidationError('Invalid state item: expected an object.');
  }
  const { eTag, ...data } = item as { eTag?: unknown };
  const checked = eTag !== undefined && eTag !== null && eTag !== '' && eTag !== ANY_ETAG;
  // One statement: inserts a new key, or updates a stored one when no eTag is checked or the stored eTag is
  // the one given; a stored item with another eTag is left alone (0 rows changed): a conflict.
  const changed = db.run(
    `INSERT INTO ${table} (key, etag, data, updated_at) VALUES ($key, $etag, $data, $now)
     ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at
     WHERE $expected IS NULL OR ${table}.etag = $expected`,
    { key, etag: randomUUID(), data: JSON.stringify(data), now, expected: checked ? String(eTag) : null },
  );
  // The key is left out of the message: state keys carry conversation ids, which can be phone numbers.
  if (changed === 0)
    throw new StoreConflictError(
      'State write rejected: the item changed since it was read (eTag conflict); read it again and retry.',
    );
}
