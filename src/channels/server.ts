/**
 * The HTTP server (restify). Built here, listened on in src/index.ts, so tests start it on port 0.
 * Bad requests get a 4xx with a short reason before they reach the bot; nothing a client sends gives a 500.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log.ts';
import { privacyPage } from './privacy.ts';

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
}

/** Largest request body accepted (activities are small; attachments arrive as links). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Hosts the Bot Framework channels use for serviceUrl. In production a reply may only go to these, over https
 * (the token's serviceUrl claim is checked by botbuilder too; this is a second lock on the door).
 */
export const BOT_FRAMEWORK_HOSTS = [
  /\.botframework\.com$/,
  /\.botframework\.azure\.us$/,
  /^smba\.trafficmanager\.net$/,
  /\.trafficmanager\.net$/,
  /\.teams\.microsoft\.com$/,
  /\.infra\.lync\.com$/,
];

/** Whether a serviceUrl is an https Bot Framework host. */
export function isBotFrameworkServiceUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && BOT_FRAMEWORK_HOSTS.some((re) => re.test(u.hostname));
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

export function buildServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'trygg', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = activityProblem(req.body, { production: deps.production === true });
    if (problem) {
      res.send(400, { error: 'BadActivity', message: problem });
      return;
    }
    try {
      await deps.adapter.process(req, res, (context) => deps.bot.run(context));
    } catch (err) {
      deps.log.error({ err }, 'processing an activity failed');
      if (!res.headersSent) res.send(500, { error: 'Internal', message: 'the activity could not be processed' });
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

  // Errors restify raises itself (bad JSON, body too large, unknown route) keep their 4xx and are logged briefly.
  server.on(
    'restifyError',
    (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      deps.log.info(
        { method: req.method, path: req.getPath?.(), status: err.statusCode, error: err.name },
        'request refused',
      );
      callback();
    },
  );
  return server;
}
