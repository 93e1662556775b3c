/**
 * Direct Line's token service, seen from the server: `tokens/generate` exchanges the secret for a token bound to
 * one conversation and one `dl_` user, `tokens/refresh` renews a token before it expires. The same code talks to
 * Azure's Direct Line and, in local mode, to the local shim (which ignores the secret it does not need).
 *
 * The secret goes into one header and nowhere else: no error message, no log field and no answer carries it, and
 * what Direct Line answers on a failure is never passed on.
 */

/** Direct Line gets 5 s; the widget's visitor is waiting, and a 503 lets them retry (or call 112). */
export const DIRECT_LINE_TIMEOUT_MS = 5_000;

/** A token for one conversation, as the widget needs it. */
export interface DirectLineGrant {
  token: string;
  conversationId: string;
  /** Seconds until the token expires (Direct Line: 3,600). */
  expiresIn: number;
}

/** Why Direct Line gave no token. */
export type DirectLineFailure =
  /** It refused the secret (401/403 on generate): DIRECT_LINE_SECRET or DIRECT_LINE_ENDPOINT is wrong. */
  | 'secret-refused'
  /** It refused the token being refreshed (401/403 on refresh): expired, or not a token of this bot. */
  | 'token-refused'
  /** No answer within the deadline. */
  | 'timeout'
  /** No connection (DNS, TCP, TLS). */
  | 'unreachable'
  /** Any other status (429, 5xx …), or a 200 without a token. */
  | 'failed';

/** Direct Line gave no token; the message says what failed and where, never with the secret or a token. */
export class DirectLineError extends Error {
  readonly failure: DirectLineFailure;
  /** Direct Line's HTTP status, when it answered. */
  readonly status: number | undefined;

  constructor(failure: DirectLineFailure, message: string, status?: number) {
    super(message);
    this.name = 'DirectLineError';
    this.failure = failure;
    this.status = status;
  }
}

/** Where tokens come from: Azure's Direct Line, or the local shim. */
export interface TokenSource {
  /** A new conversation's token for `userId`, usable only from `origin` (Direct Line's `trustedOrigins`). */
  generate(request: { userId: string; origin: string }): Promise<DirectLineGrant>;
  /** A fresh token for the conversation of `token`. */
  refresh(token: string): Promise<DirectLineGrant>;
}

/** Options of {@link directLineTokens}. */
export interface DirectLineTokensOptions {
  /** Direct Line's base URL (`…/v3/directline`); a function when it is known only later (the local shim's port). */
  endpoint: string | (() => string);
  /** `DIRECT_LINE_SECRET`; undefined for the local shim. */
  secret: string | undefined;
  /** Deadline of each call; default {@link DIRECT_LINE_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/** Tokens from Direct Line's REST API at `endpoint`. */
export function directLineTokens(options: DirectLineTokensOptions): TokenSource {
  const timeoutMs = options.timeoutMs ?? DIRECT_LINE_TIMEOUT_MS;
  const base = () => (typeof options.endpoint === 'string' ? options.endpoint : options.endpoint()).replace(/\/+$/, '');

  async function call(path: string, bearer: string | undefined, body: unknown, refused: DirectLineFailure) {
    const where = `${base()}${path}`;
    let response: Response;
    try {
      response = await fetch(where, {
        method: 'POST',
        headers: {
          ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // The cause is left out on purpose: it is the place a client library could one day put request headers.
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw timedOut
        ? new DirectLineError('timeout', `Direct Line at ${where} did not answer within ${timeoutMs} ms`)
        : new DirectLineError('unreachable', `cannot reach Direct Line at ${where}`);
    }
    // Read the body either way to free the connection; on a failure it is dropped unread by anyone.
    const text = await response.text().catch(() => '');
    if (response.status === 401 || response.status === 403) {
      throw new DirectLineError(
        refused,
        refused === 'secret-refused'
          ? `Direct Line at ${where} refused the secret (HTTP ${response.status}): check DIRECT_LINE_SECRET, and ` +
              'that DIRECT_LINE_ENDPOINT is the region of the bot (a European bot answers only at europe.…)'
          : `Direct Line at ${where} refused the token (HTTP ${response.status}): expired or not this bot's`,
        response.status,
      );
    }
    if (!response.ok) throw new DirectLineError('failed', `Direct Line at ${where} answered HTTP ${response.status}`);
    return grantOf(text, where);
  }

  return {
    generate: ({ userId, origin }) =>
      call('/tokens/generate', options.secret, { user: { id: userId }, trustedOrigins: [origin] }, 'secret-refused'),
    refresh: (token) => call('/tokens/refresh', token, undefined, 'token-refused'),
  };
}

/** The grant in Direct Line's answer `{ conversationId, token, expires_in }`. */
function grantOf(text: string, where: string): DirectLineGrant {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const { token, conversationId, expires_in: expiresIn } = (body ?? {}) as Record<string, unknown>;
  if (typeof token !== 'string' || !token || typeof conversationId !== 'string' || !conversationId)
    throw new DirectLineError('failed', `Direct Line at ${where} answered without a token or conversation id`);
  return {
    token,
    conversationId,
    expiresIn: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 3_600,
  };
}
