/**
 * Retention and data-subject requests on PostgreSQL: purge by age, export and erase by phone number, with
 * the same matching as the embedded store (the normalized contact phone, and the number's digit forms in
 * the contact, the conversation reference, the transcript, state keys and values, and outbox payloads).
 */
import { StoreValidationError } from '../errors.ts';
import { normalizePhone, phoneSearchTerms } from '../phone.ts';
import type { ForgetCounts, PhoneExport, PurgeCounts } from '../types.ts';
import { loadCases } from './cases.ts';
import type { PgDb, Sql } from './db.ts';
import { outboxColumns, outboxItem, type OutboxRow } from './outbox.ts';
import { stateItem, type StateRow } from './state.ts';

/** True when `column` (text) contains any of the search terms in `$1` (a text array of digit strings). */
const containsTerm = (column: string) =>
  `EXISTS (SELECT 1 FROM unnest($1::text[]) AS t (term) WHERE strpos(${column}, t.term) > 0)`;

const CASES_FOR_PHONE = `
  SELECT c.id FROM cases AS c
  WHERE c.phone = $2
     OR ${containsTerm('c.contact::text')}
     OR ${containsTerm('c.conversation::text')}
     OR EXISTS (SELECT 1 FROM case_transcript AS x WHERE x.case_id = c.id AND ${containsTerm('x.text')})
  ORDER BY c.created_at, c.row_no`;

const STATE_FOR_PHONE = `
  SELECT key, etag, data FROM state AS s
  WHERE ${containsTerm('s.key')} OR ${containsTerm('s.data::text')}
  ORDER BY key`;

const OUTBOX_FOR_PHONE = `
  SELECT ${outboxColumns('o')} FROM outbox AS o
  WHERE o.case_id = ANY($2::text[]) OR ${containsTerm('o.payload::text')}
  ORDER BY o.id`;

interface PhoneMatches {
  phone: string;
  caseIds: string[];
  state: StateRow[];
  outbox: OutboxRow[];
}

/** The normalized number, or a validation error that does not repeat the input (it is close to a number). */
function checkPhone(raw: string): string {
  const phone = typeof raw === 'string' ? normalizePhone(raw) : undefined;
  if (!phone) throw new StoreValidationError('Invalid phone number: expected 8 to 15 digits, optionally with + or 00.');
  return phone;
}

async function matchPhone(sql: Sql, phone: string, lock: boolean): Promise<PhoneMatches> {
  const terms = phoneSearchTerms(phone);
  const forUpdate = lock ? ' FOR UPDATE' : '';
  const caseIds = (await sql.query<{ id: string }>(CASES_FOR_PHONE + forUpdate, [terms, phone])).rows.map(
    (row) => row.id,
  );
  return {
    phone,
    caseIds,
    state: (await sql.query<StateRow>(STATE_FOR_PHONE + forUpdate, [terms])).rows,
    outbox: (await sql.query<OutboxRow>(OUTBOX_FOR_PHONE + forUpdate, [terms, caseIds])).rows,
  };
}

/** Delete the transcripts, outbox items and cases with these ids; resolves with what each removed. */
async function deleteCases(
  sql: Sql,
  ids: string[],
): Promise<{ cases: number; transcriptEntries: number; outbox: number }> {
  if (ids.length === 0) return { cases: 0, transcriptEntries: 0, outbox: 0 };
  const transcriptEntries = (await sql.query('DELETE FROM case_transcript WHERE case_id = ANY($1::text[])', [ids]))
    .count;
  const outbox = (await sql.query('DELETE FROM outbox WHERE case_id = ANY($1::text[])', [ids])).count;
  const cases = (await sql.query('DELETE FROM cases WHERE id = ANY($1::text[])', [ids])).count;
  return { cases, transcriptEntries, outbox };
}

export function postgresPrivacy(db: PgDb) {
  return {
    async purge(olderThan: Date): Promise<PurgeCounts> {
      const cutoff = olderThan instanceof Date ? olderThan.getTime() : Number.NaN;
      if (!Number.isFinite(cutoff)) throw new StoreValidationError('Invalid purge cut-off: expected a valid Date.');
      const at = new Date(cutoff);
      return db.transaction(async (tx) => {
        const old = await tx.query<{ id: string }>('SELECT id FROM cases WHERE updated_at < $1 FOR UPDATE', [at]);
        const removed = await deleteCases(
          tx,
          old.rows.map((row) => row.id),
        );
        const finished = await tx.query("DELETE FROM outbox WHERE status IN ('done', 'dead') AND updated_at < $1", [
          at,
        ]);
        return {
          ...removed,
          outbox: removed.outbox + finished.count,
          state: (await tx.query('DELETE FROM state WHERE updated_at < $1', [at])).count,
          audit: (await tx.query('DELETE FROM audit WHERE at < $1', [at])).count,
          activities: (await tx.query('DELETE FROM processed_activities WHERE seen_at < $1', [at])).count,
        };
      });
    },

    async findByPhone(phone: string): Promise<PhoneExport> {
      const e164 = checkPhone(phone);
      // One snapshot, so the cases, state and outbox exported belong together.
      return db.transaction(async (tx) => {
        const found = await matchPhone(tx, e164, false);
        return {
          phone: found.phone,
          cases: await loadCases(tx, found.caseIds),
          state: Object.fromEntries(found.state.map((row) => [row.key, stateItem(row)])),
          outbox: found.outbox.map(outboxItem),
        };
      }, 'snapshot');
    },

    async forgetPhone(phone: string): Promise<ForgetCounts> {
      const e164 = checkPhone(phone);
      return db.transaction(async (tx) => {
        const found = await matchPhone(tx, e164, true);
        const removed = await deleteCases(tx, found.caseIds);
        const otherOutbox = (
          await tx.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [found.outbox.map((row) => row.id)])
        ).count;
        const state = (
          await tx.query('DELETE FROM state WHERE key = ANY($1::text[])', [found.state.map((row) => row.key)])
        ).count;
        return { ...removed, outbox: removed.outbox + otherOutbox, state };
      });
    },
  };
}
