/**
 * `POST /api/webchat/token` and `POST /api/webchat/token/refresh`: the only way a browser gets a Direct Line
 * token. Checked in this order, each refusal before any call to Direct Line:
 * 1. the page's `Origin` is allowed (403 otherwise, and no CORS headers, so the browser hides even the refusal);
 * 2. the client address is within its tokens per minute (429 with `Retry-After`);
 * 3. Direct Line answers within its deadline (503 otherwise).
 */
import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../log.ts';
import { sendError, sendJson } from '../http.ts';
import { allowedOrigin, clientAddress, type OriginPolicy } from './client.ts';
import { DirectLineError, type DirectLineGrant, type TokenSource } from './direct-line.ts';

/** What a rate limit decided for one request. */
export interface LimitVerdict {
  ok: boolean;
  /** Seconds until the window ends (for `Retry-After`). */
  retryAfterSeconds: number;
  /** The first refusal of this key in its window: the one worth a log line. */
  firstRefusal: boolean;
}

/** Dependencies of {@link mountTokenRoutes}. */
export interface TokenRoutesDeps {
  tokens: TokenSource;
  origins: OriginPolicy;
  /** Counts one token for a client key (`webchat.token:<address>`). */
  limit: (key: string) => Promise<LimitVerdict>;
  /** Reverse proxies in front of the server (`TRUSTED_PROXY_HOPS`). */
  proxyHops: number;
  /** Where the widget's Direct Line client connects, for this request (the local shim answers on its own host). */
  directLine: (req: Request) => { domain: string; webSocket: boolean };
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export const TOKEN_PATH = '/api/webchat/token';
export const REFRESH_PATH = '/api/webchat/token/refresh';

/** A new web-chat user id: `dl_` (Direct Line's enhanced authentication needs it) and 128 random bits. */
export function newUserId(): string {
  return `dl_${randomBytes(16).toString('hex')}`;
}

/** Mounts the two token routes and their CORS preflights. */
export function mountTokenRoutes(server: Server, deps: TokenRoutesDeps): void {
  /** The allowed origin with its CORS headers set, or undefined after answering 403. */
  function admit(req: Request, res: Response): string | undefined {
    // Every answer depends on the Origin: no cache may give one page's answer to another.
    res.setHeader('Vary', 'Origin');
    const origin = allowedOrigin(req, deps.origins);
    if (!origin) {
      deps.log.info(
        { route: req.getPath(), origin: String(req.headers.origin ?? '').slice(0, 100) },
        'web chat: origin refused',
      );
      sendError(res, 'OriginNotAllowed');
      return undefined;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    return origin;
  }

  /** Whether the client is within its limit; answers 429 otherwise. */
  async function withinLimit(req: Request, res: Response, kind: 'token' | 'refresh'): Promise<boolean> {
    const verdict = await deps.limit(`webchat.${kind}:${clientAddress(req, deps.proxyHops)}`);
    if (verdict.ok) return true;
    if (verdict.firstRefusal)
      deps.log.warn({ route: req.getPath() }, 'web chat: a client address reached its token limit');
    const wait = String(verdict.retryAfterSeconds);
    sendError(res, 'TooManyRequests', `too many chats from this address; try again in ${wait} s`, {
      'Retry-After': wait,
    });
    return false;
  }

  /** Answers a Direct Line failure: 403 for a refused token (start over), 503 for everything else. */
  function failed(req: Request, res: Response, error: unknown): void {
    const failure = error instanceof DirectLineError ? error.failure : 'failed';
    if (failure === 'token-refused') return sendError(res, 'TokenExpired');
    // A refused secret needs the operator; the rest is usually Direct Line's or the network's passing trouble.
    const level = failure === 'secret-refused' ? 'error' : 'warn';
    const message = error instanceof Error ? error.message : 'unknown failure';
    deps.log[level]({ route: req.getPath(), failure, status: (error as DirectLineError).status }, message);
    sendError(res, 'DirectLineUnavailable', undefined, { 'Retry-After': '10' });
  }

  /** The grant as the widget needs it; `sendJson` adds `Cache-Control: no-store` (a token must not be cached). */
  function grantAnswer(req: Request, grant: DirectLineGrant, userId?: string) {
    return { ...grant, ...(userId ? { userId } : {}), ...deps.directLine(req) };
  }

  server.opts(TOKEN_PATH, preflight);
  server.opts(REFRESH_PATH, preflight);
  async function preflight(req: Request, res: Response): Promise<void> {
    if (!admit(req, res)) return;
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Max-Age': '600',
    });
    res.end();
  }

  server.post(TOKEN_PATH, async (req: Request, res: Response) => {
    const origin = admit(req, res);
    if (!origin || !(await withinLimit(req, res, 'token'))) return;
    const userId = newUserId();
    try {
      sendJson(res, 200, grantAnswer(req, await deps.tokens.generate({ userId, origin }), userId));
    } catch (error) {
      failed(req, res, error);
    }
  });

  server.post(REFRESH_PATH, async (req: Request, res: Response) => {
    if (!admit(req, res)) return;
    const match = /^Bearer ([\w.~+/=-]{1,4096})$/.exec(String(req.headers.authorization ?? ''));
    if (!match) return sendError(res, 'NoToken');
    if (!(await withinLimit(req, res, 'refresh'))) return;
    try {
      sendJson(res, 200, grantAnswer(req, await deps.tokens.refresh(match[1]!)));
    } catch (error) {
      failed(req, res, error);
    }
  });
}
