/**
 * Delivering the notices of incidents (`src/cases/incidents/notices.ts`):
 * - the incident's card, once, as a new thread in the incidents channel (its thread recorded in `cards`:
 *   a retry after that posts nothing), and redrawn in place as the incident is at that moment;
 * - a proposal, as a new thread in the incidents channel;
 * - a notice to a subscriber, on their own channel in their language, unless they stopped (STOPP) or were
 *   erased meanwhile: then nothing is sent and the item is done. A failed send is retried by the outbox, so
 *   each subscriber gets each notice once (twice only when a channel took it and the answer was lost).
 */
import { CardFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import {
  INCIDENT_NOTICE,
  type IncidentCardPayload,
  type ProposalPayload,
  type TenantNoticePayload,
} from '../../cases/incidents/notices.ts';
import { noticeMessage } from '../../cases/incidents/texts.ts';
import type { StaffChannel } from '../../cases/notices.ts';
import type { Policy } from '../../routing/policy.ts';
import type { OutboxItem, Store } from '../../store/index.ts';
import { renderReply } from '../render.ts';
import { incidentCard, proposalCard } from './incident-cards.ts';
import type { ChannelRegistration } from './registrations.ts';
import { NotYet, rootMessageId, threadReference } from './threads.ts';

export interface IncidentDeliveryDeps {
  store: Store;
  policy: Policy;
  /** A proactive turn whose connector calls take `signal`; rejects when the turn failed. */
  cont(
    ref: Partial<ConversationReference>,
    signal: AbortSignal,
    logic: (turn: TurnContext) => Promise<void>,
  ): Promise<void>;
  /** The registered channel, or a `WaitingError` (an alert, and the item waits). */
  registered(channel: StaffChannel): Promise<ChannelRegistration>;
  /** Posts a card as a new thread; resolves with the thread's conversation id. */
  newThread(reg: ChannelRegistration, card: object, signal: AbortSignal): Promise<string>;
}

/** Resolves true when it delivered the item (an incident's kind), false when the item is not an incident's. */
export function createIncidentDeliver(deps: IncidentDeliveryDeps) {
  const { store, policy } = deps;

  async function postCard(incidentId: string, signal: AbortSignal): Promise<void> {
    if (await store.cards.get(incidentId)) return; // posted already: its thread is recorded
    const incident = await store.incidents.get(incidentId);
    if (!incident) return;
    const reg = await deps.registered('incidents');
    const threadId = await deps.newThread(reg, incidentCard(incident, policy.timeZone), signal);
    await store.cards.record({
      subject: incidentId,
      kind: 'incident',
      threadId,
      messageId: rootMessageId(threadId) ?? threadId,
    });
  }

  async function updateCard(incidentId: string, signal: AbortSignal): Promise<void> {
    const [card, incident] = await Promise.all([store.cards.get(incidentId), store.incidents.get(incidentId)]);
    if (!incident) return;
    if (!card) throw new NotYet('the incident card is not posted yet');
    const reg = await deps.registered('incidents');
    await deps.cont(threadReference(card.threadId, reg.serviceUrl), signal, async (turn) => {
      await turn.updateActivity({
        type: 'message',
        id: card.messageId,
        attachments: [CardFactory.adaptiveCard(incidentCard(incident, policy.timeZone))],
      });
    });
  }

  async function notifyTenant(p: TenantNoticePayload, signal: AbortSignal): Promise<void> {
    const sub = await store.incidents.subscription(p.subscriptionId);
    // STOPP (or an erasure) came first: nothing more goes to this conversation.
    if (!sub || sub.status !== 'active') return;
    const incident = await store.incidents.get(p.incidentId);
    const notice = incident?.notices.find((n) => n.seq === p.seq);
    if (!incident || !notice) return;
    const text = noticeMessage(incident, notice, sub.language, policy);
    await deps.cont(sub.conversation, signal, async (turn) => {
      for (const activity of [renderReply({ text, lang: sub.language }, sub.channelId)].flat())
        await turn.sendActivity(activity);
    });
  }

  return async function deliverIncidentItem(item: OutboxItem, signal: AbortSignal): Promise<boolean> {
    switch (item.kind) {
      case INCIDENT_NOTICE.card:
        await postCard((item.payload as unknown as IncidentCardPayload).incidentId, signal);
        return true;
      case INCIDENT_NOTICE.cardUpdate:
        await updateCard((item.payload as unknown as IncidentCardPayload).incidentId, signal);
        return true;
      case INCIDENT_NOTICE.proposal: {
        const p = item.payload as unknown as ProposalPayload;
        await deps.newThread(await deps.registered('incidents'), proposalCard(p), signal);
        return true;
      }
      case INCIDENT_NOTICE.tenant:
        await notifyTenant(item.payload as unknown as TenantNoticePayload, signal);
        return true;
      default:
        return false;
    }
  };
}
