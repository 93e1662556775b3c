/**
 * Cases and their transcripts on PostgreSQL; outbox items passed with a write commit in the same
 * transaction. Case numbers come from one counter row per month, incremented by an upsert that holds the
 * row lock until commit, so two instances never get the same number. Updates lock the case row first, so
 * an `ifStatus` claim sees the other instance's committed claim.
 */
import type { ConversationReference } from 'botbuilder';
import type { Category, DangerKind, Lang, RouteId } from '../../routing/types.ts';
import { caseIdPeriod, formatCaseId } from '../case-id.ts';
import { StoreConflictError, StoreNotFoundError } from '../errors.ts';
import { normalizePhone } from '../phone.ts';
import type {
  Case,
  CaseContact,
  CaseOutbox,
  CasePage,
  CasePatch,
  CaseQuery,
  CaseStatus,
  CaseStore,
  CaseUpdateOptions,
  CaseWriteOptions,
  NewCase,
  NewTranscriptEntry,
  TranscriptEntry,
  TranscriptSender,
} from '../types.ts';
import {
  casePatchSchema,
  checkLimit,
  decodeCaseCursor,
  encodeCaseCursor,
  newCaseSchema,
  parseInput,
  transcriptEntrySchema,
  type ParsedTranscriptEntry,
} from '../validate.ts';
import type { PgDb, Sql } from './db.ts';
import { insertOutboxItems } from './outbox.ts';

interface CaseRow {
  id: string;
  route: RouteId;
  category: Category;
  danger: DangerKind | null;
  language: Lang;
  channel_id: string;
  conversation: Partial<ConversationReference>;
  summary: string;
  contact: CaseContact;
  status: CaseStatus;
  claimed_by: string | null;
  outcome: string | null;
  created_at: Date;
  updated_at: Date;
}

interface TranscriptRow {
  case_id: string;
  at: Date;
  sender: TranscriptSender;
  text: string;
}

const NOT_FOUND = 'No such case; it may have been purged or erased.';

function toCase(row: CaseRow, transcript: TranscriptEntry[]): Case {
  return {
    id: row.id,
    route: row.route,
    category: row.category,
    danger: row.danger,
    language: row.language,
    channelId: row.channel_id,
    conversation: row.conversation,
    summary: row.summary,
    transcript,
    contact: row.contact,
    status: row.status,
    claimedBy: row.claimed_by,
    outcome: row.outcome,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Load cases by id with their transcripts, in the order of `ids`; unknown ids are skipped. */
export async function loadCases(sql: Sql, ids: string[], lock = false): Promise<Case[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql.query<CaseRow>(
    `SELECT * FROM cases WHERE id = ANY($1::text[])${lock ? ' FOR UPDATE' : ''}`,
    [ids],
  );
  const lines = await sql.query<TranscriptRow>(
    'SELECT case_id, at, sender, text FROM case_transcript WHERE case_id = ANY($1::text[]) ORDER BY case_id, seq',
    [ids],
  );
  const transcripts = new Map<string, TranscriptEntry[]>();
  for (const line of lines.rows) {
    const list = transcripts.get(line.case_id) ?? [];
    list.push({ at: line.at.toISOString(), from: line.sender, text: line.text });
    transcripts.set(line.case_id, list);
  }
  const byId = new Map(rows.map((row) => [row.id, toCase(row, transcripts.get(row.id) ?? [])]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

async function loadCase(sql: Sql, id: string, lock = false): Promise<Case> {
  const [found] = await loadCases(sql, [id], lock);
  if (!found) throw new StoreNotFoundError(NOT_FOUND);
  return found;
}

/** Append a line; the caller holds the case row's lock (or created it), so `seq` cannot collide. */
async function insertTranscript(sql: Sql, caseId: string, line: ParsedTranscriptEntry, now: Date): Promise<void> {
  await sql.query(
    `INSERT INTO case_transcript (case_id, seq, at, sender, text)
     VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_transcript WHERE case_id = $1), $2, $3, $4)`,
    [caseId, line.at === undefined ? now : new Date(line.at), line.from, line.text],
  );
}

/** Write the outbox items that go with a case change, in the caller's transaction. */
async function writeCaseOutbox(sql: Sql, db: PgDb, written: Case, outbox: CaseOutbox | undefined): Promise<void> {
  if (!outbox) return;
  const items = typeof outbox === 'function' ? outbox(written) : outbox;
  await insertOutboxItems(sql, db.now(), items, written.id);
}

/** Next running number for the month; the counter row stays locked until the transaction ends. */
async function nextCaseId(sql: Sql, now: Date): Promise<string> {
  const period = caseIdPeriod(now.getTime());
  const { rows } = await sql.query<{ last: number }>(
    `INSERT INTO case_counters (period, last) VALUES ($1, 1)
     ON CONFLICT (period) DO UPDATE SET last = case_counters.last + 1
     RETURNING last`,
    [period],
  );
  return formatCaseId(period, rows[0]?.last ?? 1);
}

/** The filters of a `CaseQuery`, as SQL over `cases` with `filterParams` as $1 and $2. */
const CASE_FILTER = `($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR route = $2)`;

function filterParams(query: CaseQuery): (string | null)[] {
  return [query.status ?? null, query.route ?? null];
}

function phoneOf(contact: CaseContact): string | null {
  return contact.phone === undefined ? null : (normalizePhone(contact.phone) ?? null);
}

export function postgresCases(db: PgDb): CaseStore {
  async function page(query: CaseQuery = {}): Promise<CasePage> {
    const limit = checkLimit(query.limit, 100);
    const after = decodeCaseCursor(query.cursor);
    // One snapshot, so a case listed is not missing its transcript because it was erased in between.
    return db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; created_at: Date; row_no: string }>(
        `SELECT id, created_at, row_no::text AS row_no FROM cases
         WHERE ${CASE_FILTER}
           AND ($3::timestamptz IS NULL OR (created_at, row_no) < ($3::timestamptz, $4::bigint))
         ORDER BY created_at DESC, row_no DESC LIMIT $5`,
        [...filterParams(query), after ? new Date(after.createdAt) : null, after ? String(after.row) : null, limit + 1],
      );
      const shown = rows.slice(0, limit);
      const last = shown.at(-1);
      return {
        cases: await loadCases(
          tx,
          shown.map((row) => row.id),
        ),
        next:
          rows.length > limit && last
            ? encodeCaseCursor({ createdAt: last.created_at.getTime(), row: Number(last.row_no) })
            : null,
      };
    }, 'snapshot');
  }

  return {
    async create(input: NewCase, options: CaseWriteOptions = {}): Promise<Case> {
      const c = parseInput(newCaseSchema, input, 'case');
      return db.transaction(async (tx) => {
        const now = db.now();
        const id = await nextCaseId(tx, now);
        await tx.query(
          `INSERT INTO cases (id, route, category, danger, language, channel_id, conversation, summary, contact, phone,
             status, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $10, 'open', $11, $11)`,
          [
            id,
            c.route,
            c.category,
            c.danger,
            c.language,
            c.channelId,
            JSON.stringify(c.conversation),
            c.summary,
            JSON.stringify(c.contact),
            phoneOf(c.contact),
            now,
          ],
        );
        for (const entry of c.transcript) await insertTranscript(tx, id, entry, now);
        const written = await loadCase(tx, id);
        await writeCaseOutbox(tx, db, written, options.outbox);
        return written;
      });
    },

    async get(id: string): Promise<Case | undefined> {
      return (await loadCases(db.sql, [id]))[0];
    },

    async list(query: CaseQuery = {}): Promise<Case[]> {
      return (await page(query)).cases;
    },

    page,

    async count(query: Omit<CaseQuery, 'limit' | 'cursor'> = {}): Promise<number> {
      const { rows } = await db.sql.query<{ n: string }>(
        `SELECT COUNT(*)::text AS n FROM cases WHERE ${CASE_FILTER}`,
        filterParams(query),
      );
      return Number(rows[0]?.n ?? 0);
    },

    async update(id: string, patch: CasePatch, options: CaseUpdateOptions = {}): Promise<Case> {
      const p = parseInput(casePatchSchema, patch, 'case patch');
      return db.transaction(async (tx) => {
        const current = await loadCase(tx, id, true);
        if (options.ifStatus !== undefined && current.status !== options.ifStatus) {
          throw new StoreConflictError(`Case update rejected: the case is ${current.status}, not ${options.ifStatus}.`);
        }
        const contact =
          p.contact === undefined
            ? current.contact
            : p.replaceContact
              ? p.contact
              : { ...current.contact, ...p.contact };
        await tx.query(
          `UPDATE cases SET route = $2, category = $3, danger = $4, language = $5, conversation = $6::jsonb, summary = $7,
             contact = $8::jsonb, phone = $9, status = $10, claimed_by = $11, outcome = $12, updated_at = $13,
             claimed_at = CASE WHEN claimed_at IS NULL AND $10::text <> 'open' THEN $13 ELSE claimed_at END,
             closed_at = CASE WHEN $10::text = 'closed' THEN COALESCE(closed_at, $13) END
           WHERE id = $1`,
          [
            id,
            p.route ?? current.route,
            p.category ?? current.category,
            p.danger === undefined ? current.danger : p.danger,
            p.language ?? current.language,
            JSON.stringify(p.conversation ?? current.conversation),
            p.summary ?? current.summary,
            JSON.stringify(contact),
            phoneOf(contact),
            p.status ?? current.status,
            p.claimedBy === undefined ? current.claimedBy : p.claimedBy,
            p.outcome === undefined ? current.outcome : p.outcome,
            db.now(),
          ],
        );
        const written = await loadCase(tx, id);
        await writeCaseOutbox(tx, db, written, options.outbox);
        return written;
      });
    },

    async appendTranscript(id: string, entry: NewTranscriptEntry): Promise<void> {
      const line = parseInput(transcriptEntrySchema, entry, 'transcript entry');
      await db.transaction(async (tx) => {
        const now = db.now();
        const touched = await tx.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [id, now]);
        if (touched.count === 0) throw new StoreNotFoundError(NOT_FOUND);
        await insertTranscript(tx, id, line, now);
      });
    },
  };
}
