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
import { withDeadline } from '../deadline.ts';
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

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> =>
  withDeadline(work, ms, () => new SendTimeoutError(ms));

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

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** How many connector clients are kept (one per app id, serviceUrl and audience; a real bot sees a handful). */
export const CONNECTOR_CACHE_SIZE = 64;

/**
 * botbuilder's authentication, with its clients built once instead of on every turn. `CloudAdapter` asks for
 * a new `ConnectorClient` (and a `UserTokenClient`, which Trygg never uses) on every activity, and each one
 * builds a whole HTTP pipeline: in the benchmark that was an eighth of a plain echo bot's CPU. The clients
 * hold no per-turn state (the credentials fetch and cache their own tokens), so they are kept per app id,
 * serviceUrl and audience, as botbuilder's C# adapter keeps them, up to `CONNECTOR_CACHE_SIZE` (least
 * recently used dropped first, so a stream of strange serviceUrls cannot grow it).
 */
export class CachingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  readonly #clients = new Map<string, Promise<ConnectorClient>>();
  readonly #tokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ) {
    const result = await super.authenticateRequest(...args);
    return result.connectorFactory
      ? { ...result, connectorFactory: this.#caching(result.connectorFactory, result.claimsIdentity) }
      : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.#caching(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remember(this.#tokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  /** Clients built so far and kept (tests). */
  get cachedClients(): number {
    return this.#clients.size;
  }

  #caching(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        remember(this.#clients, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
          factory.create(serviceUrl, audience),
        ),
    };
  }
}

/** The bot's app id a request was for, as botbuilder reads it (audience claim, else appid claim). */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
}

/** A promise per key, least recently used dropped beyond the cache size; a failed build is not kept. */
function remember<T>(cache: Map<string, Promise<T>>, key: string, build: () => Promise<T>): Promise<T> {
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key);
  } else {
    entry = build();
    entry.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
  }
  cache.set(key, entry);
  if (cache.size > CONNECTOR_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return entry;
}

/** Builds the adapter. Without an app id: local mode, requests and replies are not authenticated. */
export function createAdapter(config: Config, log: Logger): CloudAdapter {
  const settings = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType ?? (config.bot.appId ? 'SingleTenant' : 'MultiTenant'),
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  };
  const auth = new CachingBotFrameworkAuthentication(
    settings,
    new ConfigurationServiceClientCredentialFactory(settings),
  );
  const adapter = new CloudAdapter(auth);
  adapter.use(sendTimeoutMiddleware());
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error(
      { err: error, channelId: context.activity.channelId, activityType: context.activity.type },
      'turn failed',
    );
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
