/** Retention and data-subject requests on SQLite: purge by age, export and erase by phone number. */
import { type AuditHasher, conversationIdsOfStateKeys } from '../audit-key.ts';
import { StoreValidationError } from '../errors.ts';
import { normalizePhone, phonePattern, phoneSearchTerms } from '../phone.ts';
import { type RedactableCase, teamsRedactionItems, type TeamsRedaction } from '../redaction.ts';
import type { RouteId } from '../../routing/types.ts';
import type { ForgetCounts, PhoneExport, PurgeCounts } from '../types.ts';
import { auditEntry, type AuditRow } from './audit.ts';
import { subscriptionOf, type SubscriptionRow } from './incident-contacts.ts';
import { loadCases } from './cases.ts';
import type { SqliteDb } from './db.ts';
import { insertOutboxItems, outboxItem, type OutboxRow } from './outbox.ts';
import { stateItem } from './state.ts';

/** True when `column` holds the number however it was written (`$pattern`: `phonePattern`). */
const holdsNumber = (column: string) => `${column} REGEXP $pattern`;

const CASES_FOR_PHONE = `
  SELECT c.id, c.conversation FROM cases AS c
  WHERE c.phone = $phone
     OR ${holdsNumber('c.contact')}
     OR ${holdsNumber('c.conversation')}
     OR EXISTS (SELECT 1 FROM case_transcript AS x WHERE x.case_id = c.id AND ${holdsNumber('x.text')})
  ORDER BY c.created_at, c.rowid`;

const STATE_FOR_PHONE = `
  SELECT key, etag, data FROM state AS s
  WHERE ${holdsNumber('s.key')} OR ${holdsNumber('s.data')}
  ORDER BY key`;

const OUTBOX_FOR_PHONE = `
  SELECT * FROM outbox AS o
  WHERE o.case_id IN (SELECT value FROM json_each($caseIds)) OR ${holdsNumber('o.payload')}
  ORDER BY id`;

const SUBSCRIPTIONS_FOR_PHONE = `
  SELECT * FROM incident_subscriptions AS s WHERE s.phone = $phone OR ${holdsNumber('s.conversation')} ORDER BY id`;

const AUDIT_FOR_HASHES = `
  SELECT * FROM audit WHERE conversation_hash IN (SELECT value FROM json_each($hashes)) ORDER BY at, id`;

/** What an erased audit row's conversation hash becomes: the decision stays in the statistics, tied to nobody. */
export const FORGOTTEN_HASH = 'forgotten';

interface PhoneMatches {
  phone: string;
  caseIds: string[];
  subscriptions: SubscriptionRow[];
  state: Array<{ key: string; etag: string; data: string }>;
  outbox: OutboxRow[];
  /** Conversation hashes of the number's conversations (its SMS conversation, its cases', its state's). */
  auditHashes: string[];
}

function matchPhone(db: SqliteDb, raw: string, hasher: AuditHasher): PhoneMatches {
  const phone = typeof raw === 'string' ? normalizePhone(raw) : undefined;
  // The message does not repeat the input: it is a phone number, or close to one.
  if (!phone) throw new StoreValidationError('Invalid phone number: expected 8 to 15 digits, optionally with + or 00.');
  const pattern = phonePattern(phone);
  const cases = db.all<{ id: string; conversation: string }>(CASES_FOR_PHONE, { phone, pattern });
  const caseIds = cases.map((row) => row.id);
  const state = db.all<{ key: string; etag: string; data: string }>(STATE_FOR_PHONE, { pattern });
  const conversationIds = [
    phone,
    ...phoneSearchTerms(phone),
    ...cases.map((row) => (JSON.parse(row.conversation) as { conversation?: { id?: string } }).conversation?.id ?? ''),
    ...conversationIdsOfStateKeys(state.map((row) => row.key)),
  ];
  return {
    phone,
    caseIds,
    subscriptions: db.all<SubscriptionRow>(SUBSCRIPTIONS_FOR_PHONE, { phone, pattern }),
    state,
    outbox: db.all<OutboxRow>(OUTBOX_FOR_PHONE, { pattern, caseIds: JSON.stringify(caseIds) }),
    auditHashes: hasher.candidates(conversationIds),
  };
}

/**
 * Delete the transcripts, outbox items, staff cards and cases with these ids, and queue a `staff.redact` item
 * for each whose card is in Teams (in the same transaction); resolves with what each removed.
 */
function deleteCases(
  db: SqliteDb,
  idsJson: string,
  reason: TeamsRedaction['reason'],
): { cases: number; transcriptEntries: number; outbox: number; teamsCards: number } {
  const params = { ids: idsJson };
  const inIds = 'IN (SELECT value FROM json_each($ids))';
  const posted = db
    .all<{ id: string; route: RouteId; thread_id: string | null; activity_id: string | null; posts: string }>(
      `SELECT c.id, c.route, s.thread_id, s.message_id AS activity_id,
         (SELECT json_group_array(p.message_id) FROM staff_card_posts AS p WHERE p.subject = c.id) AS posts
       FROM cases AS c JOIN staff_cards AS s ON s.subject = c.id WHERE c.id ${inIds}`,
      params,
    )
    .map((row): RedactableCase => ({
      id: row.id,
      route: row.route,
      threadId: row.thread_id,
      activityId: row.activity_id,
      postIds: JSON.parse(row.posts) as string[],
    }));
  const transcriptEntries = db.run(`DELETE FROM case_transcript WHERE case_id ${inIds}`, params);
  const outbox = db.run(`DELETE FROM outbox WHERE case_id ${inIds}`, params);
  db.run(`DELETE FROM staff_card_posts WHERE subject ${inIds}`, params);
  db.run(`DELETE FROM staff_cards WHERE subject ${inIds}`, params);
  const cases = db.run(`DELETE FROM cases WHERE id ${inIds}`, params);
  const redactions = teamsRedactionItems(posted, reason);
  insertOutboxItems(db, redactions);
  return { cases, transcriptEntries, outbox, teamsCards: redactions.length };
}

export function sqlitePrivacy(db: SqliteDb, hasher: AuditHasher) {
  return {
    async purge(olderThan: Date): Promise<PurgeCounts> {
      const cutoff = olderThan instanceof Date ? olderThan.getTime() : Number.NaN;
      if (!Number.isFinite(cutoff)) throw new StoreValidationError('Invalid purge cut-off: expected a valid Date.');
      return db.transaction(() => {
        const old = db.all<{ id: string }>('SELECT id FROM cases WHERE updated_at < $cutoff', { cutoff });
        const removed = deleteCases(db, JSON.stringify(old.map((row) => row.id)), 'purge');
        const finished = db.run("DELETE FROM outbox WHERE status IN ('done', 'dead') AND updated_at < $cutoff", {
          cutoff,
        });
        // Incident subscriptions hold a conversation: gone once stopped, or their incident closed, long enough.
        const incidentContacts =
          db.run(
            `DELETE FROM incident_subscriptions WHERE stopped_at < $cutoff
               OR incident_id IN (SELECT id FROM incidents WHERE closed_at < $cutoff)`,
            { cutoff },
          ) + db.run('DELETE FROM incident_signals WHERE at < $cutoff', { cutoff });
        // Call sessions: gone once expired (they are never older than a call's expiry otherwise).
        db.run('DELETE FROM calls WHERE expires_at <= $now OR updated_at < $cutoff', { now: db.now(), cutoff });
        return {
          cases: removed.cases,
          transcriptEntries: removed.transcriptEntries,
          incidentContacts,
          outbox: removed.outbox + finished,
          state: db.run('DELETE FROM state WHERE updated_at < $cutoff', { cutoff }),
          audit:
            db.run('DELETE FROM audit WHERE at < $cutoff', { cutoff }) +
            db.run('DELETE FROM staff_audit WHERE at < $cutoff', { cutoff }),
          activities: db.run('DELETE FROM processed_activities WHERE seen_at < $cutoff', { cutoff }),
        };
      });
    },

    async findByPhone(phone: string): Promise<PhoneExport> {
      // One read transaction, so the cases, state and outbox exported belong together.
      return db.transaction(() => {
        const found = matchPhone(db, phone, hasher);
        return {
          phone: found.phone,
          cases: loadCases(db, found.caseIds),
          state: Object.fromEntries(found.state.map((row) => [row.key, stateItem(row)])),
          outbox: found.outbox.map(outboxItem),
          audit: db.all<AuditRow>(AUDIT_FOR_HASHES, { hashes: JSON.stringify(found.auditHashes) }).map(auditEntry),
          subscriptions: found.subscriptions.map(subscriptionOf),
        };
      }, 'read');
    },

    async forgetPhone(phone: string): Promise<ForgetCounts> {
      return db.transaction(() => {
        const found = matchPhone(db, phone, hasher);
        const removed = deleteCases(db, JSON.stringify(found.caseIds), 'forget');
        const otherOutbox = db.run('DELETE FROM outbox WHERE id IN (SELECT value FROM json_each($ids))', {
          ids: JSON.stringify(found.outbox.map((row) => row.id)),
        });
        const state = db.run('DELETE FROM state WHERE key IN (SELECT value FROM json_each($keys))', {
          keys: JSON.stringify(found.state.map((row) => row.key)),
        });
        const hashes = { forgotten: FORGOTTEN_HASH, hashes: JSON.stringify(found.auditHashes) };
        const audit = db.run(
          'UPDATE audit SET conversation_hash = $forgotten WHERE conversation_hash IN (SELECT value FROM json_each($hashes))',
          hashes,
        );
        // The number's reports stay counted on their incidents, tied to nobody (each its own forgotten hash).
        db.run(
          `UPDATE incident_reports SET contact_hash = $forgotten || ':' || rowid
           WHERE contact_hash IN (SELECT value FROM json_each($hashes))`,
          hashes,
        );
        db.run('DELETE FROM incident_signals WHERE contact_hash IN (SELECT value FROM json_each($hashes))', {
          hashes: hashes.hashes,
        });
        const subscriptions = db.run(
          'DELETE FROM incident_subscriptions WHERE id IN (SELECT value FROM json_each($ids))',
          {
            ids: JSON.stringify(found.subscriptions.map((row) => row.id)),
          },
        );
        // A call of the number in progress: its session (what was said) goes too; the line then refuses its callbacks.
        db.run('DELETE FROM calls WHERE caller = $phone', { phone: found.phone });
        return { ...removed, outbox: removed.outbox + otherOutbox, state, audit, subscriptions };
      });
    },
  };
}
