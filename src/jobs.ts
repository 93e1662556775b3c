/**
 * Scheduled jobs: the unclaimed-case re-alert and the retention purge. With a shared database the store
 * decides which instance runs each interval (once across instances); with the embedded store there is one
 * instance, and an in-process runner with the same rules decides.
 *
 * A job that throws, or a store that cannot say whose turn it is, is logged as an alert and the job's polls
 * back off (doubling up to `maxBackoffMs`); the job runs again at its next interval. Nothing stops the timers
 * but `stop()`.
 */
import { ALERTS, Alerts } from './alerts.ts';
import type { Logger } from './log.ts';
import type { JobRunner, Store } from './store/index.ts';

export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface SchedulerOptions {
  /** The clock of the in-process runner (used when the store has no `jobs`). */
  now?: () => Date;
  /** How often each job asks whether its interval has come; default its interval, at most a minute. */
  pollMs?: number;
  /** Longest wait between polls after failures. Default 10 minutes. */
  maxBackoffMs?: number;
  /** Where failures go; a log-only one by default. */
  alerts?: Alerts;
}

/**
 * Run-once-per-interval claims kept in this process, for a store that a single instance uses: the same
 * contract as the store's `JobRunner` (true once per interval, the first time at once).
 */
export function localJobRunner(now: () => Date = () => new Date()): JobRunner {
  const nextRun = new Map<string, number>();
  return {
    async tryRun(name, intervalMs) {
      const at = now().getTime();
      if ((nextRun.get(name) ?? Number.NEGATIVE_INFINITY) > at) return false;
      nextRun.set(name, at + intervalMs);
      return true;
    },
    async release(name) {
      nextRun.delete(name);
    },
  };
}

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly failures = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Runs in progress on this instance, by job name (given back by `release`). */
  private readonly running = new Set<string>();
  private readonly runner: JobRunner;
  private readonly log: Logger;
  private readonly alerts: Alerts;
  private readonly options: SchedulerOptions;
  private started = false;

  constructor(store: Store, log: Logger, options: SchedulerOptions = {}) {
    this.runner = store.jobs ?? localJobRunner(options.now);
    this.log = log;
    this.alerts = options.alerts ?? new Alerts(log);
    this.options = options;
  }

  /** Runs a job now if this instance gets this interval's turn. Returns whether it ran; rejects if it failed. */
  async runOnce(job: Job): Promise<boolean> {
    if (!(await this.runner.tryRun(job.name, job.everyMs))) return false;
    this.running.add(job.name);
    try {
      await job.run();
    } finally {
      this.running.delete(job.name);
    }
    this.log.debug({ job: job.name }, 'scheduled job ran');
    return true;
  }

  /**
   * Shutdown that cannot wait for `stop` any longer: gives the intervals of the runs still in progress back to
   * the runner (`JobRunner.release`), so another instance runs them at once instead of at the next interval.
   * Resolves with the names given back.
   */
  async release(): Promise<string[]> {
    const names = [...this.running];
    this.running.clear();
    for (const name of names) {
      try {
        await this.runner.release?.(name);
      } catch (err) {
        this.log.warn({ err, job: name }, 'could not give back a job run');
      }
    }
    return names;
  }

  /** One poll of `job`: runs it if its turn has come; a failure is alerted and counted, never thrown. */
  async poll(job: Job): Promise<void> {
    const run = this.runOnce(job).then(
      () => void this.failures.delete(job.name),
      (err: unknown) => {
        const failures = (this.failures.get(job.name) ?? 0) + 1;
        this.failures.set(job.name, failures);
        return this.alerts.raise(ALERTS.jobFailed, 'scheduled job failed; it runs again at its next interval', {
          kind: job.name,
          attempts: failures,
          err,
        });
      },
    );
    this.inFlight.add(run);
    try {
      await run;
    } finally {
      this.inFlight.delete(run);
    }
  }

  start(jobs: Job[]): void {
    this.started = true;
    for (const job of jobs) this.schedule(job, this.pollMs(job));
  }

  /** Stops polling and waits for the runs in flight. */
  async stop(): Promise<void> {
    this.started = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.inFlight]);
  }

  /** With several instances, each polls more often than the interval, so one claims it soon after it is due. */
  private pollMs(job: Job): number {
    return this.options.pollMs ?? Math.min(job.everyMs, 60_000);
  }

  private schedule(job: Job, ms: number): void {
    if (!this.started) return;
    const timer = setTimeout(async () => {
      await this.poll(job);
      const failures = this.failures.get(job.name) ?? 0;
      const poll = this.pollMs(job);
      const backoff = Math.min(this.options.maxBackoffMs ?? 600_000, poll * 2 ** failures);
      const wait = failures ? Math.max(poll, backoff) : poll;
      this.schedule(job, wait);
    }, ms);
    timer.unref();
    this.timers.set(job.name, timer);
  }
}
