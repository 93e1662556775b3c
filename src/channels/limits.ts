/**
 * Abuse limits, applied after authentication as adapter middleware:
 * - per conversation and per phone number, a cap on incoming messages per window; over it the tenant is told
 *   once to slow down, and further messages are dropped, except that danger always gets through;
 * - outbound SMS: a cap per number per day (SMS-pumping fraud); only numbers that wrote to us are ever answered,
 *   since replies and proactive messages go only to stored conversations.
 */
import type { Middleware, TurnContext } from 'botbuilder';
import { translator } from '../i18n.ts';
import type { Logger } from '../log.ts';
import { triage } from '../routing/triage/index.ts';
import { localeLanguage } from '../../dialogs/conversation.ts';

/** A counter per key over a fixed window, bounded in memory. */
export class WindowCounter {
  private readonly counts = new Map<string, { start: number; n: number; warned: boolean }>();
  private readonly windowMs: number;
  private readonly maxKeys: number;
  constructor(windowMs: number, maxKeys = 100_000) {
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
  }

  /** Counts one event for `key`; returns the count in the current window and whether it was already warned. */
  hit(key: string, now: number): { n: number; entry: { warned: boolean } } {
    let e = this.counts.get(key);
    if (!e || now - e.start >= this.windowMs) {
      if (this.counts.size >= this.maxKeys) this.sweep(now);
      e = { start: now, n: 0, warned: false };
      this.counts.set(key, e);
    }
    e.n++;
    return { n: e.n, entry: e };
  }

  private sweep(now: number): void {
    for (const [k, e] of this.counts) if (now - e.start >= this.windowMs) this.counts.delete(k);
    // Still full: drop the oldest half rather than grow without bound.
    if (this.counts.size >= this.maxKeys)
      [...this.counts.keys()].slice(0, this.maxKeys / 2).forEach((k) => this.counts.delete(k));
  }
}

export interface LimitOptions {
  log: Logger;
  now?: () => number;
  perConversation?: { max: number; windowMs: number };
  perPhone?: { max: number; windowMs: number };
  smsPerNumberPerDay?: number;
}

const phoneOf = (ctx: TurnContext) =>
  ctx.activity.channelId === 'sms' || ctx.activity.channelId === 'telephony' ? ctx.activity.from?.id : undefined;

export function limitsMiddleware(options: LimitOptions): Middleware {
  const now = options.now ?? Date.now;
  const conv = options.perConversation ?? { max: 30, windowMs: 60_000 };
  const phone = options.perPhone ?? { max: 120, windowMs: 3_600_000 };
  const smsCap = options.smsPerNumberPerDay ?? 60;
  const byConversation = new WindowCounter(conv.windowMs);
  const byPhone = new WindowCounter(phone.windowMs);
  const smsOut = new WindowCounter(86_400_000);

  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      const a = ctx.activity;
      if (a.channelId === 'sms') {
        ctx.onSendActivities(async (_c, activities, nextSend) => {
          const to = a.from?.id ?? a.conversation?.id ?? '';
          const allowed = activities.filter((out) => {
            if (out.type !== 'message') return true;
            const n = smsOut.hit(to, now()).n;
            // The 112 reply is never held back.
            return /\b112\b/.test(out.text ?? '') || n <= smsCap;
          });
          if (allowed.length < activities.length)
            options.log.warn({ dropped: activities.length - allowed.length }, 'outbound SMS cap reached for a number');
          // The handler must pass on the same array: filter it in place.
          activities.splice(0, activities.length, ...allowed);
          return activities.length ? nextSend() : [];
        });
      }
      if (a.type !== 'message') return next();
      const c = byConversation.hit(`${a.channelId}|${a.conversation?.id}`, now());
      const p = phoneOf(ctx) ? byPhone.hit(phoneOf(ctx)!, now()) : undefined;
      const over = c.n > conv.max || (p !== undefined && p.n > phone.max);
      if (!over) return next();
      // Danger always gets through, however many messages came before.
      const text = (a.text ?? '').slice(0, 2000);
      if (text && triage(text).category === 'acute_danger') return next();
      const entry = c.n > conv.max ? c.entry : p!.entry;
      options.log.warn({ channelId: a.channelId }, 'message rate limit reached');
      if (!entry.warned) {
        entry.warned = true;
        await ctx.sendActivity({
          type: 'message',
          text: translator(localeLanguage(a.locale) ?? 'sv', 'bot')('limits.slowDown'),
          textFormat: 'plain',
        });
      }
    },
  };
}
