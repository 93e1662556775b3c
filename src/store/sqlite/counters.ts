/**
 * Windowed counters on SQLite: one row per key hash and window, added to by an upsert. The increments of
 * one call are written in one transaction; SQLite serialises writers, so no addition is lost.
 */
import { groupIncrements, sweepSchedule } from '../counting.ts';
import type { Counters } from '../types.ts';
import type { SqliteDb } from './db.ts';

export function sqliteCounters(db: SqliteDb): Counters {
  const sweepDue = sweepSchedule();
  return {
    async add(increments) {
      const { rows, rowOf } = groupIncrements(increments);
      if (rows.length === 0) return [];
      const totals = db.transaction(() => {
        if (sweepDue(rows.length, db.now())) db.run('DELETE FROM counters WHERE expires_at <= $now', { now: db.now() });
        return rows.map(
          (r) =>
            db.get<{ count: number }>(
              `INSERT INTO counters (key, window_start, expires_at, count) VALUES ($hash, $windowStart, $expiresAt, $by)
               ON CONFLICT (key, window_start) DO UPDATE
                 SET count = counters.count + excluded.count, expires_at = MAX(counters.expires_at, excluded.expires_at)
               RETURNING count`,
              { ...r },
            )!.count,
        );
      });
      return rowOf.map((i) => totals[i]!);
    },
  };
}
