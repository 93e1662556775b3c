/**
 * Retention and data-subject requests on PostgreSQL: purge by age, export and erase by phone number, with
 * the same matching as the embedded store (the normalized contact phone, and the number however it is
 * written in the contact, the conversation reference, the transcript, state keys and values, and outbox
 * payloads; audit entries by the keyed hashes of the number's conversations).
 */
import { type AuditHasher, conversationIdsOfStateKeys } from '../audit-key.ts';
import { StoreValidationError } from '../errors.ts';
import { normalizePhone, phonePattern, phoneSearchTerms } from '../phone.ts';
import { type RedactableCase, teamsRedactionItems, type TeamsRedaction } from '../redaction.ts';
import type { RouteId } from '../../routing/types.ts';
import type { ForgetCounts, PhoneExport, PurgeCounts } from '../types.ts';
import { AUDIT_COLUMNS, auditEntry, type AuditRow } from './audit.ts';
import { SUBSCRIPTION_COLUMNS, subscriptionOf, type SubscriptionRow } from './incident-contacts.ts';
import { loadCases } from './cases.ts';
import type { PgDb, Sql } from './db.ts';
import { insertOutboxItems, outboxColumns, outboxItem, type OutboxRow } from './outbox.ts';
import { stateItem, type StateRow } from './state.ts';

/** True when `column` (text) holds the number however it was written (`$1`: `phonePattern`). */
const holdsNumber = (column: string) => `${column} ~ $1`;

/** What an erased audit row's conversation hash becomes: the decision stays in the statistics, tied to nobody. */
const FORGOTTEN_HASH = 'forgotten';

const CASES_FOR_PHONE = `
  SELECT c.id, c.conversation FROM cases AS c
  WHERE c.phone = $2
     OR ${holdsNumber('c.contact::text')}
     OR ${holdsNumber('c.conversation::text')}
     OR EXISTS (SELECT 1 FROM case_transcript AS x WHERE x.case_id = c.id AND ${holdsNumber('x.text')})
  ORDER BY c.created_at, c.row_no`;

const STATE_FOR_PHONE = `
  SELECT key, etag, data FROM state AS s
  WHERE ${holdsNumber('s.key')} OR ${holdsNumber('s.data::text')}
  ORDER BY key`;

const OUTBOX_FOR_PHONE = `
  SELECT ${outboxColumns('o')} FROM outbox AS o
  WHERE o.case_id = ANY($2::text[]) OR ${holdsNumber('o.payload::text')}
  ORDER BY o.id`;

const SUBSCRIPTIONS_FOR_PHONE = `
  SELECT ${SUBSCRIPTION_COLUMNS} FROM incident_subscriptions AS s
  WHERE s.phone = $2 OR ${holdsNumber('s.conversation::text')} ORDER BY s.id`;

interface PhoneMatches {
  phone: string;
  caseIds: string[];
  subscriptions: SubscriptionRow[];
  state: StateRow[];
  outbox: OutboxRow[];
  /** Conversation hashes of the number's conversations (its SMS conversation, its cases', its state's). */
  auditHashes: string[];
}

/** The normalized number, or a validation error that does not repeat the input (it is close to a number). */
function checkPhone(raw: string): string {
  const phone = typeof raw === 'string' ? normalizePhone(raw) : undefined;
  if (!phone) throw new StoreValidationError('Invalid phone number: expected 8 to 15 digits, optionally with + or 00.');
  return phone;
}

async function matchPhone(sql: Sql, phone: string, lock: boolean, hasher: AuditHasher): Promise<PhoneMatches> {
  const pattern = phonePattern(phone);
  const forUpdate = lock ? ' FOR UPDATE' : '';
  const cases = (
    await sql.query<{ id: string; conversation: { conversation?: { id?: string } } }>(CASES_FOR_PHONE + forUpdate, [
      pattern,
      phone,
    ])
  ).rows;
  const caseIds = cases.map((row) => row.id);
  const state = (await sql.query<StateRow>(STATE_FOR_PHONE + forUpdate, [pattern])).rows;
  const conversationIds = [
    phone,
    ...phoneSearchTerms(phone),
    ...cases.map((row) => row.conversation?.conversation?.id ?? ''),
    ...conversationIdsOfStateKeys(state.map((row) => row.key)),
  ];
  return {
    phone,
    caseIds,
    subscriptions: (await sql.query<SubscriptionRow>(SUBSCRIPTIONS_FOR_PHONE + forUpdate, [pattern, phone])).rows,
    state,
    outbox: (await sql.query<OutboxRow>(OUTBOX_FOR_PHONE + forUpdate, [pattern, caseIds])).rows,
    auditHashes: hasher.candidates(conversationIds),
  };
}

/**
 * Delete the transcripts, outbox items, staff cards and cases with these ids, and queue a `staff.redact` item
 * for each whose card is in Teams (in the same transaction); resolves with what each removed.
 */
async function deleteCases(
  sql: Sql,
  ids: string[],
  reason: TeamsRedaction['reason'],
  now: Date,
): Promise<{ cases: number; transcriptEntries: number; outbox: number; teamsCards: number }> {
  if (ids.length === 0) return { cases: 0, transcriptEntries: 0, outbox: 0, teamsCards: 0 };
  const posted = (
    await sql.query<{
      id: string;
      route: RouteId;
      thread_id: string | null;
      activity_id: string | null;
      posts: string[];
    }>(
      `SELECT c.id, c.route, s.thread_id, s.message_id AS activity_id,
         ARRAY(SELECT p.message_id FROM staff_card_posts AS p WHERE p.subject = c.id ORDER BY p.message_id) AS posts
       FROM cases AS c JOIN staff_cards AS s ON s.subject = c.id WHERE c.id = ANY($1::text[])`,
      [ids],
    )
  ).rows.map((row): RedactableCase => ({
    id: row.id,
    route: row.route,
    threadId: row.thread_id,
    activityId: row.activity_id,
    postIds: row.posts,
  }));
  const transcriptEntries = (await sql.query('DELETE FROM case_transcript WHERE case_id = ANY($1::text[])', [ids]))
    .count;
  const outbox = (await sql.query('DELETE FROM outbox WHERE case_id = ANY($1::text[])', [ids])).count;
  await sql.query('DELETE FROM staff_card_posts WHERE subject = ANY($1::text[])', [ids]);
  await sql.query('DELETE FROM staff_cards WHERE subject = ANY($1::text[])', [ids]);
  const cases = (await sql.query('DELETE FROM cases WHERE id = ANY($1::text[])', [ids])).count;
  const redactions = teamsRedactionItems(posted, reason);
  await insertOutboxItems(sql, now, redactions);
  return { cases, transcriptEntries, outbox, teamsCards: redactions.length };
}

export function postgresPrivacy(db: PgDb, hasher: AuditHasher) {
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
          'purge',
          db.now(),
        );
        const finished = await tx.query("DELETE FROM outbox WHERE status IN ('done', 'dead') AND updated_at < $1", [
          at,
        ]);
        // Incident subscriptions hold a conversation: gone once stopped, or their incident closed, long enough.
        const subscriptions = await tx.query(
          `DELETE FROM incident_subscriptions WHERE stopped_at < $1
             OR incident_id IN (SELECT id FROM incidents WHERE closed_at < $1)`,
          [at],
        );
        const signals = await tx.query('DELETE FROM incident_signals WHERE at < $1', [at]);
        // Call sessions: gone once expired (they are never older than a call's expiry otherwise).
        await tx.query('DELETE FROM calls WHERE expires_at <= $1 OR updated_at < $2', [db.now(), at]);
        return {
          cases: removed.cases,
          transcriptEntries: removed.transcriptEntries,
          incidentContacts: subscriptions.count + signals.count,
          outbox: removed.outbox + finished.count,
          state: (await tx.query('DELETE FROM state WHERE updated_at < $1', [at])).count,
          audit:
            (await tx.query('DELETE FROM audit WHERE at < $1', [at])).count +
            (await tx.query('DELETE FROM staff_audit WHERE at < $1', [at])).count,
          activities: (await tx.query('DELETE FROM processed_activities WHERE seen_at < $1', [at])).count,
        };
      });
    },

    async findByPhone(phone: string): Promise<PhoneExport> {
      const e164 = checkPhone(phone);
      // One snapshot, so the cases, state and outbox exported belong together.
      return db.transaction(async (tx) => {
        const found = await matchPhone(tx, e164, false, hasher);
        const audit = await tx.query<AuditRow>(
          `SELECT ${AUDIT_COLUMNS} FROM audit WHERE conversation_hash = ANY($1::text[]) ORDER BY at, id`,
          [found.auditHashes],
        );
        return {
          phone: found.phone,
          cases: await loadCases(tx, found.caseIds),
          state: Object.fromEntries(found.state.map((row) => [row.key, stateItem(row)])),
          outbox: found.outbox.map(outboxItem),
          audit: audit.rows.map(auditEntry),
          subscriptions: found.subscriptions.map(subscriptionOf),
        };
      }, 'snapshot');
    },

    async forgetPhone(phone: string): Promise<ForgetCounts> {
      const e164 = checkPhone(phone);
      return db.transaction(async (tx) => {
        const found = await matchPhone(tx, e164, true, hasher);
        const removed = await deleteCases(tx, found.caseIds, 'forget', db.now());
        const otherOutbox = (
          await tx.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [found.outbox.map((row) => row.id)])
        ).count;
        const state = (
          await tx.query('DELETE FROM state WHERE key = ANY($1::text[])', [found.state.map((row) => row.key)])
        ).count;
        const audit = (
          await tx.query('UPDATE audit SET conversation_hash = $1 WHERE conversation_hash = ANY($2::text[])', [
            FORGOTTEN_HASH,
            found.auditHashes,
          ])
        ).count;
        // The number's reports stay counted on their incidents, tied to nobody (each its own forgotten hash).
        await tx.query(
          `UPDATE incident_reports SET contact_hash = $1 || ':' || md5(incident_id || contact_hash)
           WHERE contact_hash = ANY($2::text[])`,
          [FORGOTTEN_HASH, found.auditHashes],
        );
        await tx.query('DELETE FROM incident_signals WHERE contact_hash = ANY($1::text[])', [found.auditHashes]);
        const subscriptions = (
          await tx.query('DELETE FROM incident_subscriptions WHERE id = ANY($1::bigint[])', [
            found.subscriptions.map((row) => row.id),
          ])
        ).count;
        // A call of the number in progress: its session (what was said) goes too; the line then refuses its callbacks.
        await tx.query('DELETE FROM calls WHERE caller = $1', [found.phone]);
        return { ...removed, outbox: removed.outbox + otherOutbox, state, audit, subscriptions };
      });
    },
  };
}
