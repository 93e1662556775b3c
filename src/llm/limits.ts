/**
 * Caps on model calls: per conversation (a tenant cannot run up the bill or probe the model at length) and
 * per hour across all conversations (a flood or a loop cannot either). A call over a cap is not made: the
 * caller gets the rules' decision or the original text, as on any failure. Emergencies never wait for a
 * cap: the emergency reply is sent before any model call.
 *
 * In memory: the counts start again when the process restarts, which only ever allows more calls.
 */
import type { FailureReason } from './types.ts';

/** Options for {@link createCallLimits}. */
export interface CallLimitOptions {
  /** Model calls one conversation may make (default 10). */
  perConversation?: number;
  /** Model calls in any sliding hour, all conversations together (default 500). */
  perHour?: number;
  /** The clock, in ms since the epoch (tests pass their own). */
  now?: () => number;
  /** A conversation silent this long is forgotten (default 24 hours). */
  conversationTtlMs?: number;
}

/** The verdict for one call: go, or which cap stopped it. */
export type LimitVerdict =
  { ok: true } | { ok: false; reason: Extract<FailureReason, 'cap_conversation' | 'cap_hour'> };

/** Counts calls and refuses those over a cap. */
export interface CallLimits {
  /** Takes one call for `conversationId` if both caps allow it (and counts it). */
  take(conversationId: string): LimitVerdict;
  /** Calls left for a conversation and in the current hour (for diagnostics). */
  remaining(conversationId: string): { conversation: number; hour: number };
}

const HOUR_MS = 3_600_000;
/** Forget idle conversations when the map grows past this. */
const PRUNE_AT = 10_000;

/** In-memory caps with an injected clock. */
export function createCallLimits(options: CallLimitOptions = {}): CallLimits {
  const perConversation = options.perConversation ?? 10;
  const perHour = options.perHour ?? 500;
  const now = options.now ?? Date.now;
  const ttl = options.conversationTtlMs ?? 24 * HOUR_MS;
  const conversations = new Map<string, { count: number; lastAt: number }>();
  // Times of the calls in the last hour, oldest first.
  const recent: number[] = [];

  const expire = (t: number): void => {
    while (recent.length > 0 && recent[0]! <= t - HOUR_MS) recent.shift();
    if (conversations.size > PRUNE_AT) {
      for (const [id, c] of conversations) if (c.lastAt <= t - ttl) conversations.delete(id);
    }
  };

  return {
    take(conversationId) {
      const t = now();
      expire(t);
      const c = conversations.get(conversationId);
      if (c && c.lastAt <= t - ttl) conversations.delete(conversationId);
      const count = conversations.get(conversationId)?.count ?? 0;
      if (count >= perConversation) return { ok: false, reason: 'cap_conversation' };
      if (recent.length >= perHour) return { ok: false, reason: 'cap_hour' };
      conversations.set(conversationId, { count: count + 1, lastAt: t });
      recent.push(t);
      return { ok: true };
    },
    remaining(conversationId) {
      const t = now();
      expire(t);
      const c = conversations.get(conversationId);
      const used = c && c.lastAt > t - ttl ? c.count : 0;
      return { conversation: Math.max(0, perConversation - used), hour: Math.max(0, perHour - recent.length) };
    },
  };
}
