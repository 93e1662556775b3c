/**
 * How each notice (see `src/cases/notices.ts`) is delivered, through the Bot Framework adapter. Every connector call
 * takes the worker's AbortSignal, so a delivery past its deadline is stopped, not left running.
 * - A case whose route has no registered channel raises an alert and waits (`WaitingError`): it is never
 *   marked delivered without reaching Teams.
 * - The card is posted once per case: once its thread is recorded (`store.cards`), a retry does not post again. Teams
 *   has no idempotency key, so a card Teams took without Trygg learning the thread (an answer later than the
 *   deadline, or an instance that died in between) is posted again on the retry: see the README.
 * - The model's summary is written to the case once, before the first attempt to post the card.
 * - An erased case's card becomes a stub and the bot's posts in its thread are deleted (`staff.redact`).
 */
import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { ALERTS } from '../../alerts.ts';
import { renderReply } from '../render.ts';
import { translator } from '../../i18n.ts';
import type { Policy } from '../../routing/policy.ts';
import type { LanguageModel } from '../../llm/index.ts';
import type { Logger } from '../../log.ts';
import { channelOfRoute, NOTICE, type CasePayload, type NoticePayload } from '../../cases/notices.ts';
import {
  StoreNotFoundError,
  STAFF_REDACT_KIND,
  type Case,
  type OutboxItem,
  type Store,
  type TeamsRedaction,
} from '../../store/index.ts';
import { abortableConnector } from './abortable.ts';
import { caseCard, redactedCard } from './cards.ts';
import { createIncidentDeliver } from './incident-delivery.ts';
import { channelReference, NotYet, rootMessageId, threadReference } from './threads.ts';
import { WaitingError } from './outbox-worker.ts';
import type { ChannelRegistration, RegistrationStore } from './registrations.ts';
import { currentReportCard, REPORT_KIND, type ReportPayload } from './report.ts';
import { plain, stripLinks } from './untrusted.ts';

export { threadOf } from './items.ts';
export { rootMessageId } from './threads.ts';

export interface DeliveryDeps {
  adapter: CloudAdapter;
  appId: string;
  store: Store;
  policy: Policy;
  registrations: RegistrationStore;
  model?: LanguageModel;
  log?: Logger;
}

/** The label before the model's summary on the case; its presence means the summary was written. */
const summaryLabel = () => translator('sv', 'staff')('card.machineSummary');

type Connector = ReturnType<typeof abortableConnector>;

export function createDeliver(deps: DeliveryDeps) {
  const { adapter, appId, store, policy, registrations, model } = deps;
  const ctx = (c: Case) => ({ conversationId: `case:${c.id}` });
  /** A machine translation shown under the original, labelled; nothing when no model or the same language. */
  const translated = async (c: Case, text: string, to: Case['language'], from: Case['language']) => {
    if (!model?.enabled || to === from) return '';
    // A model's text carries no links to anyone: not to staff, not to the tenant.
    const raw = await model.translate(text, { to, from }, ctx(c));
    const out = raw ? stripLinks(raw) : raw;
    return out && out !== text
      ? `\n\n(${translator(to === 'sv' ? 'sv' : to, 'bot')('staff.machineTranslation')}: ${out})`
      : '';
  };

  /**
   * A proactive turn whose connector calls all take `signal`. The adapter hands a turn's error to its
   * `onTurnError` and resolves: here it must reach the worker, or a failed send would count as delivered.
   */
  async function cont(
    ref: Partial<ConversationReference>,
    signal: AbortSignal,
    logic: (turn: TurnContext, connector: Connector) => Promise<void>,
  ): Promise<void> {
    let outcome: { error: unknown } | 'done' | undefined;
    await adapter.continueConversationAsync(appId, ref, async (turn) => {
      try {
        await logic(turn, abortableConnector(turn, signal));
        outcome = 'done';
      } catch (error) {
        outcome = { error };
      }
    });
    if (outcome === 'done') return;
    throw outcome?.error ?? new NotYet('the proactive turn did not run');
  }

  /** The channel for the case's route, or an alert and a retry later: never a silent success. */
  async function channelFor(c: Case): Promise<ChannelRegistration> {
    return registered(channelOfRoute(c.route));
  }

  async function registered(target: ReturnType<typeof channelOfRoute>): Promise<ChannelRegistration> {
    const reg = await registrations.get(target);
    if (reg) return reg;
    throw new WaitingError(ALERTS.noChannel, 'no Teams channel is registered for the route', { route: target });
  }

  /** Posts a card as a new thread in a registered channel; resolves with the thread's conversation id. */
  async function newThread(reg: ChannelRegistration, card: object, signal: AbortSignal): Promise<string> {
    const activity = { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
    let threadId: string | undefined;
    await cont(channelReference(reg.channelId, reg.serviceUrl), signal, async (_turn, connector) => {
      const created = await connector.conversations.createConversation({
        isGroup: true,
        bot: { id: appId || 'trygg', name: 'Trygg' },
        channelData: { channel: { id: reg.channelId }, tenant: { id: reg.tenantId } },
        activity: activity as never,
        tenantId: reg.tenantId,
      } as never);
      threadId = created.id;
    });
    if (!threadId) throw new NotYet('Teams returned no conversation id');
    return threadId;
  }

  /** The night report's card, built from the store as it is now, as a new thread in its channel. */
  async function postReport(p: ReportPayload, signal: AbortSignal): Promise<void> {
    const reg = await registrations.get(p.target);
    if (!reg)
      throw new WaitingError(ALERTS.noChannel, 'no Teams channel is registered for the night report', {
        route: p.target,
      });
    const card = await currentReportCard({ policy, store }, p.occurrence);
    if (!card) throw Object.assign(new Error('a night report item without a valid occurrence'), { statusCode: 400 });
    signal.throwIfAborted();
    await newThread(reg, card, signal);
  }

  const incidents = createIncidentDeliver({ store, policy, cont, registered, newThread });

  /** The model's summary on the case, written once: a retry finds it there and asks the model no more. */
  async function withSummary(c: Case): Promise<Case> {
    if (!model?.enabled || !c.transcript.length || c.summary.includes(`${summaryLabel()}: `)) return c;
    const raw = await model.summarize(c.transcript, ctx(c));
    const summary = raw ? stripLinks(raw) : raw;
    return summary ? store.cases.update(c.id, { summary: `${c.summary}\n\n${summaryLabel()}: ${summary}` }) : c;
  }

  async function postCard(c: Case, signal: AbortSignal): Promise<void> {
    if (await store.cards.get(c.id)) return; // posted already: its thread is recorded
    const reg = await channelFor(c);
    const shown = await withSummary(c);
    signal.throwIfAborted();
    const threadId = await newThread(reg, caseCard(shown, policy.timeZone), signal);
    const activityId = rootMessageId(threadId) ?? threadId;
    try {
      await store.cards.record({ subject: c.id, kind: 'case', threadId, messageId: activityId });
    } catch (err) {
      if (!(err instanceof StoreNotFoundError)) throw err;
      // Erased while the card was on its way (`forget`: a purge does not take a case this new): the store
      // could not queue its redaction, so the card becomes a stub right away.
      const r: TeamsRedaction = { caseId: c.id, route: c.route, threadId, activityId, postIds: [], reason: 'forget' };
      await redact(r, signal);
    }
  }

  /** Why a post to the case's thread cannot go yet: the card is still on its way, or was refused for good. */
  async function noThreadYet(c: Case): Promise<Error> {
    const card = (await store.outbox.list({ caseId: c.id })).find((i) => i.kind === NOTICE.card);
    if (card?.status !== 'dead') return new NotYet('the case card is not posted yet');
    // The alert was raised for the card; a post to a thread that will never exist is given up at once.
    return Object.assign(new Error('the case card was refused, so the case has no thread'), { statusCode: 410 });
  }

  async function postInThread(item: OutboxItem, c: Case, signal: AbortSignal): Promise<void> {
    // Without a thread, the card's own item is what waits (and alerts); a post waits for the card quietly.
    const card = await store.cards.get(c.id);
    if (!card) throw await noThreadYet(c);
    const reg = await channelFor(c);
    await cont(threadReference(card.threadId, reg.serviceUrl), signal, async (turn) => {
      if (item.kind === NOTICE.cardUpdate) {
        await turn.updateActivity({
          type: 'message',
          id: card.messageId,
          attachments: [CardFactory.adaptiveCard(caseCard(c, policy.timeZone))],
        });
        return;
      }
      const p = item.payload as { text: string; tenantText?: string };
      const extra = p.tenantText ? await translated(c, p.tenantText, 'sv', c.language) : '';
      // Plain text, and the tenant's words without links or line breaks of their own (`untrusted.ts`).
      const sent = await turn.sendActivity({ type: 'message', text: plain(p.text + extra), textFormat: 'plain' });
      // Remembered so that erasing the case can delete it from the thread too.
      // Failing here must not fail the delivery: a retry would post the message twice.
      if (sent?.id)
        await store.cards.recordPost(c.id, sent.id).catch((err: unknown) => {
          deps.log?.warn({ err, caseId: c.id }, 'teams: could not remember a thread post for later erasure');
        });
    });
  }

  async function messageTenant(payload: CasePayload, c: Case, signal: AbortSignal): Promise<void> {
    // A phone call cannot be messaged after it ended; staff have the caller's number on the card.
    if (c.channelId === 'telephony') return;
    const p = payload as { key: string; params?: Record<string, string | number>; staffText?: string };
    const t = translator(c.language, 'bot');
    const staffText = p.staffText ? `\n\n${p.staffText}${await translated(c, p.staffText, c.language, 'sv')}` : '';
    const text = t(p.key, { caseId: c.id, ...(p.params ?? {}) }) + staffText;
    await cont(c.conversation, signal, async (turn) => {
      for (const activity of [renderReply({ text, lang: c.language }, c.channelId)].flat())
        await turn.sendActivity(activity);
    });
    await store.cases.appendTranscript(c.id, { from: p.staffText ? 'staff' : 'bot', text: p.staffText ?? text });
  }

  /**
   * An erased case in Teams: the card becomes a stub without actions, the bot's own posts in the thread are
   * deleted (one already gone counts as deleted). Staff members' own replies cannot be deleted by a bot:
   * the README names the Teams retention policy that removes them.
   */
  async function redact(r: TeamsRedaction, signal: AbortSignal): Promise<void> {
    const reg = await registrations.forRoute(r.route);
    if (!reg) throw new NotYet('no registered channel to reach the thread through');
    await cont(threadReference(r.threadId, reg.serviceUrl), signal, async (turn) => {
      await turn.updateActivity({
        type: 'message',
        id: r.activityId,
        attachments: [CardFactory.adaptiveCard(redactedCard(r.caseId, r.reason))],
      });
      for (const id of r.postIds) {
        try {
          await turn.deleteActivity(id);
        } catch (err) {
          if ((err as { statusCode?: number }).statusCode !== 404) throw err;
        }
      }
    });
  }

  return async function deliver(item: OutboxItem, signal: AbortSignal): Promise<void> {
    // These two concern no case that exists (a channel; an erased case): handled before the case lookup.
    if (item.kind === NOTICE.staffNotice) {
      const p = item.payload as unknown as NoticePayload;
      const where = 'to' in p ? await registered(p.to) : p;
      await cont(channelReference(where.channelId, where.serviceUrl), signal, async (turn) => {
        const text = translator('sv', 'staff')(p.key, p.params);
        await turn.sendActivity({ type: 'message', text, textFormat: 'plain' });
      });
      return;
    }
    if (item.kind === STAFF_REDACT_KIND) return redact(item.payload as unknown as TeamsRedaction, signal);
    if (item.kind === REPORT_KIND) return postReport(item.payload as unknown as ReportPayload, signal);
    if (await incidents(item, signal)) return;
    const payload = item.payload as CasePayload;
    const c = await store.cases.get(payload.caseId);
    if (!c) return; // purged or forgotten: nothing to deliver
    if (item.kind === NOTICE.card) return postCard(c, signal);
    if (item.kind === NOTICE.post || item.kind === NOTICE.cardUpdate) return postInThread(item, c, signal);
    if (item.kind === NOTICE.tenantMessage) return messageTenant(payload, c, signal);
    throw Object.assign(new Error(`unknown outbox item kind ${item.kind}`), { statusCode: 400 });
  };
}
