/**
 * What the shim does to activities on their way through: validating what the page asks for (channel,
 * locale, phone number), stamping a tenant's activity the way the Bot Connector does, and shaping the copy
 * the bot receives when the page previews SMS.
 */
import { badRequest } from './http.ts';
import {
  PREVIEW_CHANNELS,
  type ActivityJson,
  type Conversation,
  type ConversationUser,
  type PreviewChannel,
} from './conversations.ts';

/** The channel preview a page asks for in `tokens/generate` or `conversations` (local extension fields). */
export interface ConversationRequest {
  channelId: PreviewChannel;
  user?: ConversationUser;
  locale?: string;
}

// E.164 as the SMS channel gives it: a plus and 7 to 15 digits.
const PHONE = /^\+[1-9]\d{6,14}$/;
// BCP 47 shape only (sv-SE, ar, fa-IR); which languages the bot speaks is the bot's business.
const LOCALE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/;
const USER_ID = /^[\w.:@+-]{1,64}$/;
// Activity types a web page may send; SMS carries only messages.
const CLIENT_TYPES = new Set(['message', 'event', 'typing']);

/**
 * Reads the preview fields of a conversation request body: `channelId` (`webchat` default, or `sms`),
 * `locale`, and `user: { id, name }`. SMS needs `user.id` as a phone number, because that is what the SMS
 * channel sends as `from.id`.
 */
export function parseConversationRequest(body: Record<string, unknown>): ConversationRequest {
  const channelId = body.channelId ?? 'webchat';
  if (typeof channelId !== 'string' || !(PREVIEW_CHANNELS as readonly string[]).includes(channelId)) {
    throw badRequest(`channelId must be one of ${PREVIEW_CHANNELS.join(', ')}`);
  }
  const locale = body.locale;
  if (locale !== undefined && (typeof locale !== 'string' || !LOCALE.test(locale))) {
    throw badRequest('locale must be a language tag such as sv-SE');
  }
  const user = parseUser(body.user);
  if (channelId === 'sms' && (!user || !PHONE.test(user.id))) {
    throw badRequest('sms needs user.id as a phone number such as +46700000000');
  }
  return {
    channelId: channelId as PreviewChannel,
    ...(user ? { user } : {}),
    ...(locale !== undefined ? { locale } : {}),
  };
}

function parseUser(value: unknown): ConversationUser | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('user must be an object with an id');
  const { id, name } = value as Record<string, unknown>;
  // directlinejs sends `user: { id: undefined }` when the page gave none: that means "choose one".
  if (id === undefined) return undefined;
  if (typeof id !== 'string' || !USER_ID.test(id)) throw badRequest('user.id must be 1-64 letters, digits or .:@+-_');
  if (name !== undefined && (typeof name !== 'string' || name.length > 128))
    throw badRequest('user.name must be a short string');
  return name === undefined ? { id } : { id, name };
}

/** Checks an activity body from the page and returns it typed; throws a 400 reason otherwise. */
export function parseClientActivity(body: Record<string, unknown>, conversation: Conversation): ActivityJson {
  const { type, text } = body;
  if (typeof type !== 'string' || !CLIENT_TYPES.has(type)) {
    throw badRequest(`type must be one of ${[...CLIENT_TYPES].join(', ')}`);
  }
  if (conversation.channelId === 'sms' && type !== 'message') throw badRequest('the sms channel carries only messages');
  if (text !== undefined && typeof text !== 'string') throw badRequest('text must be a string');
  return body as ActivityJson;
}

/** Fields the Bot Connector sets on a tenant's activity before the bot sees it. */
export interface Stamp {
  id: string;
  timestamp: string;
  serviceUrl: string;
  bot: { id: string; name: string };
}

/**
 * The tenant's activity as the Bot Connector would deliver it: the sender is the conversation's user
 * whatever the page claimed (Direct Line does the same with a user-bound token), the channel and the
 * locale are the ones the conversation was started with.
 */
export function stampClientActivity(activity: ActivityJson, conversation: Conversation, stamp: Stamp): ActivityJson {
  const claimedFrom = activity.from as { name?: unknown } | undefined;
  const name = conversation.channelId === 'sms' ? conversation.user.id : (conversation.user.name ?? claimedFrom?.name);
  return {
    ...activity,
    id: stamp.id,
    timestamp: stamp.timestamp,
    serviceUrl: stamp.serviceUrl,
    channelId: conversation.channelId,
    conversation: { id: conversation.id },
    from: { id: conversation.user.id, ...(typeof name === 'string' ? { name } : {}), role: 'user' },
    recipient: { id: stamp.bot.id, name: stamp.bot.name, role: 'bot' },
    ...(conversation.locale ? { locale: conversation.locale } : {}),
  };
}

/**
 * The copy the bot receives. For SMS it drops what only Web Chat sends (its channelData with the client
 * activity id, client-capability entities, the browser's local time and time zone), so a bot that leans on
 * them fails here rather than on a real phone. The stored copy keeps them: Web Chat needs its echo.
 */
export function toBotActivity(activity: ActivityJson, conversation: Conversation): ActivityJson {
  if (conversation.channelId !== 'sms') return activity;
  const {
    channelData: _channelData,
    entities: _entities,
    localTimestamp: _ts,
    localTimezone: _tz,
    ...smsShaped
  } = activity;
  return { ...smsShaped, textFormat: 'plain' };
}

/** The conversationUpdate the Bot Connector sends when a conversation starts: bot and tenant joined. */
export function conversationUpdate(conversation: Conversation, stamp: Stamp): ActivityJson {
  return {
    type: 'conversationUpdate',
    id: stamp.id,
    timestamp: stamp.timestamp,
    serviceUrl: stamp.serviceUrl,
    channelId: conversation.channelId,
    conversation: { id: conversation.id },
    from: { id: conversation.user.id, role: 'user' },
    recipient: { id: stamp.bot.id, name: stamp.bot.name, role: 'bot' },
    membersAdded: [{ id: stamp.bot.id, name: stamp.bot.name }, { id: conversation.user.id }],
    ...(conversation.locale ? { locale: conversation.locale } : {}),
  };
}
