/**
 * What the outbox items mean and how each is delivered, through the Bot Framework adapter:
 * - `teams.card`: a new thread in the route's registered channel with the case card (once per case);
 * - `teams.thread`: a text in the case's thread (the tenant wrote, a re-alert);
 * - `teams.update`: the case card redrawn for everyone (claimed, closed);
 * - `tenant.message`: a proactive message to the tenant on their channel, in their language.
 */
import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { renderReply } from '../render.ts';
import { translator } from '../../i18n.ts';
import type { Policy } from '../../routing/policy.ts';
import type { LanguageModel } from '../../llm/index.ts';
import type { Case, NewOutboxItem, OutboxItem, Store } from '../../store/index.ts';
import { caseCard } from './cards.ts';
import type { RegistrationStore } from './registrations.ts';

export type OutboxPayload =
  | { caseId: string }
  | { caseId: string; text: string }
  | { caseId: string; key: string; params?: Record<string, string | number>; staffText?: string };

/** The outbox items written in the same transaction as a new case. */
export function newCaseItems(c: Case): NewOutboxItem[] {
  return [{ kind: 'teams.card', key: `card:${c.id}`, caseId: c.id, payload: { caseId: c.id } }];
}

let seq = 0;
const unique = () => `${Date.now().toString(36)}-${(seq++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A post in the case's thread; `tenantText` (the tenant's own words) is translated into Swedish when a model is configured. */
export const threadPost = (
  caseId: string,
  text: string,
  key = `thread:${caseId}:${unique()}`,
  tenantText?: string,
): NewOutboxItem => ({
  kind: 'teams.thread',
  key,
  caseId,
  payload: { caseId, text, ...(tenantText ? { tenantText } : {}) },
});
export const cardUpdate = (caseId: string): NewOutboxItem => ({
  kind: 'teams.update',
  key: `update:${caseId}:${unique()}`,
  caseId,
  payload: { caseId },
});
export const tenantMessage = (
  caseId: string,
  key: string,
  params: Record<string, string | number> = {},
  staffText?: string,
  idempotencyKey = `tenant:${caseId}:${unique()}`,
): NewOutboxItem => ({
  kind: 'tenant.message',
  key: idempotencyKey,
  caseId,
  payload: { caseId, key, params, ...(staffText ? { staffText } : {}) },
});

/** An error that is worth retrying although it has no HTTP status (the card is not posted yet, say). */
class NotYet extends Error {
  readonly retryable = true;
}

/** Parses the root message id out of a Teams thread conversation id (`…;messageid=123`). */
export function rootMessageId(conversationId: string): string | undefined {
  return /;messageid=(\d+)/.exec(conversationId)?.[1];
}

export interface DeliveryDeps {
  adapter: CloudAdapter;
  appId: string;
  store: Store;
  policy: Policy;
  registrations: RegistrationStore;
  model?: LanguageModel;
}

function threadReference(c: Case, serviceUrl: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: c.teams.threadId!, isGroup: true, conversationType: 'channel', name: '' },
  };
}

export function createDeliver(deps: DeliveryDeps) {
  const { adapter, appId, store, policy, registrations, model } = deps;
  const ctx = (c: Case) => ({ conversationId: `case:${c.id}` });
  /** A machine translation shown under the original, labelled; nothing when no model or the same language. */
  const translated = async (c: Case, text: string, to: Case['language'], from: Case['language']) => {
    if (!model?.enabled || to === from) return '';
    const out = await model.translate(text, { to, from }, ctx(c));
    return out && out !== text
      ? `\n\n(${translator(to === 'sv' ? 'sv' : to, 'bot')('staff.machineTranslation')}: ${out})`
      : '';
  };
  const cont = (ref: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>) =>
    adapter.continueConversationAsync(appId, ref, logic);

  return async function deliver(item: OutboxItem): Promise<void> {
    const payload = item.payload as OutboxPayload;
    const c = await store.cases.get(payload.caseId);
    if (!c) return; // purged or forgotten: nothing to deliver
    const reg = await registrations.forRoute(c.route);

    if (item.kind === 'teams.card') {
      if (c.teams.activityId || !reg) return; // already posted (idempotent), or no channel: the case waits in `trygg cases`
      let shown = c;
      if (model?.enabled && c.transcript.length) {
        const summary = await model.summarize(c.transcript, ctx(c));
        if (summary)
          shown = await store.cases.update(c.id, {
            summary: `${c.summary}\n\n${translator('sv', 'staff')('card.machineSummary')}: ${summary}`,
          });
      }
      const activity = { type: 'message', attachments: [CardFactory.adaptiveCard(caseCard(shown, policy.timeZone))] };
      let threadId: string | undefined;
      await adapter.createConversationAsync(
        appId,
        'msteams',
        reg.serviceUrl,
        '',
        {
          isGroup: true,
          bot: { id: appId || 'trygg', name: 'Trygg' },
          channelData: { channel: { id: reg.channelId }, tenant: { id: reg.tenantId } },
          activity: activity as never,
          tenantId: reg.tenantId,
        } as never,
        async (ctx) => {
          threadId = ctx.activity.conversation.id;
        },
      );
      if (!threadId) throw new NotYet('Teams returned no conversation id');
      await store.cases.update(c.id, { teams: { threadId, activityId: rootMessageId(threadId) ?? threadId } });
      return;
    }

    if (item.kind === 'teams.thread' || item.kind === 'teams.update') {
      if (!reg) return;
      if (!c.teams.threadId) throw new NotYet('the case card is not posted yet');
      await cont(threadReference(c, reg.serviceUrl), async (turn) => {
        if (item.kind === 'teams.thread') {
          const p = payload as { text: string; tenantText?: string };
          const extra = p.tenantText ? await translated(c, p.tenantText, 'sv', c.language) : '';
          await turn.sendActivity({ type: 'message', text: p.text + extra, textFormat: 'plain' });
        } else
          await turn.updateActivity({
            type: 'message',
            id: c.teams.activityId!,
            attachments: [CardFactory.adaptiveCard(caseCard(c, policy.timeZone))],
          });
      });
      return;
    }

    if (item.kind === 'tenant.message') {
      // A phone call cannot be messaged after it ended; staff have the caller's number on the card.
      if (c.channelId === 'telephony') return;
      const p = payload as { key: string; params?: Record<string, string | number>; staffText?: string };
      const t = translator(c.language, 'bot');
      const staffText = p.staffText ? `\n\n${p.staffText}${await translated(c, p.staffText, c.language, 'sv')}` : '';
      const text = t(p.key, { caseId: c.id, ...(p.params ?? {}) }) + staffText;
      await cont(c.conversation, async (turn) => {
        for (const activity of [renderReply({ text, lang: c.language }, c.channelId)].flat())
          await turn.sendActivity(activity);
      });
      await store.cases.appendTranscript(c.id, { from: p.staffText ? 'staff' : 'bot', text: p.staffText ?? text });
      return;
    }
    throw Object.assign(new Error(`unknown outbox item kind ${item.kind}`), { statusCode: 400 });
  };
}

/** The thread an item is posted to, for Teams' per-thread rate limit. */
export function threadOf(item: OutboxItem): string | undefined {
  return item.kind.startsWith('teams.') && item.caseId ? `case:${item.caseId}` : undefined;
}
