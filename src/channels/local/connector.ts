/**
 * The Bot Connector routes the bot calls on the `serviceUrl` the shim gave it: send, reply, update, delete,
 * and create a conversation. What the bot sends is stored in the conversation for the page to poll, trace
 * activities included (Web Chat ignores them; keeping them lets a developer inspect `trygg.decision`).
 * Anonymous, as the bot is in local mode.
 */
import type { Request, Server } from 'restify';
import type { ActivityJson, Conversation } from './conversations.ts';
import type { ShimContext } from './direct-line.ts';
import { badRequest, notFound, pathParam, readJsonObject, route, sendJson } from './http.ts';

const CONVERSATIONS = '/v3/conversations';
const USER_ID = /^[\w.:@+-]{1,64}$/;

/** Mounts the connector routes; called by `mountDirectLine`, which owns the store. */
export function mountConnector(server: Server, context: ShimContext): void {
  const { store, now, logger } = context;

  function conversationOf(req: Request): Conversation {
    const id = pathParam(req, 'conversationId');
    const conversation = store.get(id, now());
    if (!conversation) throw notFound(`no conversation ${id}; it may have expired`);
    return conversation;
  }

  /** Stores a bot activity the way the connector delivers it: its own id and time, the conversation's channel. */
  function storeBotActivity(conversation: Conversation, activity: ActivityJson, id: string, timestamp: string): string {
    store.append(conversation, {
      ...activity,
      id,
      timestamp,
      channelId: conversation.channelId,
      conversation: { id: conversation.id },
      from: activity.from ?? { id: context.bot.id, name: context.bot.name, role: 'bot' },
      recipient: activity.recipient ?? { id: conversation.user.id, role: 'user' },
    });
    return id;
  }

  async function send(req: Request, replyToId?: string): Promise<string> {
    const conversation = conversationOf(req);
    const activity = parseBotActivity(await readJsonObject(req));
    const { id, timestamp } = context.stamp(conversation);
    const withReply = replyToId && activity.replyToId === undefined ? { ...activity, replyToId } : activity;
    return storeBotActivity(conversation, withReply, id, timestamp);
  }

  server.post(
    `${CONVERSATIONS}/:conversationId/activities`,
    route(logger, async (req, res) => {
      sendJson(res, 200, { id: await send(req) });
    }),
  );

  server.post(
    `${CONVERSATIONS}/:conversationId/activities/:activityId`,
    route(logger, async (req, res) => {
      sendJson(res, 200, { id: await send(req, pathParam(req, 'activityId')) });
    }),
  );

  server.put(
    `${CONVERSATIONS}/:conversationId/activities/:activityId`,
    route(logger, async (req, res) => {
      const conversation = conversationOf(req);
      const activityId = pathParam(req, 'activityId');
      const activity = parseBotActivity(await readJsonObject(req));
      const previous = conversation.activities.find((entry) => entry.activity.id === activityId)?.activity;
      if (!previous) throw notFound(`no activity ${activityId} in conversation ${conversation.id}`);
      // Moved to the end by replace(), so a page that already polled past the original still gets the update.
      store.replace(conversation, { ...previous, ...activity, id: activityId });
      sendJson(res, 200, { id: activityId });
    }),
  );

  server.del(
    `${CONVERSATIONS}/:conversationId/activities/:activityId`,
    route(logger, async (req, res) => {
      const conversation = conversationOf(req);
      const activityId = pathParam(req, 'activityId');
      if (!store.remove(conversation, activityId))
        throw notFound(`no activity ${activityId} in conversation ${conversation.id}`);
      sendJson(res, 200, {});
    }),
  );

  // Proactive start (ConversationParameters in, ConversationResourceResponse out). Local mode previews web
  // chat here: the parameters do not say which channel, and nobody holds a token for it until one is granted.
  server.post(
    CONVERSATIONS,
    route(logger, async (req, res) => {
      const parameters = await readJsonObject(req);
      const members = parameters.members;
      if (members !== undefined && !Array.isArray(members)) throw badRequest('members must be an array');
      const firstId: unknown = (members?.[0] as { id?: unknown } | undefined)?.id;
      const user = typeof firstId === 'string' && USER_ID.test(firstId) ? { id: firstId } : undefined;
      const conversation = store.create({ channelId: 'webchat', ...(user ? { user } : {}) }, now());
      conversation.started = true;
      let activityId: string | undefined;
      if (parameters.activity !== undefined) {
        const activity = parseBotActivity(parameters.activity);
        const { id, timestamp } = context.stamp(conversation);
        activityId = storeBotActivity(conversation, activity, id, timestamp);
      }
      sendJson(res, 200, {
        id: conversation.id,
        serviceUrl: context.serviceUrl,
        ...(activityId ? { activityId } : {}),
      });
    }),
  );
}

/** A bot's activity needs a `type`; everything else is the bot's business and passed through. */
function parseBotActivity(value: unknown): ActivityJson {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest('activity must be a JSON object');
  const { type } = value as Record<string, unknown>;
  if (typeof type !== 'string' || type === '' || type.length > 64)
    throw badRequest('activity type must be a short string');
  return value as ActivityJson;
}
