/**
 * Phone call sessions on PostgreSQL, shared by every instance: one row per call. `create` counts and inserts
 * in one transaction under a transaction-scoped advisory lock, so two instances never both take the last
 * place under a cap (calls are few; the lock is held for two statements).
 */
import { checkCallId, checkCallUpdate, checkCaps, checkNewCall } from '../calls.ts';
import { toMs } from '../time.ts';
import type { CallStore, StoredCall } from '../types.ts';
import type { PgDb } from './db.ts';

interface CallRow {
  id: string;
  secret_hash: string;
  caller: string;
  ringing: boolean;
  data: StoredCall['data'];
  expires_at: Date;
}

const toCall = (r: CallRow): StoredCall => ({
  id: r.id,
  secretHash: r.secret_hash,
  caller: r.caller,
  ringing: r.ringing,
  data: r.data,
  expiresAt: r.expires_at.toISOString(),
});

const COUNTS = `SELECT count(*) FILTER (WHERE ringing)::int AS ringing, count(*) FILTER (WHERE NOT ringing)::int AS answered
  FROM calls WHERE expires_at > $1`;

export function postgresCalls(db: PgDb): CallStore {
  return {
    async create(call, caps, now) {
      const c = checkNewCall(call);
      const { maxRinging, maxAnswered } = checkCaps(caps);
      const at = new Date(toMs(now, 'now'));
      return db.transaction(async (tx) => {
        await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('trygg.calls.create', 0))");
        await tx.query('DELETE FROM calls WHERE expires_at <= $1', [at]);
        const n = (await tx.query<{ ringing: number; answered: number }>(COUNTS, [at])).rows[0]!;
        if (n.ringing >= maxRinging || n.answered >= maxAnswered) return false;
        await tx.query(
          `INSERT INTO calls (id, secret_hash, caller, ringing, data, expires_at, updated_at)
           VALUES ($1, $2, $3, true, $4::jsonb, $5, $6)`,
          [c.id, c.secretHash, c.caller, c.data, new Date(c.expiresAt), db.now()],
        );
        return true;
      });
    },

    async get(id, now) {
      const { rows } = await db.sql.query<CallRow>(
        'SELECT id, secret_hash, caller, ringing, data, expires_at FROM calls WHERE id = $1 AND expires_at > $2',
        [checkCallId(id), new Date(toMs(now, 'now'))],
      );
      return rows[0] && toCall(rows[0]);
    },

    async save(id, update) {
      const u = checkCallUpdate(update);
      const { count } = await db.sql.query(
        `UPDATE calls SET data = $2::jsonb, expires_at = $3, updated_at = $4, ringing = ringing AND NOT $5
         WHERE id = $1`,
        [checkCallId(id), u.data, new Date(u.expiresAt), db.now(), u.answered],
      );
      return count > 0;
    },

    async delete(id) {
      await db.sql.query('DELETE FROM calls WHERE id = $1', [checkCallId(id)]);
    },

    async count(now) {
      const n = (await db.sql.query<{ ringing: number; answered: number }>(COUNTS, [new Date(toMs(now, 'now'))]))
        .rows[0]!;
      return { ringing: n.ringing, answered: n.answered };
    },
  };
}
