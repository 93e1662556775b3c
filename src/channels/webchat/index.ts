/**
 * The public web chat on the landlord's website: the token routes (Direct Line's secret stays here) and the
 * embeddable widget. In production the tokens come from Azure's Direct Line; in local mode from the local
 * Direct Line shim, through the same routes and the same widget code. See README.md beside this file.
 */
import type { Request, Server } from 'restify';
import type { WebchatConfig } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Limit, QuotaVerdict } from '../../store/quotas.ts';
import { mountWidgetAssets } from './assets.ts';
import { directLineTokens } from './direct-line.ts';
import { mountTokenRoutes, type LimitVerdict } from './tokens.ts';

export { DIRECT_LINE_TIMEOUT_MS, DirectLineError, directLineTokens, type TokenSource } from './direct-line.ts';
export { widgetCsp, type WidgetCspOptions } from './csp.ts';
export { bundlePath, installedWebChat } from './assets.ts';
export { TOKEN_PATH, REFRESH_PATH } from './tokens.ts';

/** Options of {@link mountWebchat}. */
export interface WebchatOptions {
  config: WebchatConfig;
  /**
   * Local mode: tokens from the local shim at this server's own address (a function: it is known only once the
   * server listens), any loopback origin allowed, and the demo page at `/webchat/demo`.
   */
  localBase?: () => string;
  /** The shared counters behind every limit (`src/store/quotas.ts`). */
  quotas: { take(key: string, limit: Limit): Promise<QuotaVerdict> };
  log: Logger;
  /** The clock, epoch ms (the same as the quotas'); default `Date.now`. */
  now?: () => number;
  /** Deadline of a call to Direct Line (tests shorten it); default 5 s. */
  timeoutMs?: number;
}

const MINUTE_MS = 60_000;
const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]):\d{1,5}$/;

/** Mounts the token routes and the widget's files. */
export function mountWebchat(server: Server, options: WebchatOptions): void {
  const { config, localBase, quotas } = options;
  const now = options.now ?? Date.now;
  const log = options.log.child({ module: 'webchat' });
  const tokens = directLineTokens({
    endpoint: localBase ? () => `${localBase()}/v3/directline` : config.directLineEndpoint,
    secret: localBase ? undefined : config.directLineSecret,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  const perMinute: Limit = { max: config.tokensPerMinute, windowMs: MINUTE_MS };
  mountTokenRoutes(server, {
    tokens,
    origins: { allowed: config.allowedOrigins, loopback: Boolean(localBase) },
    proxyHops: config.trustedProxyHops,
    log,
    async limit(key): Promise<LimitVerdict> {
      const verdict = await quotas.take(key, perMinute);
      const retryAfterSeconds = Math.max(1, Math.ceil((MINUTE_MS - (now() % MINUTE_MS)) / 1000));
      return { ...verdict, retryAfterSeconds };
    },
    directLine: localBase
      ? (req: Request) => ({ domain: `${localOrigin(req, localBase)}/v3/directline`, webSocket: false })
      : () => ({ domain: config.directLineEndpoint, webSocket: true }),
  });
  mountWidgetAssets(server, { demo: Boolean(localBase) });
}

/**
 * The shim as the browser reaches it: the host it asked for the token on (localhost and 127.0.0.1 are different
 * origins to a browser), if that is a loopback host; else this server's own address.
 */
function localOrigin(req: Request, localBase: () => string): string {
  const host = req.headers.host ?? '';
  return LOOPBACK_HOST.test(host) ? `http://${host}` : localBase();
}
