/** Cases and their transcripts on SQLite; outbox items passed with a write commit in the same transaction. */
import type { ConversationReference } from 'botbuilder';
import type { Category, DangerKind, Lang, RouteId } from '../../routing/types.ts';
import { caseIdPeriod, formatCaseId } from '../case-id.ts';
import { StoreConflictError, StoreNotFoundError } from '../errors.ts';
import { normalizePhone } from '../phone.ts';
import { toIso } from '../time.ts';
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
import type { SqliteDb } from './db.ts';
import { insertOutboxItems } from './outbox.ts';

interface CaseRow {
  id: string;
  route: RouteId;
  category: Category;
  danger: DangerKind | null;
  language: Lang;
  channel_id: string;
  conversation: string;
  summary: string;
  contact: string;
  status: CaseStatus;
  claimed_by: string | null;
  outcome: string | null;
  created_at: number;
  updated_at: number;
}

interface TranscriptRow {
  case_id: string;
  at: number;
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
    conversation: JSON.parse(row.conversation) as Partial<ConversationReference>,
    summary: row.summary,
    transcript,
    contact: JSON.parse(row.contact) as CaseContact,
    status: row.status,
    claimedBy: row.claimed_by,
    outcome: row.outcome,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** Load cases by id with their transcripts, in the order of `ids`; unknown ids are skipped. */
export function loadCases(db: SqliteDb, ids: string[]): Case[] {
  if (ids.length === 0) return [];
  const params = { ids: JSON.stringify(ids) };
  const rows = db.all<CaseRow>('SELECT * FROM cases WHERE id IN (SELECT value FROM json_each($ids))', params);
  const lines = db.all<TranscriptRow>(
    'SELECT case_id, at, sender, text FROM case_transcript WHERE case_id IN (SELECT value FROM json_each($ids)) ORDER BY case_id, seq',
    params,
  );
  const transcripts = new Map<string, TranscriptEntry[]>();
  for (const line of lines) {
    const list = transcripts.get(line.case_id) ?? [];
    list.push({ at: toIso(line.at), from: line.sender, text: line.text });
    transcripts.set(line.case_id, list);
  }
  const byId = new Map(rows.map((row) => [row.id, toCase(row, transcripts.get(row.id) ?? [])]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function loadCase(db: SqliteDb, id: string): Case {
  const [found] = loadCases(db, [id]);
  if (!found) throw new StoreNotFoundError(NOT_FOUND);
  return found;
}

function insertTranscript(db: SqliteDb, caseId: string, line: ParsedTranscriptEntry, now: number): void {
  db.run(
    `INSERT INTO case_transcript (case_id, seq, at, sender, text)
     VALUES ($caseId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_transcript WHERE case_id = $caseId), $at, $sender, $text)`,
    { caseId, at: line.at ?? now, sender: line.from, text: line.text },
  );
}

/** Write the outbox items that go with a case change, in the caller's transaction. */
function writeCaseOutbox(db: SqliteDb, written: Case, outbox: CaseOutbox | undefined): void {
  if (!outbox) return;
  const items = typeof outbox === 'function' ? outbox(written) : outbox;
  insertOutboxItems(db, items, written.id);
}

/** Next running number for the month: the counter row is locked by the enclosing write transaction. */
function nextCaseId(db: SqliteDb, now: number): string {
  const period = caseIdPeriod(now);
  const row = db.get<{ last: number }>(
    `INSERT INTO case_counters (period, last) VALUES ($period, 1)
     ON CONFLICT (period) DO UPDATE SET last = last + 1
     RETURNING last`,
    { period },
  );
  return formatCaseId(period, row?.last ?? 1);
}

/** The filters of a `CaseQuery`, as SQL over `cases` with the parameters of `filterParams`. */
const CASE_FILTER = `($status IS NULL OR status = $status) AND ($route IS NULL OR route = $route)`;

function filterParams(query: CaseQuery): Record<string, string | null> {
  return { status: query.status ?? null, route: query.route ?? null };
}

function phoneOf(contact: CaseContact): string | null {
  return contact.phone === undefined ? null : (normalizePhone(contact.phone) ?? null);
}

export function sqliteCases(db: SqliteDb): CaseStore {
  async function page(query: CaseQuery = {}): Promise<CasePage> {
    const limit = checkLimit(query.limit, 100);
    const after = decodeCaseCursor(query.cursor);
    // One read transaction, so a page's transcripts belong to the rows it listed.
    return db.transaction(() => {
      const rows = db.all<{ id: string; created_at: number; row: number }>(
        `SELECT id, created_at, rowid AS row FROM cases
         WHERE ${CASE_FILTER}
           AND ($afterAt IS NULL OR created_at < $afterAt OR (created_at = $afterAt AND rowid < $afterRow))
         ORDER BY created_at DESC, rowid DESC LIMIT $limit`,
        {
          ...filterParams(query),
          afterAt: after?.createdAt ?? null,
          afterRow: after?.row ?? null,
          limit: limit + 1,
        },
      );
      const more = rows.length > limit;
      const shown = rows.slice(0, limit);
      const last = shown.at(-1);
      return {
        cases: loadCases(
          db,
          shown.map((row) => row.id),
        ),
        next: more && last ? encodeCaseCursor({ createdAt: last.created_at, row: last.row }) : null,
      };
    }, 'read');
  }

  return {
    async create(input: NewCase, options: CaseWriteOptions = {}): Promise<Case> {
      const c = parseInput(newCaseSchema, input, 'case');
      return db.transaction(() => {
        const now = db.now();
        const id = nextCaseId(db, now);
        db.run(
          `INSERT INTO cases (id, route, category, danger, language, channel_id, conversation, summary, contact, phone,
             status, created_at, updated_at)
           VALUES ($id, $route, $category, $danger, $language, $channelId, $conversation, $summary, $contact, $phone,
             'open', $now, $now)`,
          {
            id,
            route: c.route,
            category: c.category,
            danger: c.danger,
            language: c.language,
            channelId: c.channelId,
            conversation: JSON.stringify(c.conversation),
            summary: c.summary,
            contact: JSON.stringify(c.contact),
            phone: phoneOf(c.contact),
            now,
          },
        );
        for (const entry of c.transcript) insertTranscript(db, id, entry, now);
        const written = loadCase(db, id);
        writeCaseOutbox(db, written, options.outbox);
        return written;
      });
    },

    async get(id: string): Promise<Case | undefined> {
      return loadCases(db, [id])[0];
    },

    async list(query: CaseQuery = {}): Promise<Case[]> {
      return (await page(query)).cases;
    },

    page,

    async count(query: Omit<CaseQuery, 'limit' | 'cursor'> = {}): Promise<number> {
      return db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM cases WHERE ${CASE_FILTER}`, filterParams(query))?.n ?? 0;
    },

    async update(id: string, patch: CasePatch, options: CaseUpdateOptions = {}): Promise<Case> {
      const p = parseInput(casePatchSchema, patch, 'case patch');
      return db.transaction(() => {
        const current = loadCase(db, id);
        if (options.ifStatus !== undefined && current.status !== options.ifStatus) {
          throw new StoreConflictError(`Case update rejected: the case is ${current.status}, not ${options.ifStatus}.`);
        }
        const contact =
          p.contact === undefined
            ? current.contact
            : p.replaceContact
              ? p.contact
              : { ...current.contact, ...p.contact };
        db.run(
          `UPDATE cases SET route = $route, category = $category, danger = $danger, language = $language,
             conversation = $conversation, summary = $summary, contact = $contact, phone = $phone, status = $status,
             claimed_by = $claimedBy, outcome = $outcome, updated_at = $now,
             claimed_at = CASE WHEN claimed_at IS NULL AND $status <> 'open' THEN $now ELSE claimed_at END,
             closed_at = CASE WHEN $status = 'closed' THEN COALESCE(closed_at, $now) END
           WHERE id = $id`,
          {
            id,
            route: p.route ?? current.route,
            category: p.category ?? current.category,
            danger: p.danger === undefined ? current.danger : p.danger,
            language: p.language ?? current.language,
            conversation: JSON.stringify(p.conversation ?? current.conversation),
            summary: p.summary ?? current.summary,
            contact: JSON.stringify(contact),
            phone: phoneOf(contact),
            status: p.status ?? current.status,
            claimedBy: p.claimedBy === undefined ? current.claimedBy : p.claimedBy,
            outcome: p.outcome === undefined ? current.outcome : p.outcome,
            now: db.now(),
          },
        );
        const written = loadCase(db, id);
        writeCaseOutbox(db, written, options.outbox);
        return written;
      });
    },

    async appendTranscript(id: string, entry: NewTranscriptEntry): Promise<void> {
      const line = parseInput(transcriptEntrySchema, entry, 'transcript entry');
      db.transaction(() => {
        const now = db.now();
        const changes = db.run('UPDATE cases SET updated_at = $now WHERE id = $id', { id, now });
        if (changes === 0) throw new StoreNotFoundError(NOT_FOUND);
        insertTranscript(db, id, line, now);
      });
    },
  };
}
