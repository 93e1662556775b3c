/**
 * botbuilder's CloudAdapter with Trygg's credentials and turn-error handling. The only place that knows
 * how Bot Framework authentication is configured; a move to the Microsoft 365 Agents SDK starts here.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';

/** Every call to a channel's connector gives up after this, so a turn answers within the channel's ~15 s. */
export const OUTBOUND_TIMEOUT_MS = 5_000;

/** A send to the channel's connector that did not finish in time (the connector hangs). */
export class SendTimeoutError extends Error {
  constructor(ms: number) {
    super(`the channel connector did not answer within ${ms} ms`);
    this.name = 'SendTimeoutError';
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeoutError(ms)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The SDK's connector client sets no timeout: a serviceUrl that never answers would hold the turn until the
 * channel gives up and redelivers. Every send, update and delete gets a deadline instead (in turns and in
 * proactive messages alike, since both run the middleware).
 */
export function sendTimeoutMiddleware(ms = OUTBOUND_TIMEOUT_MS): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      context.onSendActivities((_ctx, _activities, send) => withTimeout(send(), ms));
      context.onUpdateActivity((_ctx, _activity, update) => withTimeout(update(), ms));
      context.onDeleteActivity((_ctx, _reference, remove) => withTimeout(remove(), ms));
      await next();
    },
  };
}

/** Builds the adapter. Without an app id: local mode, requests and replies are not authenticated. */
export function createAdapter(config: Config, log: Logger): CloudAdapter {
  const settings = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType ?? (config.bot.appId ? 'SingleTenant' : 'MultiTenant'),
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  };
  const auth = new ConfigurationBotFrameworkAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));
  const adapter = new CloudAdapter(auth);
  adapter.use(sendTimeoutMiddleware());
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error, channelId: context.activity.channelId, activityType: context.activity.type }, 'turn failed');
    // Tell the tenant something went wrong and how to get help; if even that fails, the request still ends well.
    // A hanging connector will not take an apology either.
    if (error instanceof SendTimeoutError) return;
    try {
      if (context.activity.type === 'message') {
        const { translator } = await import('../i18n.ts');
        const { localeLanguage } = await import('../../dialogs/conversation.ts');
        const t = translator(localeLanguage(context.activity.locale) ?? 'sv', 'bot');
        await context.sendActivity({ type: 'message', text: t('error.turn'), textFormat: 'plain' });
      }
    } catch (sendError) {
      log.error({ err: sendError }, 'could not tell the tenant about the failed turn');
    }
  };
  return adapter;
}
