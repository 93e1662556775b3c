/**
 * What the outbox items mean and how each is delivered, through the Bot Framework adapter:
 * - `teams.card`: a new thread in the route's registered channel with the case card (once per case);
 * - `teams.thread`: a text in the case's thread (the tenant wrote, a re-alert);
 * - `teams.update`: the case card redrawn for everyone (claimed, closed);
 * - `tenant.message`: a proactive message to the tenant on their channel, in their language;
 * - `teams.notice`: a staff text posted in a channel as a new thread (a route moved away from it);
 * - `teams.redact`: an erased case's card becomes a stub and the bot's posts in its thread are deleted.
 */
import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { renderReply } from '../render.ts';
import { translator } from '../../i18n.ts';
import type { Policy } from '../../routing/policy.ts';
import type { LanguageModel } from '../../llm/index.ts';
import type { Logger } from '../../log.ts';
import {
  StoreNotFoundError,
  TEAMS_REDACT_KIND,
  type Case,
  type NewOutboxItem,
  type OutboxItem,
  type Store,
  type TeamsRedaction,
} from '../../store/index.ts';
import { caseCard, redactedCard } from './cards.ts';
import type { ChannelRegistration, RegistrationStore } from './registrations.ts';
import { plain, stripLinks } from './untrusted.ts';

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

/** The payload of a `teams.notice` item: where to post, and a staff text from `locales/sv/staff.json`. */
interface NoticePayload {
  channelId: string;
  serviceUrl: string;
  key: string;
  params: Record<string, string | number>;
}

/** A notice posted as a new thread in a channel (not tied to a case): `key` in the Swedish staff texts. */
export const channelNotice = (
  reg: Pick<ChannelRegistration, 'channelId' | 'serviceUrl'>,
  key: string,
  params: Record<string, string | number>,
  idempotencyKey: string,
): NewOutboxItem => ({
  kind: 'teams.notice',
  key: idempotencyKey,
  payload: { channelId: reg.channelId, serviceUrl: reg.serviceUrl, key, params },
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
  log?: Logger;
}

function threadReference(threadId: string, serviceUrl: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: threadId, isGroup: true, conversationType: 'channel', name: '' },
  };
}

/** A channel itself: a message sent here starts a new thread. */
const channelReference = threadReference;

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
  const cont = (ref: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>) =>
    adapter.continueConversationAsync(appId, ref, logic);

  return async function deliver(item: OutboxItem): Promise<void> {
    // These two concern no case that exists (a channel; an erased case): handled before the case lookup.
    if (item.kind === 'teams.notice') {
      const p = item.payload as unknown as NoticePayload;
      const ref = channelReference(p.channelId, p.serviceUrl);
      await cont(ref, async (turn) => {
        await turn.sendActivity({
          type: 'message',
          text: translator('sv', 'staff')(p.key, p.params),
          textFormat: 'plain',
        });
      });
      return;
    }
    if (item.kind === TEAMS_REDACT_KIND) {
      await redact(item.payload as unknown as TeamsRedaction);
      return;
    }
    const payload = item.payload as OutboxPayload;
    const c = await store.cases.get(payload.caseId);
    if (!c) return; // purged or forgotten: nothing to deliver
    const reg = await registrations.forRoute(c.route);

    if (item.kind === 'teams.card') {
      if (c.teams.activityId || !reg) return; // already posted (idempotent), or no channel: the case waits in `trygg cases`
      let shown = c;
      if (model?.enabled && c.transcript.length) {
        const raw = await model.summarize(c.transcript, ctx(c));
        const summary = raw ? stripLinks(raw) : raw;
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
      const activityId = rootMessageId(threadId) ?? threadId;
      try {
        await store.cases.update(c.id, { teams: { threadId, activityId } });
      } catch (err) {
        if (!(err instanceof StoreNotFoundError)) throw err;
        // Erased while the card was on its way (`forget`: a purge does not take a case this new): the store
        // could not queue its redaction, so the card becomes a stub right away.
        await redact({ caseId: c.id, route: c.route, threadId, activityId, postIds: [], reason: 'forget' });
      }
      return;
    }

    if (item.kind === 'teams.thread' || item.kind === 'teams.update') {
      if (!reg) return;
      if (!c.teams.threadId) throw new NotYet('the case card is not posted yet');
      await cont(threadReference(c.teams.threadId, reg.serviceUrl), async (turn) => {
        if (item.kind === 'teams.thread') {
          const p = payload as { text: string; tenantText?: string };
          const extra = p.tenantText ? await translated(c, p.tenantText, 'sv', c.language) : '';
          // Plain text, and the tenant's words without links or line breaks of their own (`untrusted.ts`).
          const sent = await turn.sendActivity({ type: 'message', text: plain(p.text + extra), textFormat: 'plain' });
          // Remembered so that erasing the case can delete it from the thread too.
          // Failing here must not fail the delivery: a retry would post the message twice.
          if (sent?.id)
            await store.cases.recordTeamsPost(c.id, sent.id).catch((err: unknown) => {
              deps.log?.warn({ err, caseId: c.id }, 'teams: could not remember a thread post for later erasure');
            });
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

  /**
   * An erased case in Teams: the card becomes a stub without actions, the bot's own posts in the thread are
   * deleted (one already gone counts as deleted). Staff members' own replies cannot be deleted by a bot:
   * the README names the Teams retention policy that removes them.
   */
  async function redact(r: TeamsRedaction): Promise<void> {
    const reg = await registrations.forRoute(r.route);
    if (!reg) throw new NotYet('no registered channel to reach the thread through');
    const ref = threadReference(r.threadId, reg.serviceUrl);
    await cont(ref, async (turn) => {
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
}

/** The thread an item is posted to, for Teams' per-thread rate limit. */
export function threadOf(item: OutboxItem): string | undefined {
  return item.kind.startsWith('teams.') && item.caseId ? `case:${item.caseId}` : undefined;
}
