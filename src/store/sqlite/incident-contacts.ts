/**
 * The tenants' side of incidents on SQLite: subscriptions to updates (personal data: a conversation
 * reference) and the contact records behind proposals (keyed hashes only).
 */
import type { AuditHasher } from '../audit-key.ts';
import { StoreConflictError } from '../errors.ts';
import { subscriberPhone } from '../phone.ts';
import { toIso, toIsoOrNull } from '../time.ts';
import type { Lang } from '../../routing/types.ts';
import type { Incident, IncidentProposal, IncidentStore, IncidentSubscription } from '../types.ts';
import {
  incidentContactSchema,
  incidentSignalSchema,
  incidentSubscriberSchema,
  parseInput,
  signalRuleSchema,
} from '../validate.ts';
import type { SqliteDb } from './db.ts';
import { insertOutboxItems } from './outbox.ts';

export interface SubscriptionRow {
  id: number;
  incident_id: string;
  channel_id: string;
  conversation: string;
  language: Lang;
  status: 'active' | 'stopped';
  created_at: number;
  stopped_at: number | null;
}

export const subscriptionOf = (r: SubscriptionRow): IncidentSubscription => ({
  id: String(r.id),
  incidentId: r.incident_id,
  channelId: r.channel_id,
  conversation: JSON.parse(r.conversation) as IncidentSubscription['conversation'],
  language: r.language,
  status: r.status,
  createdAt: toIso(r.created_at),
  stoppedAt: toIsoOrNull(r.stopped_at),
});

/** The incident's active subscriptions, oldest first. */
export function activeSubscriptions(db: SqliteDb, incidentId: string): IncidentSubscription[] {
  return db
    .all<SubscriptionRow>(
      "SELECT * FROM incident_subscriptions WHERE incident_id = $id AND status = 'active' ORDER BY id",
      { id: incidentId },
    )
    .map(subscriptionOf);
}

type ContactMethods = Pick<IncidentStore, 'subscribe' | 'unsubscribe' | 'subscription' | 'signal'>;

export function incidentContacts(
  db: SqliteDb,
  hasher: AuditHasher,
  loadIncident: (db: SqliteDb, id: string) => Incident,
): ContactMethods {
  return {
    async subscribe(id, subscriber, options = {}) {
      const s = parseInput(incidentSubscriberSchema, subscriber, 'incident subscriber');
      const conversationId = String((s.conversation.conversation as { id?: unknown } | undefined)?.id ?? '');
      if (!conversationId) throw new StoreConflictError('A subscription needs a conversation id.');
      return db.transaction(() => {
        const incident = loadIncident(db, String(id));
        if (incident.status === 'closed') throw new StoreConflictError('The incident is closed already.');
        const now = db.now();
        const row = db.get<SubscriptionRow>(
          `INSERT INTO incident_subscriptions
             (incident_id, channel_id, conversation_id, conversation, language, phone, status, created_at)
           VALUES ($id, $channelId, $conversationId, $conversation, $language, $phone, 'active', $now)
           ON CONFLICT (incident_id, channel_id, conversation_id) DO UPDATE SET status = 'active', stopped_at = NULL,
             conversation = excluded.conversation, language = excluded.language, phone = excluded.phone
           RETURNING *`,
          {
            id: incident.id,
            channelId: s.channelId,
            conversationId,
            conversation: JSON.stringify(s.conversation),
            language: s.language,
            phone: subscriberPhone(s.channelId, s.conversation),
            now,
          },
        );
        const subscription = subscriptionOf(row!);
        const written = loadIncident(db, incident.id);
        const missed = written.notices.filter((n) => n.seq > s.seenSeq);
        if (options.outbox) insertOutboxItems(db, options.outbox(written, subscription, missed));
        return subscription;
      });
    },

    async unsubscribe(contact) {
      const c = parseInput(incidentContactSchema, contact, 'incident contact');
      return db.run(
        `UPDATE incident_subscriptions SET status = 'stopped', stopped_at = $now
         WHERE channel_id = $channelId AND conversation_id = $conversationId AND status = 'active'`,
        { channelId: c.channelId, conversationId: c.conversationId, now: db.now() },
      );
    },

    async subscription(id) {
      const row = db.get<SubscriptionRow>('SELECT * FROM incident_subscriptions WHERE id = $id', {
        id: Number(id) || -1,
      });
      return row && subscriptionOf(row);
    },

    async signal(signal, rule, options = {}) {
      const s = parseInput(incidentSignalSchema, signal, 'incident signal');
      const r = parseInput(signalRuleSchema, rule, 'signal rule');
      return db.transaction((): IncidentProposal | undefined => {
        const now = db.now();
        const since = now - r.windowMs;
        const key = { kind: s.kind, place: s.placeKey };
        db.run('INSERT INTO incident_signals (kind, place_key, contact_hash, at) VALUES ($kind, $place, $hash, $now)', {
          ...key,
          hash: hasher.conversation(s.conversationId),
          now,
        });
        // A cluster that is still going (a proposal whose last contact is within the window) gets no second one.
        const going = db.run(
          `UPDATE incident_proposals SET last_at = $now
           WHERE kind = $kind AND place_key = $place AND last_at >= $since`,
          { ...key, now, since },
        );
        if (going) return undefined;
        const contacts =
          db.get<{ n: number }>(
            `SELECT COUNT(DISTINCT contact_hash) AS n FROM incident_signals
             WHERE kind = $kind AND place_key = $place AND at >= $since`,
            { ...key, since },
          )?.n ?? 0;
        if (contacts < r.threshold) return undefined;
        const row = db.get<{ id: number }>(
          `INSERT INTO incident_proposals (kind, place_key, contacts, created_at, last_at)
           VALUES ($kind, $place, $contacts, $now, $now) RETURNING id`,
          { ...key, contacts, now },
        );
        const proposal: IncidentProposal = {
          id: `P${row!.id}`,
          kind: s.kind,
          placeKey: s.placeKey,
          contacts,
          createdAt: toIso(now),
        };
        if (options.outbox) insertOutboxItems(db, options.outbox(proposal));
        return proposal;
      });
    },
  };
}
