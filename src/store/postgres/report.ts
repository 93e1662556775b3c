/**
 * The night report's read-only queries and the wall-clock jobs' occurrences, on PostgreSQL. An occurrence is
 * claimed by one upsert: of several instances asking at once, the first inserts the row (or takes over a
 * lease that ran out) and the others find it held.
 */
import { randomUUID } from 'node:crypto';
import type { Category, DangerKind, Lang, RouteId } from '../../routing/types.ts';
import { checkOccurrence, firstWords, OCCURRENCE_KEEP_MS } from '../report-rules.ts';
import { toMs } from '../time.ts';
import type {
  CaseContact,
  CaseFacts,
  CaseStatus,
  Instant,
  JobOccurrences,
  OccurrenceStatus,
  OpenFault,
  ReportQueries,
} from '../types.ts';
import { checkLimit } from '../validate.ts';
import { AUDIT_COLUMNS, auditEntry, type AuditRow } from './audit.ts';
import type { PgDb } from './db.ts';

interface FactsRow {
  id: string;
  route: RouteId;
  category: Category;
  danger: DangerKind | null;
  language: Lang;
  channel_id: string;
  status: CaseStatus;
  claimed_by: string | null;
  outcome: string | null;
  created_at: Date;
  claimed_at: Date | null;
  closed_at: Date | null;
}

const FACTS = `id, route, category, danger, language, channel_id, status, claimed_by, outcome, created_at, claimed_at,
  closed_at`;

const facts = (row: FactsRow): CaseFacts => ({
  id: row.id,
  route: row.route,
  category: row.category,
  danger: row.danger,
  language: row.language,
  channelId: row.channel_id,
  status: row.status,
  claimedBy: row.claimed_by,
  outcome: row.outcome,
  createdAt: row.created_at.toISOString(),
  claimedAt: row.claimed_at?.toISOString() ?? null,
  closedAt: row.closed_at?.toISOString() ?? null,
});

export function postgresReports(db: PgDb): ReportQueries {
  const span = (from: Instant, to: Instant) => [new Date(toMs(from, 'from')), new Date(toMs(to, 'to'))];
  return {
    async decisions(from, to) {
      const { rows } = await db.sql.query<AuditRow>(
        `SELECT ${AUDIT_COLUMNS} FROM audit WHERE at >= $1 AND at < $2 ORDER BY at, id`,
        span(from, to),
      );
      return rows.map(auditEntry);
    },

    async cases(from, to) {
      const { rows } = await db.sql.query<FactsRow>(
        `SELECT ${FACTS} FROM cases WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, row_no`,
        span(from, to),
      );
      return rows.map(facts);
    },

    async openFaults(before, limit) {
      const { rows } = await db.sql.query<FactsRow & { contact: CaseContact; first: string | null }>(
        `SELECT ${FACTS}, contact,
           (SELECT text FROM case_transcript AS t WHERE t.case_id = c.id AND t.sender = 'tenant' ORDER BY seq LIMIT 1)
             AS first
         FROM cases AS c
         WHERE category IN ('urgent_fault', 'minor_fault') AND status <> 'closed' AND created_at < $1
         ORDER BY created_at, row_no LIMIT $2`,
        [new Date(toMs(before, 'before')), checkLimit(limit, 50)],
      );
      return rows.map((row): OpenFault => {
        const address = [row.contact.address, row.contact.stairwell].filter(Boolean).join(', ');
        return {
          ...facts(row),
          address: address || null,
          reported: firstWords(row.first),
          hearBack: row.contact.hearBack === true,
        };
      });
    },

    async unclaimed() {
      const { rows } = await db.sql.query<{ n: string; oldest: Date | null }>(
        "SELECT COUNT(*)::text AS n, MIN(created_at) AS oldest FROM cases WHERE status = 'open'",
      );
      return { count: Number(rows[0]?.n ?? 0), oldest: rows[0]?.oldest?.toISOString() ?? null };
    },

    async outboxBacklog() {
      const { rows } = await db.sql.query<{ n: string; oldest: Date | null }>(
        "SELECT COUNT(*)::text AS n, MIN(created_at) AS oldest FROM outbox WHERE status IN ('pending', 'leased')",
      );
      return { depth: Number(rows[0]?.n ?? 0), oldest: rows[0]?.oldest?.toISOString() ?? null };
    },
  };
}

export function postgresJobOccurrences(db: PgDb): JobOccurrences {
  return {
    async claim(name, occurrence, dueAt, leaseMs) {
      const due = new Date(toMs(dueAt, 'dueAt'));
      checkOccurrence(name, occurrence, leaseMs);
      const now = db.now();
      await db.sql.query('DELETE FROM job_occurrences WHERE name = $1 AND due_at < $2', [
        name,
        new Date(now.getTime() - OCCURRENCE_KEEP_MS),
      ]);
      const lease = randomUUID();
      const claimed = await db.sql.query<{ lease_token: string }>(
        `INSERT INTO job_occurrences (name, occurrence, due_at, status, lease_token, lease_until, attempts, updated_at)
         VALUES ($1, $2, $3, 'running', $4, $5, 1, $6)
         ON CONFLICT (name, occurrence) DO UPDATE
           SET lease_token = excluded.lease_token, lease_until = excluded.lease_until,
               attempts = job_occurrences.attempts + 1, updated_at = excluded.updated_at
           WHERE job_occurrences.status = 'running' AND job_occurrences.lease_until <= excluded.updated_at
         RETURNING lease_token`,
        [name, occurrence, due, lease, new Date(now.getTime() + leaseMs), now],
      );
      if (claimed.rows[0]) return { lease: claimed.rows[0].lease_token };
      const { rows } = await db.sql.query<{ status: OccurrenceStatus }>(
        'SELECT status FROM job_occurrences WHERE name = $1 AND occurrence = $2',
        [name, occurrence],
      );
      return { status: rows[0]?.status ?? 'running' };
    },

    async settle(name, occurrence, lease, outcome) {
      const retryAt = typeof outcome === 'object' ? new Date(toMs(outcome.retryAt, 'retryAt')) : null;
      const { count } = await db.sql.query(
        `UPDATE job_occurrences
           SET status = $4, lease_token = CASE WHEN $5::timestamptz IS NULL THEN NULL ELSE lease_token END,
               lease_until = $5, updated_at = $6
         WHERE name = $1 AND occurrence = $2 AND status = 'running' AND lease_token = $3`,
        [name, occurrence, String(lease), typeof outcome === 'object' ? 'running' : outcome, retryAt, db.now()],
      );
      return count === 1;
    },

    async latest(name) {
      const { rows } = await db.sql.query<{ occurrence: string; due_at: Date; status: OccurrenceStatus }>(
        'SELECT occurrence, due_at, status FROM job_occurrences WHERE name = $1 ORDER BY due_at DESC LIMIT 1',
        [String(name)],
      );
      const row = rows[0];
      return row && { occurrence: row.occurrence, dueAt: row.due_at.toISOString(), status: row.status };
    },
  };
}
