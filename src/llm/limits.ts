/**
 * Caps on model calls, counted in the store's shared counters (`Quotas`), so they hold across all instances
 * together (the guarantee is in src/store/quotas.ts and the README):
 * - per conversation per day: a tenant cannot run up the bill or probe the model at length;
 * - per sender per hour: the fair share of one phone number (or one web-chat user), far below the hourly
 *   cap, so that one flooding sender is stopped long before it can spend everyone's budget;
 * - per hour across all conversations: a flood from many senders, or a loop, cannot either.
 * The caps are checked in that order, and a call refused by a sender's own cap does not count against the
 * shared hourly budget. A call over a cap is not made: the caller gets the rules' decision or the original
 * text, as on any failure. Emergencies never wait for a cap: the emergency reply is sent before any model
 * call. Windows are fixed (the clock's day and hour), not sliding.
 */
import { memoryCounters } from '../store/counting.ts';
import { Quotas } from '../store/quotas.ts';
import type { FailureReason } from './types.ts';

/** Options for {@link createCallLimits}. */
export interface CallLimitOptions {
  /** Model calls one conversation may make per day (default 10). */
  perConversation?: number;
  /** Model calls one sender (phone number, or web-chat user) may make per hour (default 25, 5% of `perHour`). */
  perSenderPerHour?: number;
  /** Model calls per clock hour, all conversations together (default 500). */
  perHour?: number;
  /** The shared limits (the app passes one on the store's counters); otherwise counted in this process. */
  quotas?: Quotas;
  /** The clock for a process-local count, in ms since the epoch (tests pass their own). */
  now?: () => number;
}

/** The verdict for one call: go, or which cap stopped it. */
export type LimitVerdict =
  { ok: true } | { ok: false; reason: Extract<FailureReason, 'cap_conversation' | 'cap_sender' | 'cap_hour'> };

/** Who a call is for. Neither id is sent to the provider. */
export interface CallFor {
  conversationId: string;
  /** The sender (a phone number, a web-chat user); the conversation when not given. */
  sender?: string;
}

/** Counts calls and refuses those over a cap. */
export interface CallLimits {
  /** Takes one call if every cap allows it (and counts it). */
  take(call: CallFor): Promise<LimitVerdict>;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The caps over `options.quotas` (or a process-local count). */
export function createCallLimits(options: CallLimitOptions = {}): CallLimits {
  const perHour = options.perHour ?? 500;
  const conversation = { max: options.perConversation ?? 10, windowMs: DAY_MS };
  const sender = { max: options.perSenderPerHour ?? Math.max(1, Math.floor(perHour / 20)), windowMs: HOUR_MS };
  const quotas = options.quotas ?? new Quotas(memoryCounters(options.now), options.now ? { now: options.now } : {});
  return {
    async take({ conversationId, sender: who }) {
      if (!(await quotas.take(`model.conv:${conversationId}`, conversation)).ok)
        return { ok: false, reason: 'cap_conversation' };
      if (who && who !== conversationId && !(await quotas.take(`model.sender:${who}`, sender)).ok)
        return { ok: false, reason: 'cap_sender' };
      if (!(await quotas.take('model.hour', { max: perHour, windowMs: HOUR_MS })).ok)
        return { ok: false, reason: 'cap_hour' };
      return { ok: true };
    },
  };
}
