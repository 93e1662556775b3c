/**
 * What a load balancer and an orchestrator ask, and what they are told while the instance shuts down:
 * - `GET /livez`: the process answers (nothing else is checked: a database outage must not get every
 *   instance restarted);
 * - `GET /readyz`: 200 when the app is listening, the store answers with the schema this code expects, and
 *   the instance is not draining; otherwise 503 with the reason (`NotReady`);
 * - while draining (SIGTERM), a request that would start new work (an activity, an incoming call) gets 503
 *   `Draining` with Retry-After before its body is read, so the channel delivers it to another instance;
 *   requests already running are counted, and `Drain.idle` resolves when the last one has answered.
 * `GET /healthz` stays where it was (src/channels/server.ts), as it was.
 */
import type { Next, Request, Response, Server } from 'restify';
import { ERRORS } from '../errors.ts';
import { sendError, sendJson } from './http.ts';

/** Paths whose requests start new work, refused while draining (method and path prefix). */
export const NEW_WORK: readonly { method: string; path: string }[] = [
  { method: 'POST', path: '/api/messages' },
  { method: 'POST', path: '/api/calls/incoming' },
  { method: 'OPTIONS', path: '/api/calls/incoming' },
];

/** Seconds a refused channel is asked to wait before it delivers again (to any instance). */
export const DRAIN_RETRY_AFTER_SECONDS = 2;

/** How long `/readyz` waits for the store before it counts as unreachable. */
export const READY_TIMEOUT_MS = 3_000;

const PROBES = new Set(['/livez', '/readyz', '/healthz']);

/** The instance's drain: a flag, and the requests in flight (probes not counted). */
export class Drain {
  #draining = false;
  #inFlight = 0;
  #waiters: (() => void)[] = [];

  /** Whether the instance is draining (SIGTERM came). */
  get draining(): boolean {
    return this.#draining;
  }

  /** Requests being handled now, probes not counted. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** From now on `/readyz` answers 503 and new work is refused. */
  start(): void {
    this.#draining = true;
  }

  /** Resolves true once no request is in flight, or false when `timeoutMs` passes first. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.#inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(
        () => {
          this.#waiters = this.#waiters.filter((w) => w !== done);
          resolve(false);
        },
        Math.max(0, timeoutMs),
      );
      this.#waiters.push(done);
    });
  }

  /** restify `pre` handler: counts requests, and refuses new work while draining. */
  readonly pre = (req: Request, res: Response, next: Next): void => {
    const path = req.getPath?.() ?? new URL(req.url ?? '/', 'http://local').pathname;
    if (PROBES.has(path)) return next();
    if (this.#draining && NEW_WORK.some((w) => w.method === req.method && path === w.path)) {
      // The body is never read: close the connection after the answer.
      sendError(res, 'Draining', undefined, {
        'Retry-After': String(DRAIN_RETRY_AFTER_SECONDS),
        Connection: 'close',
      });
      return next(false);
    }
    this.#inFlight++;
    res.once('close', () => {
      this.#inFlight--;
      if (this.#inFlight === 0) for (const w of this.#waiters.splice(0)) w();
    });
    next();
  };
}

/** What `/readyz` checks besides the drain. */
export interface ReadinessDeps {
  drain: Drain;
  /** Whether the app is listening with everything started. */
  started: () => boolean;
  /** Rejects when the store cannot be used (`Store.ping`). */
  ping: () => Promise<void>;
}

/** Why the instance is not ready, or undefined when it is. */
export async function notReadyBecause(deps: ReadinessDeps): Promise<string | undefined> {
  if (deps.drain.draining) return 'draining: the instance is shutting down';
  if (!deps.started()) return 'starting';
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`the store did not answer within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      deps.ping().then(
        () => undefined,
        // Store errors say what is wrong without personal data or the connection string.
        (err: unknown) => `store: ${err instanceof Error ? err.message : 'unavailable'}`,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Mounts `/livez` and `/readyz`, and the drain's `pre` handler (which must run before any route). */
export function mountProbes(server: Server, deps: ReadinessDeps): void {
  server.pre(deps.drain.pre);
  server.get('/livez', async (_req: Request, res: Response) => {
    sendJson(res, 200, { status: 'alive' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    const reason = await notReadyBecause(deps);
    if (reason === undefined) sendJson(res, 200, { status: 'ready' });
    else sendError(res, 'NotReady', `${ERRORS.NotReady.message}: ${reason}`);
  });
}
