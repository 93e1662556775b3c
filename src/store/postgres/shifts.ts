/** Extra shifts and closures on PostgreSQL. */
import type { RouteId } from '../../routing/types.ts';
import type { NewShift, Shift, ShiftKind, ShiftQuery, ShiftStore } from '../types.ts';
import { newShiftSchema, parseInput, shiftQuerySchema } from '../validate.ts';
import type { PgDb } from './db.ts';

interface ShiftRow {
  id: string;
  route: RouteId;
  kind: ShiftKind;
  starts_at: Date;
  ends_at: Date;
  note: string | null;
  created_by: string | null;
  created_at: Date;
}

const dateOrNull = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));

export function postgresShifts(db: PgDb): ShiftStore {
  return {
    async add(shift: NewShift): Promise<string> {
      const s = parseInput(newShiftSchema, shift, 'shift');
      const { rows } = await db.sql.query<{ id: string }>(
        `INSERT INTO shifts (route, kind, starts_at, ends_at, note, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
        [s.route, s.kind, new Date(s.from), new Date(s.to), s.note ?? null, s.createdBy ?? null, db.now()],
      );
      return String(rows[0]?.id);
    },

    async list(query: ShiftQuery = {}): Promise<Shift[]> {
      const q = parseInput(shiftQuerySchema, query, 'shift query');
      const { rows } = await db.sql.query<ShiftRow>(
        `SELECT id::text AS id, route, kind, starts_at, ends_at, note, created_by, created_at FROM shifts
         WHERE ($1::timestamptz IS NULL OR (starts_at <= $1 AND ends_at > $1))
           AND ($2::timestamptz IS NULL OR ends_at > $2)
           AND ($3::timestamptz IS NULL OR starts_at < $3)
         ORDER BY starts_at, id`,
        [dateOrNull(q.activeAt), dateOrNull(q.from), dateOrNull(q.to)],
      );
      return rows.map((row) => ({
        id: row.id,
        route: row.route,
        kind: row.kind,
        from: row.starts_at.toISOString(),
        to: row.ends_at.toISOString(),
        note: row.note,
        createdBy: row.created_by,
        createdAt: row.created_at.toISOString(),
      }));
    },

    async remove(id: string): Promise<boolean> {
      if (typeof id !== 'string' || !/^\d{1,15}$/.test(id)) return false;
      return (await db.sql.query('DELETE FROM shifts WHERE id = $1::bigint', [id])).count > 0;
    },
  };
}
