/**
 * The tenants' side of incidents on PostgreSQL: subscriptions to updates (personal data: a conversation
 * reference) and the contact records behind proposals (keyed hashes only). A signal takes a transaction-
 * scoped advisory lock on its kind and place, so two instances counting the same cluster at once make one
 * proposal, not two.
 */
import type { Lang } from '../../routing/types.ts';
import type { AuditHasher } from '../audit-key.ts';
import { StoreConflictError } from '../errors.ts';
import type { IncidentProposal, IncidentStore, IncidentSubscription } from '../types.ts';
import {
  incidentContactSchema,
  incidentSignalSchema,
  incidentSubscriberSchema,
  parseInput,
  signalRuleSchema,
} from '../validate.ts';
import { subscriberPhone } from '../phone.ts';
import type { PgDb, Sql } from './db.ts';
import { loadIncident } from './incidents.ts';
import { insertOutboxItems } from './outbox.ts';

export interface SubscriptionRow {
  id: string;
  incident_id: string;
  channel_id: string;
  conversation: IncidentSubscription['conversation'];
  language: Lang;
  status: 'active' | 'stopped';
  created_at: Date;
  stopped_at: Date | null;
}

export const SUBSCRIPTION_COLUMNS =
  'id::text AS id, incident_id, channel_id, conversation, language, status, created_at, stopped_at';

export const subscriptionOf = (r: SubscriptionRow): IncidentSubscription => ({
  id: r.id,
  incidentId: r.incident_id,
  channelId: r.channel_id,
  conversation: r.conversation,
  language: r.language,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  stoppedAt: r.stopped_at ? r.stopped_at.toISOString() : null,
});

/** The incident's active subscriptions, oldest first. */
export async function activeSubscriptions(sql: Sql, incidentId: string): Promise<IncidentSubscription[]> {
  const { rows } = await sql.query<SubscriptionRow>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM incident_subscriptions WHERE incident_id = $1 AND status = 'active' ORDER BY id`,
    [incidentId],
  );
  return rows.map(subscriptionOf);
}

type ContactMethods = Pick<IncidentStore, 'subscribe' | 'unsubscribe' | 'subscription' | 'signal'>;

export function incidentContacts(db: PgDb, hasher: AuditHasher): ContactMethods {
  return {
    async subscribe(id, subscriber, options = {}) {
      const s = parseInput(incidentSubscriberSchema, subscriber, 'incident subscriber');
      const conversationId = String((s.conversation.conversation as { id?: unknown } | undefined)?.id ?? '');
      if (!conversationId) throw new StoreConflictError('A subscription needs a conversation id.');
      return db.transaction(async (tx) => {
        // A share lock: waits for a notice being written, so its fan-out or this catch-up has it (once).
        const incident = await loadIncident(tx, String(id), 'share');
        if (incident.status === 'closed') throw new StoreConflictError('The incident is closed already.');
        const { rows } = await tx.query<SubscriptionRow>(
          `INSERT INTO incident_subscriptions
             (incident_id, channel_id, conversation_id, conversation, language, phone, status, created_at)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, 'active', $7)
           ON CONFLICT (incident_id, channel_id, conversation_id) DO UPDATE SET status = 'active', stopped_at = NULL,
             conversation = excluded.conversation, language = excluded.language, phone = excluded.phone
           RETURNING ${SUBSCRIPTION_COLUMNS}`,
          [
            incident.id,
            s.channelId,
            conversationId,
            JSON.stringify(s.conversation),
            s.language,
            subscriberPhone(s.channelId, s.conversation),
            db.now(),
          ],
        );
        const subscription = subscriptionOf(rows[0]!);
        const missed = incident.notices.filter((n) => n.seq > s.seenSeq);
        if (options.outbox) await insertOutboxItems(tx, db.now(), options.outbox(incident, subscription, missed));
        return subscription;
      });
    },

    async unsubscribe(contact) {
      const c = parseInput(incidentContactSchema, contact, 'incident contact');
      const { count } = await db.sql.query(
        `UPDATE incident_subscriptions SET status = 'stopped', stopped_at = $3
         WHERE channel_id = $1 AND conversation_id = $2 AND status = 'active'`,
        [c.channelId, c.conversationId, db.now()],
      );
      return count;
    },

    async subscription(id) {
      if (!/^\d{1,18}$/.test(String(id))) return undefined;
      const { rows } = await db.sql.query<SubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM incident_subscriptions WHERE id = $1`,
        [String(id)],
      );
      return rows[0] && subscriptionOf(rows[0]);
    },

    async signal(signal, rule, options = {}) {
      const s = parseInput(incidentSignalSchema, signal, 'incident signal');
      const r = parseInput(signalRuleSchema, rule, 'signal rule');
      return db.transaction(async (tx): Promise<IncidentProposal | undefined> => {
        await tx.query(
          "SELECT pg_advisory_xact_lock(hashtextextended('trygg.incident-signal:' || $1 || ':' || $2, 0))",
          [s.kind, s.placeKey],
        );
        const now = db.now();
        const since = new Date(now.getTime() - r.windowMs);
        await tx.query('INSERT INTO incident_signals (kind, place_key, contact_hash, at) VALUES ($1, $2, $3, $4)', [
          s.kind,
          s.placeKey,
          hasher.conversation(s.conversationId),
          now,
        ]);
        // A cluster that is still going (a proposal whose last contact is within the window) gets no second one.
        const going = await tx.query(
          'UPDATE incident_proposals SET last_at = $3 WHERE kind = $1 AND place_key = $2 AND last_at >= $4',
          [s.kind, s.placeKey, now, since],
        );
        if (going.count) return undefined;
        const counted = await tx.query<{ n: string }>(
          `SELECT COUNT(DISTINCT contact_hash)::text AS n FROM incident_signals
           WHERE kind = $1 AND place_key = $2 AND at >= $3`,
          [s.kind, s.placeKey, since],
        );
        const contacts = Number(counted.rows[0]?.n ?? 0);
        if (contacts < r.threshold) return undefined;
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO incident_proposals (kind, place_key, contacts, created_at, last_at)
           VALUES ($1, $2, $3, $4, $4) RETURNING id::text AS id`,
          [s.kind, s.placeKey, contacts, now],
        );
        const proposal: IncidentProposal = {
          id: `P${rows[0]!.id}`,
          kind: s.kind,
          placeKey: s.placeKey,
          contacts,
          createdAt: now.toISOString(),
        };
        if (options.outbox) await insertOutboxItems(tx, now, options.outbox(proposal));
        return proposal;
      });
    },
  };
}
