/**
 * Incidents on SQLite: the incident, its notices in order, and the counts of reports and subscribers.
 * Subscriptions and proposals are in `incident-contacts.ts`. Outbox items passed with a change commit in the
 * same transaction.
 */
import type { AuditHasher } from '../audit-key.ts';
import { caseIdPeriod } from '../case-id.ts';
import { StoreConflictError, StoreNotFoundError } from '../errors.ts';
import { toIso, toIsoOrNull } from '../time.ts';
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
import type { SqliteDb } from './db.ts';
import { activeSubscriptions, incidentContacts } from './incident-contacts.ts';
import { insertOutboxItems } from './outbox.ts';

interface IncidentRow {
  id: string;
  kind: IncidentKind;
  place: string;
  where_text: string;
  status: IncidentStatus;
  office_from: number | null;
  office_to: number | null;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  reports: number;
  subscribers: number;
}

interface NoticeRow {
  incident_id: string;
  seq: number;
  kind: IncidentNotice['kind'];
  text: string;
  at: number;
  by: string;
}

const NOT_FOUND = 'No such incident.';

/** The incident rows with their counts; `$ids` a JSON array. */
const SELECT_INCIDENTS = `
  SELECT i.*,
    (SELECT COUNT(*) FROM incident_reports AS r WHERE r.incident_id = i.id) AS reports,
    (SELECT COUNT(*) FROM incident_subscriptions AS s WHERE s.incident_id = i.id AND s.status = 'active') AS subscribers
  FROM incidents AS i`;

/** Incidents by id with their notices, in the order of `ids`; unknown ids are skipped. */
export function loadIncidents(db: SqliteDb, ids: string[]): Incident[] {
  if (!ids.length) return [];
  const params = { ids: JSON.stringify(ids) };
  const rows = db.all<IncidentRow>(`${SELECT_INCIDENTS} WHERE i.id IN (SELECT value FROM json_each($ids))`, params);
  const notices = db.all<NoticeRow>(
    'SELECT * FROM incident_notices WHERE incident_id IN (SELECT value FROM json_each($ids)) ORDER BY incident_id, seq',
    params,
  );
  const byIncident = new Map<string, IncidentNotice[]>();
  for (const n of notices) {
    const list = byIncident.get(n.incident_id) ?? [];
    list.push({ seq: n.seq, kind: n.kind, text: JSON.parse(n.text) as NoticeText, at: toIso(n.at), by: n.by });
    byIncident.set(n.incident_id, list);
  }
  const byId = new Map(
    rows.map((r): [string, Incident] => [
      r.id,
      {
        id: r.id,
        kind: r.kind,
        place: JSON.parse(r.place) as IncidentPlace,
        where: r.where_text,
        status: r.status,
        officeHours:
          r.office_from !== null && r.office_to !== null
            ? { from: toIso(r.office_from), to: toIso(r.office_to) }
            : null,
        notices: byIncident.get(r.id) ?? [],
        reports: r.reports,
        subscribers: r.subscribers,
        createdAt: toIso(r.created_at),
        updatedAt: toIso(r.updated_at),
        closedAt: toIsoOrNull(r.closed_at),
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function loadIncident(db: SqliteDb, id: string): Incident {
  const [found] = loadIncidents(db, [id]);
  if (!found) throw new StoreNotFoundError(NOT_FOUND);
  return found;
}

/** `H-YYMM-NNNN`: the month's running number, from the counter row the write transaction holds. */
function nextIncidentId(db: SqliteDb, now: number): string {
  const period = caseIdPeriod(now);
  const row = db.get<{ last: number }>(
    `INSERT INTO case_counters (period, last) VALUES ($period, 1)
     ON CONFLICT (period) DO UPDATE SET last = last + 1 RETURNING last`,
    { period: `H${period}` },
  );
  return `H-${period}-${String(row?.last ?? 1).padStart(4, '0')}`;
}

/** The outbox items of a change, from the incident as written and its active subscriptions. */
function writeOutbox(db: SqliteDb, written: Incident, outbox: IncidentOutbox | undefined): void {
  if (outbox) insertOutboxItems(db, outbox(written, activeSubscriptions(db, written.id)));
}

export function sqliteIncidents(db: SqliteDb, hasher: AuditHasher): IncidentStore {
  return {
    async open(input, options = {}) {
      const i = parseInput(newIncidentSchema, input, 'incident');
      return db.transaction(() => {
        const now = db.now();
        const id = nextIncidentId(db, now);
        db.run(
          `INSERT INTO incidents (id, kind, place, where_text, status, office_from, office_to, created_at, updated_at)
           VALUES ($id, $kind, $place, $where, 'open', $officeFrom, $officeTo, $now, $now)`,
          {
            id,
            kind: i.kind,
            place: JSON.stringify(i.place),
            where: i.where,
            officeFrom: i.officeHours?.from ?? null,
            officeTo: i.officeHours?.to ?? null,
            now,
          },
        );
        db.run(
          `INSERT INTO incident_notices (incident_id, seq, kind, text, at, by) VALUES ($id, 1, 'open', $text, $now, $by)`,
          { id, text: JSON.stringify(i.text), now, by: i.by },
        );
        const written = loadIncident(db, id);
        writeOutbox(db, written, options.outbox);
        return written;
      });
    },

    async get(id) {
      return loadIncidents(db, [String(id)])[0];
    },

    async list(query = {}) {
      const q = parseInput(incidentQuerySchema, query, 'incident query');
      const ids = db.all<{ id: string }>(
        `SELECT id FROM incidents WHERE ($status IS NULL OR status = $status)
         ORDER BY created_at DESC, rowid DESC LIMIT $limit`,
        { status: q.status ?? null, limit: q.limit ?? 100 },
      );
      return loadIncidents(
        db,
        ids.map((r) => r.id),
      );
    },

    async addNotice(id, notice, options = {}) {
      const n = parseInput(incidentNoticeSchema, notice, 'incident notice');
      return db.transaction(() => {
        const current = loadIncident(db, String(id));
        if (current.status === 'closed') throw new StoreConflictError('The incident is closed already.');
        const now = db.now();
        db.run(
          `INSERT INTO incident_notices (incident_id, seq, kind, text, at, by)
           VALUES ($id, $seq, $kind, $text, $now, $by)`,
          {
            id: current.id,
            seq: current.notices.length + 1,
            kind: n.close ? 'close' : 'update',
            text: JSON.stringify(n.text),
            now,
            by: n.by,
          },
        );
        db.run(
          `UPDATE incidents SET updated_at = $now, status = $status, closed_at = $closedAt,
             office_from = COALESCE($officeFrom, office_from), office_to = COALESCE($officeTo, office_to)
           WHERE id = $id`,
          {
            id: current.id,
            now,
            status: n.close ? 'closed' : 'open',
            closedAt: n.close ? now : null,
            officeFrom: n.officeHours?.from ?? null,
            officeTo: n.officeHours?.to ?? null,
          },
        );
        const written = loadIncident(db, current.id);
        writeOutbox(db, written, options.outbox);
        return written;
      });
    },

    async link(id, contact) {
      const c = parseInput(incidentLinkSchema, contact, 'incident contact');
      return db.transaction(() => {
        const incidentId = loadIncident(db, String(id)).id;
        const params = { id: incidentId, hash: hasher.conversation(c.conversationId) };
        const seen = db.get(
          'SELECT 1 AS x FROM incident_reports WHERE incident_id = $id AND contact_hash = $hash',
          params,
        );
        if (!seen)
          db.run(
            `INSERT INTO incident_reports (incident_id, contact_hash, channel_id, case_id, at)
             VALUES ($id, $hash, $channelId, $caseId, $now)`,
            { ...params, channelId: c.channelId, caseId: c.caseId ?? null, now: db.now() },
          );
        else if (c.caseId)
          db.run(
            'UPDATE incident_reports SET case_id = COALESCE(case_id, $caseId) WHERE incident_id = $id AND contact_hash = $hash',
            { ...params, caseId: c.caseId },
          );
        return { incident: loadIncident(db, incidentId), first: !seen };
      });
    },

    ...incidentContacts(db, hasher, loadIncident),
  };
}
