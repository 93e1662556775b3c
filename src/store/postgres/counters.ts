/**
 * Windowed counters on PostgreSQL: one row per key hash and window. All increments of one call go in one
 * upsert statement (one round trip), atomic per row: of several instances adding to the same row at once,
 * each waits for the other's row lock and then adds to its total, so no addition is lost.
 */
import { groupIncrements, sweepSchedule } from '../counting.ts';
import type { Counters } from '../types.ts';
import type { PgDb } from './db.ts';

export function postgresCounters(db: PgDb): Counters {
  const sweepDue = sweepSchedule();
  return {
    async add(increments) {
      const { rows, rowOf } = groupIncrements(increments);
      if (rows.length === 0) return [];
      // Each instance sweeps on its own schedule; a sweep is cheap (indexed) and harmless twice.
      if (sweepDue(rows.length, db.now().getTime()))
        await db.sql.query('DELETE FROM counters WHERE expires_at <= $1', [db.now()]);
      // Rows in a fixed order, so that two instances adding to the same rows cannot deadlock.
      const order = rows.map((_, i) => i).sort((a, b) => rows[a]!.hash.localeCompare(rows[b]!.hash) || a - b);
      const sorted = order.map((i) => rows[i]!);
      const { rows: out } = await db.sql.query<{ key: string; window_start: string; count: string }>(
        `INSERT INTO counters (key, window_start, expires_at, count)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::bigint[])
         ON CONFLICT (key, window_start) DO UPDATE
           SET count = counters.count + excluded.count, expires_at = GREATEST(counters.expires_at, excluded.expires_at)
         RETURNING key, window_start, count`,
        [
          sorted.map((r) => r.hash),
          sorted.map((r) => r.windowStart),
          sorted.map((r) => new Date(r.expiresAt)),
          sorted.map((r) => r.by),
        ],
      );
      const totals = new Map(out.map((r) => [`${r.key}@${Number(r.window_start)}`, Number(r.count)]));
      return rowOf.map((i) => totals.get(`${rows[i]!.hash}@${rows[i]!.windowStart}`)!);
    },
  };
}
