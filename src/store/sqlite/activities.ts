/**
 * Dedupe of redelivered activities on SQLite. Only a SHA-256 of conversation and activity id is stored
 * (conversation ids can be phone numbers), and only for the time to live.
 */
import { createHash } from 'node:crypto';
import type { ProcessedActivities } from '../types.ts';
import type { SqliteDb } from './db.ts';

/** How long an activity is remembered by default: channels redeliver within minutes, not days. */
export const DEFAULT_PROCESSED_TTL_MS = 24 * 60 * 60 * 1000;

function activityKey(conversationId: string, activityId: string): string {
  return createHash('sha256').update(conversationId).update('\u0000').update(activityId).digest('hex');
}

export function sqliteActivities(db: SqliteDb, ttlMs = DEFAULT_PROCESSED_TTL_MS): ProcessedActivities {
  let lastSweep = Number.NEGATIVE_INFINITY;
  // A turn asks `seen` and then `markProcessed` for the same activity: hash it once.
  let last = { conversationId: '', activityId: '', key: '' };
  const keyOf = (conversationId: string, activityId: string) => {
    if (last.conversationId !== conversationId || last.activityId !== activityId)
      last = { conversationId, activityId, key: activityKey(conversationId, activityId) };
    return last.key;
  };
  return {
    async markProcessed(conversationId: string, activityId: string): Promise<boolean> {
      // Without an id (some channels omit it on some activities) there is nothing to dedupe on: handle it.
      if (!conversationId || !activityId) return true;
      const now = db.now();
      const expiredBefore = now - ttlMs;
      // Sweep expired ids now and then rather than on every message.
      if (now - lastSweep >= ttlMs / 24) {
        db.run('DELETE FROM processed_activities WHERE seen_at < $expiredBefore', { expiredBefore });
        lastSweep = now;
      }
      // One statement, atomic by itself: inserts a new id, or revives one that has expired; leaves a live one
      // alone (0 changes).
      const changes = db.run(
        `INSERT INTO processed_activities (key, seen_at) VALUES ($key, $now)
         ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE processed_activities.seen_at < $expiredBefore`,
        { key: keyOf(conversationId, activityId), now, expiredBefore },
      );
      return changes === 1;
    },

    async seen(conversationId: string, activityId: string): Promise<boolean> {
      if (!conversationId || !activityId) return false;
      const row = db.get<{ n: number }>(
        'SELECT 1 AS n FROM processed_activities WHERE key = $key AND seen_at >= $expiredBefore',
        {
          key: keyOf(conversationId, activityId),
          expiredBefore: db.now() - ttlMs,
        },
      );
      return row !== undefined;
    },
  };
}
