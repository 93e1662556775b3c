/**
 * botbuilder's CloudAdapter with Trygg's credentials and turn-error handling. The only place that knows
 * how Bot Framework authentication is configured; a move to the Microsoft 365 Agents SDK starts here.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';

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
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error, channelId: context.activity.channelId, activityType: context.activity.type }, 'turn failed');
    // Tell the tenant something went wrong and how to get help; if even that fails, the request still ends well.
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
