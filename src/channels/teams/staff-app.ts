/**
 * The staff side in Microsoft Teams, on teams-ai's Application: channel commands (register, status, shift
 * add), the case card's actions (claim "Jag tar det", reply, close) and the relay of staff messages in a
 * case's thread to the tenant. Everything a tenant must receive goes through the durable outbox.
 */
import {
  Application,
  AdaptiveCardActionExecuteResponseType,
  type AdaptiveCard,
  type TurnState,
} from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Config } from '../../config.ts';
import { translator } from '../../i18n.ts';
import type { Logger } from '../../log.ts';
import type { Policy } from '../../routing/policy.ts';
import { StoreConflictError, type Case, type NewOutboxItem, type Store } from '../../store/index.ts';
import { caseCard, OUTCOMES } from './cards.ts';
import { cardUpdate, rootMessageId, tenantMessage, threadPost } from './delivery.ts';
import { handleCommand } from './commands.ts';
import type { RegistrationStore } from './registrations.ts';

export interface StaffAppDeps {
  config: Config;
  policy: Policy;
  store: Store;
  registrations: RegistrationStore;
  log: Logger;
  now: () => Date;
  /** Wakes the outbox worker after something was enqueued. */
  kick: () => void;
}

const t = () => translator('sv', 'staff');

/** The Microsoft 365 tenant of an activity. */
export function tenantOf(ctx: TurnContext): string | undefined {
  const cd = ctx.activity.channelData as { tenant?: { id?: string } } | undefined;
  return ctx.activity.conversation?.tenantId ?? cd?.tenant?.id;
}

/** Only the allowed tenant; without TEAMS_ALLOWED_TENANT_ID nobody in production, anyone in local mode. */
export function tenantAllowed(ctx: TurnContext, config: Config): boolean {
  if (config.teamsAllowedTenantId) return tenantOf(ctx) === config.teamsAllowedTenantId;
  return !config.production && config.localMode;
}

type CardData = { verb?: string; caseId?: string; replyText?: string; outcome?: string };

export function createStaffApp(deps: StaffAppDeps): Application<TurnState> {
  const { store, policy, log } = deps;
  const app = new Application<TurnState>({
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    adaptiveCards: { actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_ALL },
  });

  /** Claims, replies or closes; returns the card as it is now, or a polite message. */
  async function act(ctx: TurnContext, data: CardData): Promise<{ card?: Case; message?: string }> {
    if (!tenantAllowed(ctx, deps.config)) return { message: t()('command.refused') };
    const c = data.caseId ? await store.cases.get(data.caseId) : undefined;
    if (!c) return { message: t()('claim.missing') };
    const who = ctx.activity.from?.name || 'MKB';
    const items: NewOutboxItem[] = [];
    try {
      if (data.verb === 'claim') {
        const updated = await store.cases.update(
          c.id,
          { status: 'claimed', claimedBy: who },
          { ifStatus: 'open', outbox: [tenantMessage(c.id, 'staff.claimed', { name: who })] },
        );
        deps.kick();
        return { card: updated };
      }
      if (c.status === 'closed') return { message: t()('claim.closed', { caseId: c.id }) };
      if (data.verb === 'reply') {
        const text = (data.replyText ?? '').trim().slice(0, 1000);
        if (!text) return { card: c };
        items.push(tenantMessage(c.id, 'staff.reply', { team: policy.destinations[c.route].name.sv }, text));
        const updated = await store.cases.update(
          c.id,
          c.status === 'open' ? { status: 'claimed', claimedBy: who } : {},
          { outbox: items },
        );
        deps.kick();
        return { card: updated };
      }
      if (data.verb === 'close') {
        const outcome = (OUTCOMES as readonly string[]).includes(data.outcome ?? '') ? data.outcome! : 'resolved';
        const updated = await store.cases.update(
          c.id,
          { status: 'closed', outcome, claimedBy: c.claimedBy ?? who },
          { outbox: [tenantMessage(c.id, 'staff.closed')] },
        );
        deps.kick();
        return { card: updated };
      }
      return { card: c };
    } catch (err) {
      if (err instanceof StoreConflictError) {
        const current = await store.cases.get(c.id);
        return {
          message:
            current?.status === 'closed'
              ? t()('claim.closed', { caseId: c.id })
              : t()('claim.already', { name: current?.claimedBy ?? '?', caseId: c.id }),
        };
      }
      throw err;
    }
  }

  // Universal Actions: the refreshed card goes back in the invoke response and replaces the card for all.
  app.adaptiveCards.actionExecute<CardData>(['claim', 'reply', 'close'], async (ctx, _state, data) => {
    const verb = (ctx.activity.value as { action?: { verb?: string } })?.action?.verb;
    const result = await act(ctx, { ...data, ...(verb ? { verb } : {}) });
    return result.card ? (caseCard(result.card, policy.timeZone) as AdaptiveCard) : result.message!;
  });

  // Action.Submit fallback (older clients): a message with `value`; the card is updated through the outbox.
  app.adaptiveCards.actionSubmit<CardData>(['claim', 'reply', 'close'], async (ctx, _state, data) => {
    const result = await act(ctx, data);
    if (result.message) await ctx.sendActivity(result.message);
    else if (result.card) {
      await store.outbox.enqueue([cardUpdate(result.card.id)]);
      deps.kick();
    }
  });

  // Everything else typed in Teams: a command, or a staff member writing in a case's thread.
  app.activity('message', async (ctx) => {
    const text = (ctx.activity.text ?? '').trim();
    const conversationId = ctx.activity.conversation.id;
    if (conversationId.includes(';messageid=') && !/^(register|registrera|status|shift|help|hjälp)\b/i.test(text)) {
      await relayFromThread(ctx, conversationId, text);
      return;
    }
    await handleCommand(ctx, text, { ...deps, allowed: tenantAllowed(ctx, deps.config) });
  });

  async function relayFromThread(ctx: TurnContext, conversationId: string, text: string): Promise<void> {
    if (!tenantAllowed(ctx, deps.config) || !text) return;
    const threadId = conversationId;
    // Looked up by thread (an index), not by listing the open cases: however many there are, none is missed.
    const root = rootMessageId(threadId);
    const c = [
      ...(await store.cases.list({ teamsThreadId: threadId, limit: 1 })),
      ...(root ? await store.cases.list({ teamsActivityId: root, limit: 10 }) : []),
    ].find(
      (x) =>
        x.status !== 'closed' &&
        (x.teams.threadId === threadId || threadId.endsWith(`;messageid=${x.teams.activityId}`)),
    );
    if (!c) {
      log.info('teams: a thread message that belongs to no open case');
      return;
    }
    const who = ctx.activity.from?.name || 'MKB';
    await store.cases.update(c.id, c.status === 'open' ? { status: 'claimed', claimedBy: who } : {}, {
      outbox: [tenantMessage(c.id, 'staff.reply', { team: policy.destinations[c.route].name.sv }, text.slice(0, 1000))],
    });
    deps.kick();
  }

  app.error(async (ctx, err) => {
    log.error({ err, activityType: ctx.activity.type }, 'teams: staff turn failed');
  });
  return app;
}

/** A tenant wrote while their case is open: post it in the case's thread. */
export async function relayTenantMessage(store: Store, c: Case, text: string, kick: () => void): Promise<void> {
  await store.outbox.enqueue([
    threadPost(c.id, t()('thread.tenantWrote', { text: text.slice(0, 1000) }), undefined, text.slice(0, 1000)),
  ]);
  kick();
}
