/**
 * The Bot Framework face of Trygg: an ActivityHandler that hands tenant messages to the conversation, and
 * middleware that answers a redelivered activity only once.
 */
import { ActivityHandler, ActivityTypes, type InvokeResponse, type Middleware, type TurnContext } from 'botbuilder';
import type { TryggConversation } from '../../dialogs/conversation.ts';
import { errorBody } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';

/**
 * Channels redeliver an activity when they did not see our answer in time; answer each one once. For staff
 * messages in Teams: a tenant's message is deduplicated by the conversation itself, under its lock, and only
 * counted as handled when its turn went through (`TryggConversation.onMessage`).
 */
export function dedupeMiddleware(store: Store, log: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { id, conversation, type, channelId } = context.activity;
      if (type === ActivityTypes.Message && channelId === 'msteams' && id && conversation?.id) {
        const fresh = await store.activities.markProcessed(conversation.id, id);
        if (!fresh) {
          log.info({ channelId: context.activity.channelId }, 'redelivered activity ignored');
          return;
        }
      }
      await next();
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
