/** The night report's read-only queries and the wall-clock jobs' occurrences, on SQLite. */
import { randomUUID } from 'node:crypto';
import type { Category, DangerKind, Lang, RouteId } from '../../routing/types.ts';
import { toIso, toIsoOrNull, toMs } from '../time.ts';
import type {
  CaseFacts,
  CaseStatus,
  Instant,
  JobOccurrences,
  OccurrenceStatus,
  OpenFault,
  ReportQueries,
} from '../types.ts';
import { auditEntry, type AuditRow } from './audit.ts';
import type { SqliteDb } from './db.ts';
import { checkLimit } from '../validate.ts';
import { checkOccurrence, firstWords, OCCURRENCE_KEEP_MS } from '../report-rules.ts';

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
  created_at: number;
  claimed_at: number | null;
  closed_at: number | null;
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
  createdAt: toIso(row.created_at),
  claimedAt: toIsoOrNull(row.claimed_at),
  closedAt: toIsoOrNull(row.closed_at),
});

export function sqliteReports(db: SqliteDb): ReportQueries {
  const span = (from: Instant, to: Instant) => ({ from: toMs(from, 'from'), to: toMs(to, 'to') });
  return {
    async decisions(from, to) {
      return db
        .all<AuditRow>('SELECT * FROM audit WHERE at >= $from AND at < $to ORDER BY at, id', span(from, to))
        .map(auditEntry);
    },

    async cases(from, to) {
      return db
        .all<FactsRow>(
          `SELECT ${FACTS} FROM cases WHERE created_at >= $from AND created_at < $to ORDER BY created_at, rowid`,
          span(from, to),
        )
        .map(facts);
    },

    async openFaults(before, limit) {
      const rows = db.all<FactsRow & { contact: string; first: string | null }>(
        `SELECT ${FACTS}, contact,
           (SELECT text FROM case_transcript AS t WHERE t.case_id = c.id AND t.sender = 'tenant' ORDER BY seq LIMIT 1)
             AS first
         FROM cases AS c
         WHERE category IN ('urgent_fault', 'minor_fault') AND status <> 'closed' AND created_at < $before
         ORDER BY created_at, rowid LIMIT $limit`,
        { before: toMs(before, 'before'), limit: checkLimit(limit, 50) },
      );
      return rows.map((row): OpenFault => {
        const contact = JSON.parse(row.contact) as { address?: string; stairwell?: string; hearBack?: boolean };
        const address = [contact.address, contact.stairwell].filter(Boolean).join(', ');
        return {
          ...facts(row),
          address: address || null,
          reported: firstWords(row.first),
          hearBack: contact.hearBack === true,
        };
      });
    },

    async unclaimed() {
      const row = db.get<{ n: number; oldest: number | null }>(
        "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM cases WHERE status = 'open'",
      );
      return { count: row?.n ?? 0, oldest: toIsoOrNull(row?.oldest ?? null) };
    },

    async outboxBacklog() {
      const row = db.get<{ n: number; oldest: number | null }>(
        "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox WHERE status IN ('pending', 'leased')",
      );
      return { depth: row?.n ?? 0, oldest: toIsoOrNull(row?.oldest ?? null) };
    },
  };
}

export function sqliteJobOccurrences(db: SqliteDb): JobOccurrences {
  return {
    async claim(name, occurrence, dueAt, leaseMs) {
      const due = toMs(dueAt, 'dueAt');
      checkOccurrence(name, occurrence, leaseMs);
      return db.transaction(() => {
        const now = db.now();
        db.run('DELETE FROM job_occurrences WHERE name = $name AND due_at < $old', {
          name,
          old: now - OCCURRENCE_KEEP_MS,
        });
        const lease = randomUUID();
        const claimed = db.get<{ lease_token: string }>(
          `INSERT INTO job_occurrences (name, occurrence, due_at, status, lease_token, lease_until, attempts, updated_at)
           VALUES ($name, $occurrence, $due, 'running', $lease, $until, 1, $now)
           ON CONFLICT (name, occurrence) DO UPDATE
             SET lease_token = excluded.lease_token, lease_until = excluded.lease_until,
                 attempts = job_occurrences.attempts + 1, updated_at = excluded.updated_at
             WHERE job_occurrences.status = 'running' AND job_occurrences.lease_until <= excluded.updated_at
           RETURNING lease_token`,
          { name, occurrence, due, lease, until: now + leaseMs, now },
        );
        if (claimed) return { lease: claimed.lease_token };
        const row = db.get<{ status: OccurrenceStatus }>(
          'SELECT status FROM job_occurrences WHERE name = $name AND occurrence = $occurrence',
          { name, occurrence },
        );
        return { status: row?.status ?? 'running' };
      });
    },

    async settle(name, occurrence, lease, outcome) {
      const now = db.now();
      const retryAt = typeof outcome === 'object' ? toMs(outcome.retryAt, 'retryAt') : null;
      return (
        db.run(
          `UPDATE job_occurrences
             SET status = $status, lease_token = CASE WHEN $retryAt IS NULL THEN NULL ELSE lease_token END,
                 lease_until = $retryAt, updated_at = $now
           WHERE name = $name AND occurrence = $occurrence AND status = 'running' AND lease_token = $lease`,
          {
            name,
            occurrence,
            lease: String(lease),
            status: typeof outcome === 'object' ? 'running' : outcome,
            retryAt,
            now,
          },
        ) === 1
      );
    },

    async latest(name) {
      const row = db.get<{ occurrence: string; due_at: number; status: OccurrenceStatus }>(
        'SELECT occurrence, due_at, status FROM job_occurrences WHERE name = $name ORDER BY due_at DESC LIMIT 1',
        { name: String(name) },
      );
      return row && { occurrence: row.occurrence, dueAt: toIso(row.due_at), status: row.status };
    },
  };
}
