/**
 * The graceful shutdown on SIGTERM, within a grace period (`SHUTDOWN_GRACE_SECONDS`, default 20 s):
 * 1. `/readyz` turns 503 at once, and new activities and incoming calls get 503 with Retry-After (the Bot
 *    Connector and Event Grid deliver them to another instance); no scheduled job starts any more;
 * 2. the requests already running finish: the turns in flight, and the replies they send;
 * 3. the server closes; the outbox worker stops after the delivery in flight; the job runs in flight end;
 * 4. what could not finish in time is given back: the outbox items this instance holds and the job runs it
 *    claimed become due at once, for another instance (instead of when their leases run out);
 * 5. the counters are flushed and the store is closed.
 * Every step waits at most until the deadline, which leaves a little of the grace for the last two.
 */
import type { Server as HttpServer } from 'node:http';
import type { Server } from 'restify';
import type { Drain } from './channels/probes.ts';
import { closeServer } from './channels/server.ts';
import type { OutboxWorker } from './channels/teams/outbox-worker.ts';
import type { Scheduler } from './jobs.ts';
import type { Logger } from './log.ts';

/** What the shutdown stops, in order. */
export interface ShutdownParts {
  drain: Drain;
  server: Server;
  scheduler: Scheduler;
  /** The outbox worker: stopped after its delivery in flight, or its leases given back. */
  worker: Pick<OutboxWorker, 'stop' | 'release'>;
  /** Flushes the counters and closes the store (last). */
  closeStore: () => Promise<void>;
  log: Logger;
}

/** How a shutdown went: `clean` when everything finished within the grace. */
export interface ShutdownOutcome {
  clean: boolean;
  /** Steps that were cut short by the deadline. */
  late: string[];
}

/** Resolves true when `work` settles within `ms`, false otherwise (the work goes on, unwaited). */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, ms))));
  try {
    return await Promise.race([work.then(done, done), late]);
  } finally {
    clearTimeout(timer);
  }
}
const done = () => true as const;

/** Runs the shutdown within `graceMs`. Never rejects. */
export async function shutDown(parts: ShutdownParts, graceMs: number): Promise<ShutdownOutcome> {
  const { drain, server, scheduler, worker, log } = parts;
  const started = Date.now();
  // The last steps (give back, flush, close) get a little of the grace; the rest is for the turns.
  const deadline = started + graceMs - Math.min(1_000, graceMs / 4);
  const left = () => deadline - Date.now();
  const late: string[] = [];

  drain.start();
  // No job starts any more; the runs in flight end (waited for below).
  const jobsStopped = scheduler.stop();
  log.info(
    { inFlight: drain.inFlight, graceMs },
    'draining: not ready, new work refused; finishing the turns in flight',
  );
  if (!(await drain.idle(left()))) late.push('requests in flight');

  if (!(await within(closeServer(server), left()))) {
    late.push('closing the server');
    (server.server as HttpServer).closeAllConnections();
  }
  if (!(await within(worker.stop(), left()))) {
    late.push('outbox delivery');
    const given = await within(
      worker.release().then((n) => log.warn({ items: n }, 'outbox: leases given back at shutdown')),
      Math.max(500, left()),
    );
    if (!given) log.error('outbox: could not give back the leases; they run out by themselves');
  }
  if (!(await within(jobsStopped, left()))) {
    late.push('scheduled jobs');
    const names = await scheduler.release();
    log.warn({ jobs: names }, 'scheduled job runs given back at shutdown');
  }
  // The store is closed whatever happened before; it has the rest of the grace.
  if (!(await within(parts.closeStore(), started + graceMs - Date.now()))) late.push('closing the store');

  const outcome = { clean: late.length === 0, late };
  if (outcome.clean) log.info({ ms: Date.now() - started }, 'shut down cleanly');
  else log.error({ late, graceMs }, 'shutdown: the grace ran out; some steps were cut short');
  return outcome;
}
