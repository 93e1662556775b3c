/**
 * Abuse limits, applied after authentication as adapter middleware, counted in the store's shared counters
 * (`Quotas`, src/store/quotas.ts), so that they hold across all instances together:
 * - per conversation and per phone number, a cap on incoming messages per window; over it the tenant is told
 *   once to slow down (once across instances), and further messages are dropped, except that danger always
 *   gets through;
 * - outbound SMS: a cap per number per day (SMS-pumping fraud). The first emergency reply of a turn (the 112
 *   reply, known by the reply's `emergency` flag, never by its text) is always sent, and counted; every
 *   other text to the number counts and is held back past the cap. Only numbers that wrote to us are ever
 *   answered, since replies and proactive messages go only to stored conversations.
 */
import type { Middleware, TurnContext } from 'botbuilder';
import { replyOf, type Reply } from '../../dialogs/reply.ts';
import { translator } from '../i18n.ts';
import type { Logger } from '../log.ts';
import { triage } from '../routing/triage/index.ts';
import { memoryCounters } from '../store/counting.ts';
import { Quotas } from '../store/quotas.ts';
import { localeLanguage } from '../../dialogs/conversation.ts';

const DAY_MS = 86_400_000;

export interface LimitOptions {
  log: Logger;
  /** The shared limits (the app passes one on the store's counters); without it, counted in this process. */
  quotas?: Quotas;
  /** The clock for a process-local `Quotas`, epoch ms. */
  now?: () => number;
  perConversation?: { max: number; windowMs: number };
  perPhone?: { max: number; windowMs: number };
  smsPerNumberPerDay?: number;
}

const phoneOf = (ctx: TurnContext) =>
  ctx.activity.channelId === 'sms' || ctx.activity.channelId === 'telephony' ? ctx.activity.from?.id : undefined;

export function limitsMiddleware(options: LimitOptions): Middleware {
  const now = options.now ?? Date.now;
  const quotas = options.quotas ?? new Quotas(memoryCounters(now), { now, log: options.log });
  const conv = options.perConversation ?? { max: 30, windowMs: 60_000 };
  const phone = options.perPhone ?? { max: 120, windowMs: 3_600_000 };
  const sms = { max: options.smsPerNumberPerDay ?? 60, windowMs: DAY_MS };

  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      const a = ctx.activity;
      if (a.channelId === 'sms') {
        // The one reply of this turn that is always sent: the first one flagged as the emergency reply.
        let exempt: Reply | undefined;
        ctx.onSendActivities(async (_c, activities, nextSend) => {
          const to = a.from?.id ?? a.conversation?.id ?? '';
          const allowed = [];
          for (const out of activities) {
            if (out.type !== 'message') {
              allowed.push(out);
              continue;
            }
            const reply = replyOf(out);
            if (reply?.emergency && !exempt) exempt = reply;
            const verdict = await quotas.take(`sms.out:${to}`, sms);
            if (verdict.ok || (exempt && reply === exempt)) allowed.push(out);
          }
          if (allowed.length < activities.length)
            options.log.warn(
              { code: 'SMS_CAP', dropped: activities.length - allowed.length },
              'outbound SMS cap reached for a number',
            );
          // The handler must pass on the same array: filter it in place.
          activities.splice(0, activities.length, ...allowed);
          return activities.length ? nextSend() : [];
        });
      }
      if (a.type !== 'message') return next();
      const c = await quotas.take(`msg.conv:${a.channelId}|${a.conversation?.id}`, conv);
      const number = phoneOf(ctx);
      const p = number ? await quotas.take(`msg.phone:${number}`, phone) : undefined;
      if (c.ok && (p?.ok ?? true)) return next();
      // Danger always gets through, however many messages came before.
      const text = (a.text ?? '').slice(0, 2000);
      if (text && triage(text).category === 'acute_danger') return next();
      options.log.warn({ code: 'MESSAGE_RATE_LIMIT', channelId: a.channelId }, 'message rate limit reached');
      if (c.firstRefusal || p?.firstRefusal) {
        await ctx.sendActivity({
          type: 'message',
          text: translator(localeLanguage(a.locale) ?? 'sv', 'bot')('limits.slowDown'),
          textFormat: 'plain',
        });
      }
    },
  };
}
