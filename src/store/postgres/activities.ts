/**
 * Dedupe of redelivered activities on PostgreSQL. Only a SHA-256 of conversation and activity id is stored
 * (conversation ids can be phone numbers), and only for the time to live. One upsert decides: a new id is
 * inserted, an expired one revived, a live one left alone; of two instances recording the same activity at
 * once, the second waits for the first's row and then finds it live.
 */
import { createHash } from 'node:crypto';
import type { ProcessedActivities } from '../types.ts';
import type { PgDb } from './db.ts';

/** How long an activity is remembered by default: channels redeliver within minutes, not days. */
export const DEFAULT_PROCESSED_TTL_MS = 24 * 60 * 60 * 1000;

function activityKey(conversationId: string, activityId: string): string {
  return createHash('sha256').update(conversationId).update('\u0000').update(activityId).digest('hex');
}

export function postgresActivities(db: PgDb, ttlMs = DEFAULT_PROCESSED_TTL_MS): ProcessedActivities {
  let lastSweep = Number.NEGATIVE_INFINITY;
  return {
    async markProcessed(conversationId: string, activityId: string): Promise<boolean> {
      // Without an id (some channels omit it on some activities) there is nothing to dedupe on: handle it.
      if (!conversationId || !activityId) return true;
      const now = db.now();
      const expiredBefore = new Date(now.getTime() - ttlMs);
      // Sweep expired ids now and then rather than on every message (each instance on its own schedule).
      if (now.getTime() - lastSweep >= ttlMs / 24) {
        lastSweep = now.getTime();
        await db.sql.query('DELETE FROM processed_activities WHERE seen_at < $1', [expiredBefore]);
      }
      const { count } = await db.sql.query(
        `INSERT INTO processed_activities (key, seen_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE processed_activities.seen_at < $3
         RETURNING 1`,
        [activityKey(conversationId, activityId), now, expiredBefore],
      );
      return count === 1;
    },

    async seen(conversationId: string, activityId: string): Promise<boolean> {
      if (!conversationId || !activityId) return false;
      const { rows } = await db.sql.query('SELECT 1 FROM processed_activities WHERE key = $1 AND seen_at >= $2', [
        activityKey(conversationId, activityId),
        new Date(db.now().getTime() - ttlMs),
      ]);
      return rows.length > 0;
    },
  };
}
