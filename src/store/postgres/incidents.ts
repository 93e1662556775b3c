/**
 * Incidents on PostgreSQL, the same contract as SQLite. What several instances need: incident numbers from
 * the counter row (locked until commit); a notice locks its incident row, and a subscription takes a share
 * lock on it, so a tenant who subscribes while a notice is written gets that notice exactly once (from the
 * notice's fan-out, or from the subscription's catch-up). Subscriptions and proposals: `incident-contacts.ts`.
 */
import type { AuditHasher } from '../audit-key.ts';
import { caseIdPeriod } from '../case-id.ts';
import { StoreConflictError, StoreNotFoundError } from '../errors.ts';
import type {
  Incident,
  IncidentKind,
  IncidentNotice,
  IncidentOutbox,
  IncidentPlace,
  IncidentStatus,
  IncidentStore,
  NoticeText,
} from '../types.ts';
import {
  incidentLinkSchema,
  incidentNoticeSchema,
  incidentQuerySchema,
  newIncidentSchema,
  parseInput,
} from '../validate.ts';
import type { PgDb, Sql } from './db.ts';
import { activeSubscriptions, incidentContacts } from './incident-contacts.ts';
import { insertOutboxItems } from './outbox.ts';

interface IncidentRow {
  id: string;
  kind: IncidentKind;
  place: IncidentPlace;
  where_text: string;
  status: IncidentStatus;
  office_from: Date | null;
  office_to: Date | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  reports: string;
  subscribers: string;
}

interface NoticeRow {
  incident_id: string;
  seq: number;
  kind: IncidentNotice['kind'];
  text: NoticeText;
  at: Date;
  by: string;
}

const NOT_FOUND = 'No such incident.';

const SELECT_INCIDENTS = `
  SELECT i.*,
    (SELECT COUNT(*) FROM incident_reports AS r WHERE r.incident_id = i.id)::text AS reports,
    (SELECT COUNT(*) FROM incident_subscriptions AS s
      WHERE s.incident_id = i.id AND s.status = 'active')::text AS subscribers
  FROM incidents AS i`;

/** Incidents by id with their notices, in the order of `ids`; unknown ids are skipped. */
export async function loadIncidents(sql: Sql, ids: string[]): Promise<Incident[]> {
  if (!ids.length) return [];
  const { rows } = await sql.query<IncidentRow>(`${SELECT_INCIDENTS} WHERE i.id = ANY($1::text[])`, [ids]);
  const notices = await sql.query<NoticeRow>(
    'SELECT * FROM incident_notices WHERE incident_id = ANY($1::text[]) ORDER BY incident_id, seq',
    [ids],
  );
  const byIncident = new Map<string, IncidentNotice[]>();
  for (const n of notices.rows) {
    const list = byIncident.get(n.incident_id) ?? [];
    list.push({ seq: n.seq, kind: n.kind, text: n.text, at: n.at.toISOString(), by: n.by });
    byIncident.set(n.incident_id, list);
  }
  const byId = new Map(
    rows.map((r): [string, Incident] => [
      r.id,
      {
        id: r.id,
        kind: r.kind,
        place: r.place,
        where: r.where_text,
        status: r.status,
        officeHours:
          r.office_from && r.office_to ? { from: r.office_from.toISOString(), to: r.office_to.toISOString() } : null,
        notices: byIncident.get(r.id) ?? [],
        reports: Number(r.reports),
        subscribers: Number(r.subscribers),
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        closedAt: r.closed_at ? r.closed_at.toISOString() : null,
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The incident, after locking its row (`FOR UPDATE`, or `FOR SHARE`) when asked. */
export async function loadIncident(sql: Sql, id: string, lock?: 'update' | 'share'): Promise<Incident> {
  if (lock) {
    const locked = await sql.query(
      `SELECT 1 FROM incidents WHERE id = $1 FOR ${lock === 'update' ? 'UPDATE' : 'SHARE'}`,
      [id],
    );
    if (!locked.rows.length) throw new StoreNotFoundError(NOT_FOUND);
  }
  const [found] = await loadIncidents(sql, [id]);
  if (!found) throw new StoreNotFoundError(NOT_FOUND);
  return found;
}

async function nextIncidentId(sql: Sql, now: Date): Promise<string> {
  const period = caseIdPeriod(now.getTime());
  const { rows } = await sql.query<{ last: number }>(
    `INSERT INTO case_counters (period, last) VALUES ($1, 1)
     ON CONFLICT (period) DO UPDATE SET last = case_counters.last + 1 RETURNING last`,
    [`H${period}`],
  );
  return `H-${period}-${String(rows[0]?.last ?? 1).padStart(4, '0')}`;
}

async function writeOutbox(sql: Sql, db: PgDb, written: Incident, outbox: IncidentOutbox | undefined): Promise<void> {
  if (outbox) await insertOutboxItems(sql, db.now(), outbox(written, await activeSubscriptions(sql, written.id)));
}

const dateOrNull = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));

export function postgresIncidents(db: PgDb, hasher: AuditHasher): IncidentStore {
  return {
    async open(input, options = {}) {
      const i = parseInput(newIncidentSchema, input, 'incident');
      return db.transaction(async (tx) => {
        const now = db.now();
        const id = await nextIncidentId(tx, now);
        await tx.query(
          `INSERT INTO incidents (id, kind, place, where_text, status, office_from, office_to, created_at, updated_at)
           VALUES ($1, $2, $3::jsonb, $4, 'open', $5, $6, $7, $7)`,
          [
            id,
            i.kind,
            JSON.stringify(i.place),
            i.where,
            dateOrNull(i.officeHours?.from),
            dateOrNull(i.officeHours?.to),
            now,
          ],
        );
        await tx.query(
          `INSERT INTO incident_notices (incident_id, seq, kind, text, at, by) VALUES ($1, 1, 'open', $2::jsonb, $3, $4)`,
          [id, JSON.stringify(i.text), now, i.by],
        );
        const written = await loadIncident(tx, id);
        await writeOutbox(tx, db, written, options.outbox);
        return written;
      });
    },

    async get(id) {
      return (await loadIncidents(db.sql, [String(id)]))[0];
    },

    async list(query = {}) {
      const q = parseInput(incidentQuerySchema, query, 'incident query');
      const { rows } = await db.sql.query<{ id: string }>(
        `SELECT id FROM incidents WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC, id DESC LIMIT $2`,
        [q.status ?? null, q.limit ?? 100],
      );
      return loadIncidents(
        db.sql,
        rows.map((r) => r.id),
      );
    },

    async addNotice(id, notice, options = {}) {
      const n = parseInput(incidentNoticeSchema, notice, 'incident notice');
      return db.transaction(async (tx) => {
        const current = await loadIncident(tx, String(id), 'update');
        if (current.status === 'closed') throw new StoreConflictError('The incident is closed already.');
        const now = db.now();
        await tx.query(
          `INSERT INTO incident_notices (incident_id, seq, kind, text, at, by) VALUES ($1, $2, $3, $4::jsonb, $5, $6)`,
          [current.id, current.notices.length + 1, n.close ? 'close' : 'update', JSON.stringify(n.text), now, n.by],
        );
        await tx.query(
          `UPDATE incidents SET updated_at = $2, status = $3, closed_at = $4,
             office_from = COALESCE($5, office_from), office_to = COALESCE($6, office_to)
           WHERE id = $1`,
          [
            current.id,
            now,
            n.close ? 'closed' : 'open',
            n.close ? now : null,
            dateOrNull(n.officeHours?.from),
            dateOrNull(n.officeHours?.to),
          ],
        );
        const written = await loadIncident(tx, current.id);
        await writeOutbox(tx, db, written, options.outbox);
        return written;
      });
    },

    async link(id, contact) {
      const c = parseInput(incidentLinkSchema, contact, 'incident contact');
      return db.transaction(async (tx) => {
        const incidentId = (await loadIncident(tx, String(id))).id;
        const hash = hasher.conversation(c.conversationId);
        const inserted = await tx.query(
          `INSERT INTO incident_reports (incident_id, contact_hash, channel_id, case_id, at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (incident_id, contact_hash) DO NOTHING`,
          [incidentId, hash, c.channelId, c.caseId ?? null, db.now()],
        );
        if (!inserted.count && c.caseId)
          await tx.query(
            'UPDATE incident_reports SET case_id = COALESCE(case_id, $3) WHERE incident_id = $1 AND contact_hash = $2',
            [incidentId, hash, c.caseId],
          );
        return { incident: await loadIncident(tx, incidentId), first: inserted.count > 0 };
      });
    },

    ...incidentContacts(db, hasher),
  };
}
