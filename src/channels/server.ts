/**
 * The HTTP server (restify). Built here, listened on in src/index.ts, so tests start it on port 0.
 * Every route takes JSON only (jsonBodyParser: no uploads, nothing written to disk), every error answer comes
 * from the catalogue (src/errors.ts), and bad requests get a 4xx before they reach the bot; nothing a client
 * sends gives a 500. In production a bad activity gets a generic 400: the reason goes to the log, since it is
 * answered before the request is authenticated.
 */
import { STATUS_CODES, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import { codeForStatus, ERRORS, errorBody, HttpError, protocolErrorBody, type ErrorCode } from '../errors.ts';
import type { Logger } from '../log.ts';
import { jsonBodyParser, sendError, type ErrorFormat } from './http.ts';
import { privacyPage } from './privacy.ts';
import { mountProbes, type ReadinessDeps } from './probes.ts';

export { MAX_BODY_BYTES } from './http.ts';

export interface ServerDeps {
  adapter: CloudAdapter;
  /** Runs one turn (tenant conversation or Teams staff side). */
  bot: { run(context: TurnContext): Promise<void> };
  log: Logger;
  /** Mounts local-mode pages (chat page, Direct Line shim) when given. */
  mountLocal?: (server: Server) => void;
  /** Mounts the public web chat (token routes and widget, src/channels/webchat/) when given. */
  mountWebchat?: (server: Server) => void;
  /** Days cases are kept (policy), for the privacy notice. */
  retentionDays?: number;
  /** Production: serviceUrls must be https Bot Framework hosts. */
  production?: boolean;
  /** Whether the app is ready to serve (store open, policy loaded). */
  ready: () => boolean;
  /** Node's HTTP timeouts (tests shorten them); default {@link HTTP_TIMEOUTS}. */
  timeouts?: Partial<HttpTimeouts>;
  /** `/livez`, `/readyz` and the drain on SIGTERM (src/channels/probes.ts), when given. */
  probes?: ReadinessDeps;
}

/** Node's HTTP timeouts, set explicitly rather than left to Node's defaults. */
export interface HttpTimeouts {
  /** Time a client has to send a request's headers (Node's `headersTimeout`, default 60 s). */
  headersMs: number;
  /** Time a client has to send a whole request, body included (`requestTimeout`, default 300 s). */
  requestMs: number;
  /** How long an idle keep-alive connection stays open (`keepAliveTimeout`, default 5 s). */
  keepAliveMs: number;
  /** How often Node enforces the first two (`connectionsCheckingInterval`, default 30 s). */
  checkIntervalMs: number;
}

/**
 * A channel sends an activity of at most 256 KB in one go: 10 s for the headers and 30 s for the whole
 * request are ample, and a slow client cannot hold a socket for minutes. Keep-alive lasts a little longer
 * than the 60 s idle timeout common to load balancers, so a proxy never reuses a connection the server has
 * just closed (a 502 at the proxy).
 */
export const HTTP_TIMEOUTS: HttpTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 65_000,
  checkIntervalMs: 1_000,
};

/**
 * Hosts the Bot Framework channels use for serviceUrl. In production a reply may only go to these, over https
 * (the token's serviceUrl claim is checked by botbuilder too; this is a second lock on the door). Every entry
 * is a domain only Microsoft can name hosts in: Teams' public cloud is `smba.trafficmanager.net` with a
 * regional path (`/emea/`, `/amer/`, `/apac/`, `/teams/` …), never another `*.trafficmanager.net` host,
 * which anyone with an Azure subscription can create.
 */
export const BOT_FRAMEWORK_HOSTS = [
  /\.botframework\.com$/,
  /\.botframework\.azure\.us$/,
  /^smba\.trafficmanager\.net$/,
  /\.teams\.microsoft\.com$/,
  /\.infra\.lync\.com$/,
];

/** Whether a serviceUrl is an https Bot Framework host (on the default port, without credentials). */
export function isBotFrameworkServiceUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.protocol === 'https:' &&
      u.port === '' &&
      u.username === '' &&
      u.password === '' &&
      BOT_FRAMEWORK_HOSTS.some((re) => re.test(u.hostname))
    );
  } catch {
    return false;
  }
}

/** Why an activity cannot be processed, or undefined when it can. */
export function activityProblem(body: unknown, options: { production?: boolean } = {}): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'the body must be a JSON activity object';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !a.type) return 'the activity has no type';
  const conversation = a.conversation as Record<string, unknown> | undefined;
  if (
    typeof conversation !== 'object' ||
    conversation === null ||
    typeof conversation.id !== 'string' ||
    !conversation.id
  )
    return 'the activity has no conversation id';
  if (typeof a.serviceUrl !== 'string' || !/^https?:\/\/[^\s/]+/.test(a.serviceUrl))
    return 'the activity has no valid serviceUrl';
  if (options.production && !isBotFrameworkServiceUrl(a.serviceUrl))
    return 'the serviceUrl is not an https Bot Framework host';
  if (typeof a.channelId !== 'string' || !a.channelId) return 'the activity has no channelId';
  if (a.text !== undefined && typeof a.text !== 'string') return 'the activity text must be a string';
  return undefined;
}

/**
 * Errors in the shape the route's protocol has: the Bot Framework REST routes (`/v3/…`, the local Direct
 * Line shim and Bot Connector) in theirs, every other route `{ error: code, message }`.
 */
const errorFormat: ErrorFormat = (req, code, message) =>
  (req.getPath?.() ?? '').startsWith('/v3/') ? protocolErrorBody(code, message) : errorBody(code, message);

/**
 * The response botbuilder's adapter writes to. It answers a failed authentication (401) and a failed turn
 * (500) with the error's own message; those answers come from the catalogue instead, and the reason goes to
 * the log. Everything else (200, invoke responses) passes through.
 */
function catalogueResponse(res: Response, log: Logger) {
  let status = 200;
  let answered = false;
  const refused = () => status === 401 || status >= 500;
  const refuse = (reason?: unknown) => {
    if (answered) return;
    answered = true;
    const code: ErrorCode = status === 401 ? 'Unauthorized' : 'Internal';
    log.info({ status, ...(status === 401 && typeof reason === 'string' ? { reason } : {}) }, 'activity refused');
    if (!res.headersSent) sendError(res, code);
  };
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
      res.status(code);
    },
    header: (name: string, value: unknown) => res.header(name, value),
    send(body?: unknown) {
      if (refused()) refuse(body);
      else res.send(body);
    },
    end() {
      if (refused()) refuse();
      else if (!answered) res.end();
    },
  };
}

/** Answers a request Node could not take, from the catalogue, and closes the connection. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (err.code === 'ECONNRESET' || !socket.writable || started) {
    socket.destroy();
    return;
  }
  const code: ErrorCode =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 'RequestTimeout'
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? 'HeadersTooLarge'
        : 'BadRequest';
  const { status } = ERRORS[code];
  const body = JSON.stringify(errorBody(code));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function buildServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'trygg', handleUncaughtExceptions: false });
  const timeouts = { ...HTTP_TIMEOUTS, ...deps.timeouts };
  const http = server.server as HttpServer;
  http.headersTimeout = timeouts.headersMs;
  http.requestTimeout = timeouts.requestMs;
  http.keepAliveTimeout = timeouts.keepAliveMs;
  // Read when the server starts listening; Node's 30 s default would let a slow client overstay by that much.
  (http as HttpServer & { connectionsCheckingInterval: number }).connectionsCheckingInterval = timeouts.checkIntervalMs;
  // What Node refuses itself (a request that is not HTTP, headers too large, a request too slow to arrive) is
  // answered from the catalogue too, instead of Node's bare status line.
  http.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => answerClientError(err, socket));
  // First of all: while draining, new work is refused before its body is read.
  if (deps.probes) mountProbes(server, deps.probes);

  server.use(restify.plugins.queryParser({ mapParams: false }));
  // The only body parser: JSON within 256 KB, for every route (restify's bodyParser would hand
  // multipart/form-data to formidable, which writes uploads to the temp folder whatever their size).
  server.use(jsonBodyParser({ format: errorFormat }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = activityProblem(req.body, { production: deps.production === true });
    if (problem) {
      // Before authentication: in production the sender learns only that it was refused.
      deps.log.info({ reason: problem }, 'activity refused');
      sendError(res, 'BadActivity', deps.production ? undefined : problem);
      return;
    }
    try {
      await deps.adapter.process(req, catalogueResponse(res, deps.log), (context) => deps.bot.run(context));
    } catch (err) {
      deps.log.error({ err }, 'processing an activity failed');
      if (!res.headersSent) sendError(res, 'Internal');
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    if (deps.ready()) res.send(200, { status: 'ok' });
    else res.send(503, { status: 'starting' });
  });

  // The privacy notice the greeting links to (in every mode: tenants must be able to read it).
  server.get('/privacy', async (req: Request, res: Response) => {
    const body = privacyPage(
      String((req.query as Record<string, unknown> | undefined)?.lang ?? 'sv'),
      deps.retentionDays ?? 90,
    );
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    res.end(body);
  });

  deps.mountLocal?.(server);
  deps.mountWebchat?.(server);

  // What restify raises itself (an unknown route, a wrong method, a handler that threw) is answered from the
  // catalogue too, without the error's own message, and logged briefly.
  server.on(
    'restifyError',
    (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      const code = err instanceof HttpError ? err.code : codeForStatus(err.statusCode);
      const status = ERRORS[code].status;
      const fields = { method: req.method, path: req.getPath?.(), status, error: code };
      if (status >= 500) deps.log.error({ ...fields, err }, 'request failed');
      else deps.log.info(fields, 'request refused');
      if (!res.headersSent)
        res.send(status, errorFormat(req, code, err instanceof HttpError ? err.message : ERRORS[code].message), {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
        });
      callback();
    },
  );
  return server;
}

/**
 * Stops accepting connections and resolves once every request in flight has been answered. A connection
 * becomes idle when its answer is done, and keep-alive would hold it open for {@link HttpTimeouts.keepAliveMs}:
 * idle connections are closed as they appear instead.
 */
export async function closeServer(server: Server): Promise<void> {
  const http = server.server as HttpServer;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => http.closeIdleConnections(), 50);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
  }
}
