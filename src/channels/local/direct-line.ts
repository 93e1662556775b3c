/**
 * A Direct Line 3.0-compatible endpoint for local mode: the REST side Web Chat polls (no WebSocket), and
 * through `mountConnector` the Bot Connector side the bot answers on. Together they stand in for Azure Bot
 * Service on a developer's machine, with nothing leaving 127.0.0.1.
 */
import type { Request, Server } from 'restify';
import {
  conversationUpdate,
  parseClientActivity,
  parseConversationRequest,
  stampClientActivity,
  toBotActivity,
  type Stamp,
} from './activities.ts';
import { mountConnector } from './connector.ts';
import { allowLoopbackPages } from './cors.ts';
import { ConversationStore, nextActivityId, type Conversation, type ConversationLimits } from './conversations.ts';
import { BOT_TIMEOUT_MS, forwardToBot } from './forward.ts';
import {
  badRequest,
  bearerToken,
  forbidden,
  notFound,
  pathParam,
  queryParam,
  readJsonObject,
  route,
  sendJson,
  type ShimLogger,
} from './http.ts';

/** Options of {@link mountDirectLine}. */
export interface DirectLineOptions {
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  botEndpoint: string;
  /** This server's own base URL, e.g. `http://127.0.0.1:3978`; given to the bot as `serviceUrl`. */
  publicBaseUrl: string;
  /** The bot's account as the tenant's activities name it in `recipient`. Default `{ id: 'trygg', name: 'Trygg' }`. */
  bot?: { id: string; name: string };
  /** Caps on conversations, activities, idle time and token lifetime; see {@link ConversationLimits}. */
  limits?: Partial<ConversationLimits>;
  /** How long the bot may take to accept an activity before the page gets a 504. Default 15 s. */
  botTimeoutMs?: number;
  /** Clock seam for tests; default `Date.now`. */
  now?: () => number;
  /** Where unexpected failures and an unreachable bot are reported; pino fits. */
  logger?: ShimLogger;
}

/** What the connector routes share with the Direct Line routes: the store, the clock, the bot's account. */
export interface ShimContext {
  readonly store: ConversationStore;
  readonly now: () => number;
  readonly logger: ShimLogger | undefined;
  readonly bot: { id: string; name: string };
  /** The `serviceUrl` the bot answers on, with Bot Framework's trailing slash. */
  readonly serviceUrl: string;
  /** Connector fields for a new activity of the conversation (a fresh id each call). */
  stamp(conversation: Conversation): Stamp;
}

const DIRECT_LINE = '/v3/directline';

/**
 * Mounts the Direct Line 3.0 REST routes (`/v3/directline/...`) and the Bot Connector routes the bot replies
 * on (`/v3/conversations/...`) on `server`, with conversations held in memory.
 *
 * Channel preview: `tokens/generate` (or `conversations` without a token) takes, besides Direct Line's
 * `user: { id, name }`, two local fields: `channelId` (`webchat` default, `directline`, `emulator`, or
 * `sms`, which needs `user.id` as a phone number such as `+46700000000`) and `locale` (e.g. `sv-SE`).
 * Every activity of that conversation then reaches the bot with that `channelId`, `from.id` and `locale`.
 *
 * @returns the conversation store, for inspection in tests and debugging.
 */
export function mountDirectLine(server: Server, options: DirectLineOptions): ConversationStore {
  const store = new ConversationStore(options.limits);
  const serviceUrl = `${options.publicBaseUrl.replace(/\/+$/, '')}/`;
  const botTimeoutMs = options.botTimeoutMs ?? BOT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const logger = options.logger;
  const bot = options.bot ?? { id: 'trygg', name: 'Trygg' };
  const context: ShimContext = {
    store,
    now,
    logger,
    bot,
    serviceUrl,
    stamp: (conversation) => ({
      id: nextActivityId(conversation),
      timestamp: new Date(now()).toISOString(),
      serviceUrl,
      bot,
    }),
  };

  /** The conversation named in the path, which the bearer token must have been issued for. */
  function authorize(req: Request): Conversation {
    const id = pathParam(req, 'conversationId');
    const conversation = store.get(id, now());
    if (!conversation) throw notFound(`no conversation ${id}; it may have expired, start a new one`);
    const token = bearerToken(req);
    if (!token || store.conversationIdForToken(token, now()) !== conversation.id) {
      throw forbidden('the token is missing, expired or not for this conversation');
    }
    return conversation;
  }

  /** The conversation a token was issued for; 403 when the token is missing, expired or unknown. */
  function conversationOfToken(token: string | undefined): Conversation {
    const conversationId = token ? store.conversationIdForToken(token, now()) : undefined;
    const conversation = conversationId ? store.get(conversationId, now()) : undefined;
    if (!conversation) throw forbidden('the token is missing, expired or unknown; generate a new one');
    return conversation;
  }

  /** Tells the bot the conversation began, once. A bot that is down must not stop the page from connecting. */
  async function ensureStarted(conversation: Conversation): Promise<void> {
    if (conversation.started) return;
    conversation.started = true;
    try {
      await forwardToBot(
        options.botEndpoint,
        conversationUpdate(conversation, context.stamp(conversation)),
        botTimeoutMs,
      );
    } catch (error) {
      logger?.warn(
        { err: error, conversationId: conversation.id },
        'local Direct Line: conversationUpdate not delivered',
      );
    }
  }

  allowLoopbackPages(server, `${DIRECT_LINE}/`);

  server.post(
    `${DIRECT_LINE}/tokens/generate`,
    route(logger, async (req, res) => {
      const request = parseConversationRequest(await readJsonObject(req));
      sendJson(res, 200, store.grant(store.create(request, now()), now()));
    }),
  );

  server.post(
    `${DIRECT_LINE}/tokens/refresh`,
    route(logger, async (req, res) => {
      sendJson(res, 200, store.grant(conversationOfToken(bearerToken(req)), now()));
    }),
  );

  // Starts the conversation a token was generated for, or (local convenience, no secret exists) a new one.
  server.post(
    `${DIRECT_LINE}/conversations`,
    route(logger, async (req, res) => {
      const token = bearerToken(req);
      const conversation =
        token || req.headers.authorization !== undefined
          ? conversationOfToken(token)
          : store.create(parseConversationRequest(await readJsonObject(req)), now());
      const isNew = !conversation.started;
      await ensureStarted(conversation);
      const grant = token
        ? { conversationId: conversation.id, token, expires_in: store.limits.tokenSeconds }
        : store.grant(conversation, now());
      // streamUrl is left out: this shim has no WebSocket, and Web Chat then polls.
      sendJson(res, isNew ? 201 : 200, grant);
    }),
  );

  // Reconnect: Direct Line answers with a fresh token (and a streamUrl, which polling does not need).
  server.get(
    `${DIRECT_LINE}/conversations/:conversationId`,
    route(logger, async (req, res) => {
      const conversation = authorize(req);
      parseWatermark(req);
      sendJson(res, 200, store.grant(conversation, now()));
    }),
  );

  server.post(
    `${DIRECT_LINE}/conversations/:conversationId/activities`,
    route(logger, async (req, res) => {
      const conversation = authorize(req);
      const activity = parseClientActivity(await readJsonObject(req), conversation);
      await ensureStarted(conversation);
      const stamped = stampClientActivity(activity, conversation, context.stamp(conversation));
      // Stored first: Direct Line echoes the tenant's own activity, and Web Chat marks it sent on that echo.
      store.append(conversation, stamped);
      await forwardToBot(options.botEndpoint, toBotActivity(stamped, conversation), botTimeoutMs);
      sendJson(res, 200, { id: stamped.id });
    }),
  );

  server.get(
    `${DIRECT_LINE}/conversations/:conversationId/activities`,
    route(logger, async (req, res) => {
      const conversation = authorize(req);
      sendJson(res, 200, store.since(conversation, parseWatermark(req)));
    }),
  );

  mountConnector(server, context);
  return store;
}

/** The `watermark` query parameter: absent or empty means "from the start"; otherwise a whole number. */
function parseWatermark(req: Request): number | undefined {
  const raw = queryParam(req, 'watermark');
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,15}$/.test(raw)) throw badRequest('watermark must be a whole number from an earlier answer');
  return Number(raw);
}
