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

/** How many different queries' answers are kept (the bot asks one window per hour; the CLI a few). */
const CACHE_SIZE = 8;

export function sqliteShifts(db: SqliteDb): ShiftStore {
  // Every message asks for the shifts around now, and they change a few times a month: answers are kept
  // until a shift is written, through this connection (counted here) or by another one, such as the CLI in
  // another process (SQLite's `data_version` changes). Callers get frozen copies, so a kept answer cannot be
  // changed behind its back.
  let writes = 0;
  const cache = new Map<string, { version: number; writes: number; shifts: readonly Shift[] }>();
  const version = () => db.get<{ data_version: number }>('PRAGMA data_version')!.data_version;
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
      writes++;
      return String(row?.id);
    },

    async list(query: ShiftQuery = {}): Promise<Shift[]> {
      const q = parseInput(shiftQuerySchema, query, 'shift query');
      const key = `${q.activeAt ?? ''}|${q.from ?? ''}|${q.to ?? ''}`;
      const now = version();
      const kept = cache.get(key);
      if (kept && kept.version === now && kept.writes === writes) return kept.shifts as Shift[];
      const rows = db.all<ShiftRow>(
        `SELECT * FROM shifts
         WHERE ($activeAt IS NULL OR (starts_at <= $activeAt AND ends_at > $activeAt))
           AND ($from IS NULL OR ends_at > $from)
           AND ($to IS NULL OR starts_at < $to)
         ORDER BY starts_at, id`,
        { activeAt: q.activeAt ?? null, from: q.from ?? null, to: q.to ?? null },
      );
      const shifts = Object.freeze(
        rows.map((row) =>
          Object.freeze({
            id: String(row.id),
            route: row.route,
            kind: row.kind,
            from: toIso(row.starts_at),
            to: toIso(row.ends_at),
            note: row.note,
            createdBy: row.created_by,
            createdAt: toIso(row.created_at),
          }),
        ),
      );
      cache.delete(key);
      cache.set(key, { version: now, writes, shifts });
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return shifts as Shift[];
    },

    async remove(id: string): Promise<boolean> {
      if (!/^\d{1,15}$/.test(id)) return false;
      writes++;
      return db.run('DELETE FROM shifts WHERE id = $id', { id: Number(id) }) > 0;
    },
  };
}
