/**
 * Phone call sessions on SQLite: one row per call. `create` counts and inserts in one write transaction,
 * which SQLite serialises, so two callers never both take the last place under a cap.
 */
import { checkCallId, checkCallUpdate, checkCaps, checkNewCall } from '../calls.ts';
import { toIso, toMs } from '../time.ts';
import type { CallStore, StoredCall } from '../types.ts';
import type { SqliteDb } from './db.ts';

interface CallRow {
  id: string;
  secret_hash: string;
  caller: string;
  ringing: number;
  data: string;
  expires_at: number;
}

const toCall = (r: CallRow): StoredCall => ({
  id: r.id,
  secretHash: r.secret_hash,
  caller: r.caller,
  ringing: r.ringing === 1,
  data: JSON.parse(r.data),
  expiresAt: toIso(r.expires_at),
});

export function sqliteCalls(db: SqliteDb): CallStore {
  return {
    async create(call, caps, now) {
      const c = checkNewCall(call);
      const { maxRinging, maxAnswered } = checkCaps(caps);
      const at = toMs(now, 'now');
      return db.transaction(() => {
        db.run('DELETE FROM calls WHERE expires_at <= $at', { at });
        const n = db.get<{ ringing: number; answered: number }>(
          'SELECT COALESCE(SUM(ringing), 0) AS ringing, COALESCE(SUM(1 - ringing), 0) AS answered FROM calls',
        )!;
        if (n.ringing >= maxRinging || n.answered >= maxAnswered) return false;
        db.run(
          `INSERT INTO calls (id, secret_hash, caller, ringing, data, expires_at, updated_at)
           VALUES ($id, $secretHash, $caller, 1, $data, $expiresAt, $now)`,
          { ...c, now: db.now() },
        );
        return true;
      });
    },

    async get(id, now) {
      const row = db.get<CallRow>('SELECT * FROM calls WHERE id = $id AND expires_at > $at', {
        id: checkCallId(id),
        at: toMs(now, 'now'),
      });
      return row && toCall(row);
    },

    async save(id, update) {
      const u = checkCallUpdate(update);
      const changed = db.run(
        `UPDATE calls SET data = $data, expires_at = $expiresAt, updated_at = $now,
           ringing = CASE WHEN $answered = 1 THEN 0 ELSE ringing END
         WHERE id = $id`,
        { id: checkCallId(id), data: u.data, expiresAt: u.expiresAt, answered: u.answered ? 1 : 0, now: db.now() },
      );
      return changed > 0;
    },

    async delete(id) {
      db.run('DELETE FROM calls WHERE id = $id', { id: checkCallId(id) });
    },

    async count(now) {
      const n = db.get<{ ringing: number; answered: number }>(
        `SELECT COALESCE(SUM(ringing), 0) AS ringing, COALESCE(SUM(1 - ringing), 0) AS answered
         FROM calls WHERE expires_at > $at`,
        { at: toMs(now, 'now') },
      )!;
      return { ringing: Number(n.ringing), answered: Number(n.answered) };
    },
  };
}
