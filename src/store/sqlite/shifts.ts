/** Extra shifts and closures on SQLite. */
import type { RouteId } from '../../routing/types.ts';
import { toIso } from '../time.ts';
import type { NewShift, Shift, ShiftKind, ShiftQuery, ShiftStore } from '../types.ts';
import { newShiftSchema, parseInput, shiftQuerySchema } from '../validate.ts';
import type { SqliteDb } from './db.ts';

interface ShiftRow {
  id: number;
  route: RouteId;
  kind: ShiftKind;
  starts_at: number;
  ends_at: number;
  note: string | null;
  created_by: string | null;
  created_at: number;
}

export function sqliteShifts(db: SqliteDb): ShiftStore {
  return {
    async add(shift: NewShift): Promise<string> {
      const s = parseInput(newShiftSchema, shift, 'shift');
      const row = db.get<{ id: number }>(
        `INSERT INTO shifts (route, kind, starts_at, ends_at, note, created_by, created_at)
         VALUES ($route, $kind, $from, $to, $note, $createdBy, $now) RETURNING id`,
        {
          route: s.route,
          kind: s.kind,
          from: s.from,
          to: s.to,
          note: s.note ?? null,
          createdBy: s.createdBy ?? null,
          now: db.now(),
        },
      );
      return String(row?.id);
    },

    async list(query: ShiftQuery = {}): Promise<Shift[]> {
      const q = parseInput(shiftQuerySchema, query, 'shift query');
      const rows = db.all<ShiftRow>(
        `SELECT * FROM shifts
         WHERE ($activeAt IS NULL OR (starts_at <= $activeAt AND ends_at > $activeAt))
           AND ($from IS NULL OR ends_at > $from)
           AND ($to IS NULL OR starts_at < $to)
         ORDER BY starts_at, id`,
        { activeAt: q.activeAt ?? null, from: q.from ?? null, to: q.to ?? null },
      );
      return rows.map((row) => ({
        id: String(row.id),
        route: row.route,
        kind: row.kind,
        from: toIso(row.starts_at),
        to: toIso(row.ends_at),
        note: row.note,
        createdBy: row.created_by,
        createdAt: toIso(row.created_at),
      }));
    },

    async remove(id: string): Promise<boolean> {
      if (!/^\d{1,15}$/.test(id)) return false;
      return db.run('DELETE FROM shifts WHERE id = $id', { id: Number(id) }) > 0;
    },
  };
}
