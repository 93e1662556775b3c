/** Retention and data-subject requests on SQLite: purge by age, export and erase by phone number. */
import { StoreValidationError } from '../errors.ts';
import { normalizePhone, phoneSearchTerms } from '../phone.ts';
import type { ForgetCounts, PhoneExport, PurgeCounts } from '../types.ts';
import { loadCases } from './cases.ts';
import type { SqliteDb } from './db.ts';
import { outboxItem, type OutboxRow } from './outbox.ts';
import { stateItem } from './state.ts';

/** True when `column` contains any of the search terms in `$terms` (a JSON array of digit strings). */
const containsTerm = (column: string) =>
  `EXISTS (SELECT 1 FROM json_each($terms) AS t WHERE ${column} LIKE '%' || t.value || '%')`;

const CASES_FOR_PHONE = `
  SELECT c.id FROM cases AS c
  WHERE c.phone = $phone
     OR ${containsTerm('c.contact')}
     OR ${containsTerm('c.conversation')}
     OR EXISTS (SELECT 1 FROM case_transcript AS x WHERE x.case_id = c.id AND ${containsTerm('x.text')})
  ORDER BY c.created_at, c.rowid`;

const STATE_FOR_PHONE = `
  SELECT key, etag, data FROM state AS s
  WHERE ${containsTerm('s.key')} OR ${containsTerm('s.data')}
  ORDER BY key`;

const OUTBOX_FOR_PHONE = `
  SELECT * FROM outbox AS o
  WHERE o.case_id IN (SELECT value FROM json_each($caseIds)) OR ${containsTerm('o.payload')}
  ORDER BY id`;

interface PhoneMatches {
  phone: string;
  caseIds: string[];
  state: Array<{ key: string; etag: string; data: string }>;
  outbox: OutboxRow[];
}

function matchPhone(db: SqliteDb, raw: string): PhoneMatches {
  const phone = typeof raw === 'string' ? normalizePhone(raw) : undefined;
  // The message does not repeat the input: it is a phone number, or close to one.
  if (!phone) throw new StoreValidationError('Invalid phone number: expected 8 to 15 digits, optionally with + or 00.');
  const terms = JSON.stringify(phoneSearchTerms(phone));
  const caseIds = db.all<{ id: string }>(CASES_FOR_PHONE, { phone, terms }).map((row) => row.id);
  return {
    phone,
    caseIds,
    state: db.all(STATE_FOR_PHONE, { terms }),
    outbox: db.all<OutboxRow>(OUTBOX_FOR_PHONE, { terms, caseIds: JSON.stringify(caseIds) }),
  };
}

/** Delete the transcripts, outbox items and cases with these ids; resolves with what each removed. */
function deleteCases(db: SqliteDb, idsJson: string): { cases: number; transcriptEntries: number; outbox: number } {
  const params = { ids: idsJson };
  const inIds = 'IN (SELECT value FROM json_each($ids))';
  const transcriptEntries = db.run(`DELETE FROM case_transcript WHERE case_id ${inIds}`, params);
  const outbox = db.run(`DELETE FROM outbox WHERE case_id ${inIds}`, params);
  const cases = db.run(`DELETE FROM cases WHERE id ${inIds}`, params);
  return { cases, transcriptEntries, outbox };
}

export function sqlitePrivacy(db: SqliteDb) {
  return {
    async purge(olderThan: Date): Promise<PurgeCounts> {
      const cutoff = olderThan instanceof Date ? olderThan.getTime() : Number.NaN;
      if (!Number.isFinite(cutoff)) throw new StoreValidationError('Invalid purge cut-off: expected a valid Date.');
      return db.transaction(() => {
        const old = db.all<{ id: string }>('SELECT id FROM cases WHERE updated_at < $cutoff', { cutoff });
        const removed = deleteCases(db, JSON.stringify(old.map((row) => row.id)));
        const finished = db.run("DELETE FROM outbox WHERE status IN ('done', 'dead') AND updated_at < $cutoff", {
          cutoff,
        });
        return {
          ...removed,
          outbox: removed.outbox + finished,
          state: db.run('DELETE FROM state WHERE updated_at < $cutoff', { cutoff }),
          audit: db.run('DELETE FROM audit WHERE at < $cutoff', { cutoff }),
          activities: db.run('DELETE FROM processed_activities WHERE seen_at < $cutoff', { cutoff }),
        };
      });
    },

    async findByPhone(phone: string): Promise<PhoneExport> {
      // One read transaction, so the cases, state and outbox exported belong together.
      return db.transaction(() => {
        const found = matchPhone(db, phone);
        return {
          phone: found.phone,
          cases: loadCases(db, found.caseIds),
          state: Object.fromEntries(found.state.map((row) => [row.key, stateItem(row)])),
          outbox: found.outbox.map(outboxItem),
        };
      }, 'read');
    },

    async forgetPhone(phone: string): Promise<ForgetCounts> {
      return db.transaction(() => {
        const found = matchPhone(db, phone);
        const removed = deleteCases(db, JSON.stringify(found.caseIds));
        const otherOutbox = db.run('DELETE FROM outbox WHERE id IN (SELECT value FROM json_each($ids))', {
          ids: JSON.stringify(found.outbox.map((row) => row.id)),
        });
        const state = db.run('DELETE FROM state WHERE key IN (SELECT value FROM json_each($keys))', {
          keys: JSON.stringify(found.state.map((row) => row.key)),
        });
        return { ...removed, outbox: removed.outbox + otherOutbox, state };
      });
    },
  };
}
