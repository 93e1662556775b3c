/**
 * In-memory conversations of the local Direct Line shim: activities with watermarks, tokens, and the caps
 * that keep a long-running development server from growing without bound. No HTTP and no clock reads here:
 * the caller passes `now`, so expiry is testable without fake timers.
 */
import { randomBytes } from 'node:crypto';

/**
 * Channels the shim can present to the bot. `sms` mimics Azure Bot Service's Twilio channel; `emulator` is
 * the one channel on which botbuilder sends trace activities (such as `trygg.decision`) at all.
 */
export const PREVIEW_CHANNELS = ['webchat', 'directline', 'sms', 'emulator'] as const;
export type PreviewChannel = (typeof PREVIEW_CHANNELS)[number];

/** An activity as JSON on the wire. Only `type` is required; everything else is passed through. */
export interface ActivityJson {
  type: string;
  id?: string;
  [field: string]: unknown;
}

/** The tenant's side of a conversation. */
export interface ConversationUser {
  /** Web chat: an opaque id (`dl_…`). SMS: the phone number in E.164, as the SMS channel gives it. */
  id: string;
  name?: string;
}

/** One conversation held by the shim. */
export interface Conversation {
  readonly id: string;
  readonly channelId: PreviewChannel;
  readonly user: ConversationUser;
  /** Locale stamped on every activity the page sends; undefined keeps what Web Chat set. */
  readonly locale: string | undefined;
  /** Whether the bot has been told about the conversation (conversationUpdate sent). */
  started: boolean;
  /** Oldest first; `seq` grows by one per stored activity and is the watermark. */
  readonly activities: { seq: number; activity: ActivityJson }[];
  nextSeq: number;
  /** Numbers activity ids, including those never stored (the conversationUpdate sent only to the bot). */
  nextIdNumber: number;
  lastActive: number;
  /** Tokens issued for this conversation, oldest first (refresh adds one). */
  readonly tokens: string[];
}

/** Caps on the store. A development tool still must not be a memory leak. */
export interface ConversationLimits {
  /** Conversations kept at once; the least recently used is dropped beyond this. Default 1,000. */
  maxConversations: number;
  /** Activities kept per conversation; the oldest are dropped beyond this. Default 500. */
  maxActivities: number;
  /** A conversation untouched this long is forgotten. Default 2 hours. */
  idleMs: number;
  /** Lifetime of a token in seconds (`expires_in`). Default 3,600, as Direct Line documents. */
  tokenSeconds: number;
}

export const DEFAULT_LIMITS: ConversationLimits = {
  maxConversations: 1_000,
  maxActivities: 500,
  idleMs: 2 * 60 * 60 * 1000,
  tokenSeconds: 3_600,
};

// Refresh issues a new token every 15 minutes while a page is open; a handful covers the overlap.
const MAX_TOKENS_PER_CONVERSATION = 5;

/** What `tokens/generate` and `conversations` answer, as Direct Line 3.0 shapes it. */
export interface ConversationGrant {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** Random URL-safe id of `bytes` random bytes. */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * A JWT-shaped but unsigned token. Web Chat decodes the `user` claim to choose the sender id, as it does
 * with real Direct Line tokens; the shim itself only ever looks the whole string up, never trusts its content.
 */
function makeToken(conversationId: string, userId: string, expiresAtMs: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = part({ alg: 'none', typ: 'JWT' });
  const payload = part({ conv: conversationId, user: userId, exp: Math.floor(expiresAtMs / 1000) });
  return `${header}.${payload}.${randomId(24)}`;
}

/** A new activity id in the conversation, shaped like Direct Line's (`<conversation>|0000007`). */
export function nextActivityId(conversation: Conversation): string {
  return `${conversation.id}|${String(conversation.nextIdNumber++).padStart(7, '0')}`;
}

/** The conversations of one shim instance. */
export class ConversationStore {
  readonly limits: ConversationLimits;
  // Map iteration order is insertion order; `touch` re-inserts, so the first entry is the least recently used.
  readonly #conversations = new Map<string, Conversation>();
  readonly #tokens = new Map<string, { conversationId: string; expiresAt: number }>();

  constructor(limits: Partial<ConversationLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  get size(): number {
    return this.#conversations.size;
  }

  /** Creates a conversation, evicting expired ones and then the least recently used beyond the cap. */
  create(init: { channelId: PreviewChannel; user?: ConversationUser; locale?: string }, now: number): Conversation {
    this.#sweep(now);
    while (this.#conversations.size >= this.limits.maxConversations) {
      const oldest = this.#conversations.keys().next().value;
      if (oldest === undefined) break;
      this.#delete(oldest);
    }
    const conversation: Conversation = {
      id: randomId(),
      channelId: init.channelId,
      user: init.user ?? { id: `dl_${randomId(12)}` },
      locale: init.locale,
      started: false,
      activities: [],
      nextSeq: 0,
      nextIdNumber: 0,
      lastActive: now,
      tokens: [],
    };
    this.#conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The live conversation with this id (marking it used), or undefined when unknown or idle too long. */
  get(id: string, now: number): Conversation | undefined {
    const conversation = this.#conversations.get(id);
    if (!conversation) return undefined;
    if (now - conversation.lastActive > this.limits.idleMs) {
      this.#delete(id);
      return undefined;
    }
    conversation.lastActive = now;
    this.#conversations.delete(id);
    this.#conversations.set(id, conversation);
    return conversation;
  }

  /** Issues a new token for the conversation and returns the Direct Line grant. */
  grant(conversation: Conversation, now: number): ConversationGrant {
    const expiresAt = now + this.limits.tokenSeconds * 1000;
    const token = makeToken(conversation.id, conversation.user.id, expiresAt);
    this.#tokens.set(token, { conversationId: conversation.id, expiresAt });
    conversation.tokens.push(token);
    while (conversation.tokens.length > MAX_TOKENS_PER_CONVERSATION) {
      const dropped = conversation.tokens.shift();
      if (dropped !== undefined) this.#tokens.delete(dropped);
    }
    return { conversationId: conversation.id, token, expires_in: this.limits.tokenSeconds };
  }

  /** The conversation id a token was issued for, or undefined when the token is unknown or expired. */
  conversationIdForToken(token: string, now: number): string | undefined {
    const entry = this.#tokens.get(token);
    if (!entry || entry.expiresAt <= now) return undefined;
    return entry.conversationId;
  }

  /** Appends an activity and returns its watermark; drops the oldest beyond the per-conversation cap. */
  append(conversation: Conversation, activity: ActivityJson): number {
    const seq = conversation.nextSeq++;
    conversation.activities.push({ seq, activity });
    const excess = conversation.activities.length - this.limits.maxActivities;
    if (excess > 0) conversation.activities.splice(0, excess);
    return seq;
  }

  /** Replaces an activity by id. It moves to the end so that clients past its old watermark see the update. */
  replace(conversation: Conversation, activity: ActivityJson & { id: string }): boolean {
    if (!this.remove(conversation, activity.id)) return false;
    this.append(conversation, activity);
    return true;
  }

  /** Removes an activity by id; false when there was none. */
  remove(conversation: Conversation, activityId: string): boolean {
    const index = conversation.activities.findIndex((entry) => entry.activity.id === activityId);
    if (index < 0) return false;
    conversation.activities.splice(index, 1);
    return true;
  }

  /** Activities after `watermark` (all when undefined) and the watermark to send next time. */
  since(conversation: Conversation, watermark: number | undefined): { activities: ActivityJson[]; watermark?: string } {
    const after = conversation.activities.filter((entry) => watermark === undefined || entry.seq > watermark);
    const last = after.at(-1);
    const next = last ? last.seq : watermark;
    return {
      activities: after.map((entry) => entry.activity),
      ...(next === undefined ? {} : { watermark: String(next) }),
    };
  }

  #sweep(now: number): void {
    for (const conversation of this.#conversations.values()) {
      if (now - conversation.lastActive > this.limits.idleMs) this.#delete(conversation.id);
    }
  }

  #delete(id: string): void {
    const conversation = this.#conversations.get(id);
    if (!conversation) return;
    for (const token of conversation.tokens) this.#tokens.delete(token);
    this.#conversations.delete(id);
  }
}
