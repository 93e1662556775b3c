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
import type { CaseDesk } from '../../cases/desk.ts';
import type { IncidentDesk } from '../../cases/incidents/desk.ts';
import type { Config } from '../../config.ts';
import { translator } from '../../i18n.ts';
import type { Logger } from '../../log.ts';
import type { Policy } from '../../routing/policy.ts';
import { StoreConflictError, type Case, type Store } from '../../store/index.ts';
import { caseCard, OUTCOMES } from './cards.ts';
import { rootMessageId } from './delivery.ts';
import { actorOf, handleCommand } from './commands.ts';
import { incidentActions } from './incident-actions.ts';
import { registerReportActions } from './report-actions.ts';
import { REPORT_VERBS } from './report-card.ts';
import type { RegistrationStore } from './registrations.ts';

export interface StaffAppDeps {
  config: Config;
  policy: Policy;
  store: Store;
  /** The case lifecycle: claims, replies and closes go through it. */
  desk: CaseDesk;
  /** The incident lifecycle: the form, proposals and incident cards act through it. */
  incidentDesk: IncidentDesk;
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

/** A Teams conversation id without its thread part: the channel (`19:…@thread.tacv2`). */
const channelOfConversation = (conversationId: string) => conversationId.split(';')[0] ?? '';

export function createStaffApp(deps: StaffAppDeps): Application<TurnState> {
  const { store, policy, log, desk } = deps;
  const app = new Application<TurnState>({
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    adaptiveCards: { actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_ALL },
  });

  /**
   * Whether a card action comes from where the case lives: its own thread, or the channel registered for its
   * route. Case ids are sequential, so an id in the action's data proves nothing by itself.
   */
  async function fromCasePlace(ctx: TurnContext, c: Case): Promise<boolean> {
    const conversationId = ctx.activity.conversation?.id ?? '';
    const card = await store.cards.get(c.id);
    if (card && conversationId === card.threadId) return true;
    const reg = await deps.registrations.forRoute(c.route);
    return Boolean(reg && channelOfConversation(conversationId) === reg.channelId);
  }

  /** Claims, replies or closes; returns the card as it is now, or a polite message. */
  async function act(ctx: TurnContext, data: CardData): Promise<{ card?: Case; message?: string }> {
    if (!tenantAllowed(ctx, deps.config)) return { message: t()('command.refused') };
    const c = typeof data.caseId === 'string' && data.caseId ? await store.cases.get(data.caseId) : undefined;
    if (!c) return { message: t()('claim.missing') };
    if (!(await fromCasePlace(ctx, c))) {
      await store.staffAudit.append({
        at: deps.now(),
        action: 'teams.cardAction.refused',
        actor: actorOf(ctx),
        details: {
          verb: String(data.verb ?? '').slice(0, 20),
          caseId: c.id,
          channel: channelOfConversation(ctx.activity.conversation?.id ?? '').slice(0, 200),
        },
      });
      log.warn({ caseId: c.id }, "teams: a card action from outside the case's channel was refused");
      return { message: t()('claim.wrongPlace') };
    }
    const who = ctx.activity.from?.name || 'MKB';
    try {
      if (data.verb === 'claim') return { card: await desk.claim(c, who) };
      if (c.status === 'closed') return { message: t()('claim.closed', { caseId: c.id }) };
      if (data.verb === 'reply') return { card: await desk.reply(c, who, data.replyText ?? '') };
      if (data.verb === 'close') {
        const outcome = (OUTCOMES as readonly string[]).includes(data.outcome ?? '') ? data.outcome! : 'resolved';
        return { card: await desk.close(c, who, outcome) };
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

  incidentActions(app, { ...deps, allowed: (ctx) => tenantAllowed(ctx, deps.config) });
  // The night report card's actions ("Jag åtgärdar", "Åtgärdat", "Kvittera").
  registerReportActions(app, deps);

  // Any other card action verb does nothing; it is refused and audited like an action from the wrong place.
  const known = new RegExp(`^(?!(claim|reply|close|incident\\.(open|update|close)|${REPORT_VERBS.join('|')})$)`);
  app.adaptiveCards.actionExecute<CardData>(known, async (ctx, _state, data) => {
    await store.staffAudit.append({
      at: deps.now(),
      action: 'teams.cardAction.refused',
      actor: actorOf(ctx),
      details: {
        verb: String((ctx.activity.value as { action?: { verb?: string } })?.action?.verb ?? '').slice(0, 20),
        caseId: String(data?.caseId ?? '').slice(0, 40),
        channel: channelOfConversation(ctx.activity.conversation?.id ?? '').slice(0, 200),
      },
    });
    return t()('claim.unknownAction');
  });

  // Action.Submit fallback (older clients): a message with `value`; the card is updated through the outbox.
  app.adaptiveCards.actionSubmit<CardData>(['claim', 'reply', 'close'], async (ctx, _state, data) => {
    const result = await act(ctx, data);
    // Plain: a message can carry a staff member's display name, which anyone can set to Markdown.
    if (result.message) await ctx.sendActivity({ type: 'message', text: result.message, textFormat: 'plain' });
    else if (result.card) await desk.refreshCard(result.card.id);
  });

  // Everything else typed in Teams: a command, or a staff member writing in a case's thread.
  app.activity('message', async (ctx) => {
    const text = (ctx.activity.text ?? '').trim();
    const conversationId = ctx.activity.conversation.id;
    if (
      conversationId.includes(';messageid=') &&
      !/^(register|registrera|status|shift|incident|help|hjälp)\b/i.test(text)
    ) {
      await relayFromThread(ctx, conversationId, text);
      return;
    }
    await handleCommand(ctx, text, { ...deps, allowed: tenantAllowed(ctx, deps.config) });
  });

  async function relayFromThread(ctx: TurnContext, conversationId: string, text: string): Promise<void> {
    if (!tenantAllowed(ctx, deps.config) || !text) return;
    const threadId = conversationId;
    // Looked up by thread (an index), not by listing the open cases: however many there are, none is missed.
    // The thread itself, or its root message in the same channel: a thread elsewhere with the same message id
    // is not this case's.
    const root = rootMessageId(threadId);
    const cards = [
      ...[await store.cards.byThread(threadId)].filter((x) => x !== undefined),
      ...(root ? await store.cards.byMessage(root) : []),
    ].filter(
      (x) =>
        x.kind === 'case' &&
        (x.threadId === threadId ||
          (channelOfConversation(threadId) === channelOfConversation(x.threadId) &&
            threadId.endsWith(`;messageid=${x.messageId}`))),
    );
    let c: Case | undefined;
    for (const card of cards) {
      const found = await store.cases.get(card.subject);
      if (found && found.status !== 'closed') {
        c = found;
        break;
      }
    }
    if (!c) {
      log.info('teams: a thread message that belongs to no open case');
      return;
    }
    const who = ctx.activity.from?.name || 'MKB';
    // Keyed by the activity: a redelivered message (or one delivered twice at once) reaches the tenant once.
    const key = ctx.activity.id ? `staff:${c.id}:${ctx.activity.id}` : undefined;
    await desk.reply(c, who, text, key);
  }

  app.error(async (ctx, err) => {
    log.error({ err, activityType: ctx.activity.type }, 'teams: staff turn failed');
  });
  return app;
}
