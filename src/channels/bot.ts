/**
 * The Bot Framework face of Trygg: an ActivityHandler that hands tenant messages to the conversation, and
 * middleware that answers a redelivered activity only once.
 */
import { ActivityHandler, ActivityTypes, type InvokeResponse, type Middleware, type TurnContext } from 'botbuilder';
import type { TryggConversation } from '../../dialogs/conversation.ts';
import { errorBody } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import { locksFor } from '../store/locks.ts';

/**
 * Channels redeliver an activity when they did not see our answer in time; answer each one once. A staff
 * message in Teams counts as handled only when its turn went through (checked and recorded under a lock per
 * activity, so a redelivery that arrives meanwhile waits and then sees it handled); a turn that failed is
 * run again when Teams redelivers. A tenant's message is deduplicated the same way by the conversation
 * itself (`TryggConversation.onMessage`).
 */
export function dedupeMiddleware(store: Store, log: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { id, conversation, type, channelId } = context.activity;
      if (!(type === ActivityTypes.Message && channelId === 'msteams' && id && conversation?.id)) return next();
      await locksFor(store).withLock(`trygg.staff-turn:${conversation.id}:${id}`, async () => {
        if (await store.activities.seen(conversation.id, id)) {
          log.info({ channelId }, 'redelivered activity ignored');
          return;
        }
        await next();
        // Reached only when the turn went through: a failed one throws past this.
        await store.activities.markProcessed(conversation.id, id);
      });
    },
  };
}

export class TryggBot extends ActivityHandler {
  /** Tenants' channels send no invokes Trygg understands: a clear 400, not botbuilder's 501. */
  protected override async onInvokeActivity(_context: TurnContext): Promise<InvokeResponse> {
    return { status: 400, body: errorBody('UnsupportedInvoke') };
  }

  constructor(conversation: TryggConversation) {
    super();
    this.onMessage(async (context, next) => {
      await conversation.onMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      // Web chat announces the tenant joining; SMS does not, and there the first reply greets.
      if (context.activity.membersAdded?.some((m) => m.id !== botId)) await conversation.onConversationStart(context);
      await next();
    });
  }
}
