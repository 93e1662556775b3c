/**
 * Scheduled jobs: the unclaimed-case re-alert and the retention purge at intervals, and jobs at a wall-clock
 * time (the night report, `ClockJob`). For interval jobs, with a shared database the store decides which
 * instance runs each interval (once across instances); with the embedded store there is one instance, and an
 * in-process runner with the same rules decides. Wall-clock jobs are claimed per occurrence in the store
 * (both stores: several processes may share the SQLite file), see `pollClock`.
 *
 * A job that throws, or a store that cannot say whose turn it is, is logged as an alert and the job's polls
 * back off (doubling up to `maxBackoffMs`); the job runs again at its next interval. Nothing stops the timers
 * but `stop()`.
 */
import { ALERTS, Alerts } from './alerts.ts';
import { latestOccurrence, type ClockJob } from './clock-jobs.ts';
import type { Logger } from './log.ts';
import type { JobRunner, Store } from './store/index.ts';

export { latestOccurrence, type ClockJob, type Occurrence } from './clock-jobs.ts';

export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface SchedulerOptions {
  /** The clock of wall-clock jobs, and of the in-process runner (used when the store has no `jobs`). */
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
  private readonly store: Store;
  /** Occurrences this instance knows are settled (done or skipped), so that polls need not ask the store. */
  private readonly settled = new Set<string>();
  /** Wall-clock jobs whose history in the store this instance has looked at. */
  private readonly seen = new Set<string>();
  private started = false;

  constructor(store: Store, log: Logger, options: SchedulerOptions = {}) {
    this.store = store;
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

  /**
   * One poll of a wall-clock job: runs its latest occurrence if that has come, is not older than the job's
   * catch-up, and no instance has run it. Exactly one instance runs each occurrence (a claim in the store,
   * under a lease); a run that fails, or whose instance dies, is run again after a backoff or once its lease
   * runs out, while the catch-up lasts. A job seen for the first time does not run an occurrence that was
   * due before (a new installation posts no report from the morning it was installed), unless just due.
   * Resolves whether this instance ran it; a failure is alerted, never thrown.
   */
  async pollClock(job: ClockJob): Promise<boolean> {
    const now = (this.options.now ?? (() => new Date()))();
    const occurrence = latestOccurrence(job, now);
    const id = occurrence && `${job.name}@${occurrence.key}`;
    if (!occurrence || !id || this.settled.has(id)) return false;
    const late = now.getTime() - occurrence.at.getTime();
    if (late > (job.catchUpMs ?? 12 * 3_600_000)) return false;
    const occurrences = this.store.jobOccurrences;
    const leaseMs = job.leaseMs ?? 5 * 60_000;
    try {
      const firstSight = !this.seen.has(job.name) && !(await occurrences.latest(job.name));
      this.seen.add(job.name);
      const claim = await occurrences.claim(job.name, occurrence.key, occurrence.at, leaseMs);
      if (!('lease' in claim)) {
        if (claim.status !== 'running') this.remember(id);
        return false;
      }
      if (firstSight && late > Math.max(2 * this.clockPollMs(), 60_000)) {
        await occurrences.settle(job.name, occurrence.key, claim.lease, 'skipped');
        this.remember(id);
        return false;
      }
      return await this.runClaimed(job, occurrence, claim.lease, now);
    } catch (err) {
      await this.failed(job.name, err);
      return false;
    }
  }

  private async runClaimed(
    job: ClockJob,
    occurrence: NonNullable<ReturnType<typeof latestOccurrence>>,
    lease: string,
    now: Date,
  ): Promise<boolean> {
    const occurrences = this.store.jobOccurrences;
    try {
      await job.run(occurrence);
    } catch (err) {
      const failures = (this.failures.get(job.name) ?? 0) + 1;
      const retryMs = Math.min(this.options.maxBackoffMs ?? 600_000, this.clockPollMs() * 2 ** failures);
      await occurrences
        .settle(job.name, occurrence.key, lease, { retryAt: new Date(now.getTime() + retryMs) })
        .catch(() => undefined); // the lease runs out by itself
      throw err;
    }
    this.failures.delete(job.name);
    if (!(await occurrences.settle(job.name, occurrence.key, lease, 'done')))
      this.log.warn({ job: job.name, dueAt: occurrence.at.getTime() }, 'a job run outlasted its lease');
    this.remember(`${job.name}@${occurrence.key}`);
    // The due time in epoch ms: the log's scrubber would take a date for a phone number.
    this.log.info({ job: job.name, dueAt: occurrence.at.getTime() }, 'scheduled job ran');
    return true;
  }

  private async failed(name: string, err: unknown): Promise<void> {
    const failures = (this.failures.get(name) ?? 0) + 1;
    this.failures.set(name, failures);
    await this.alerts.raise(ALERTS.jobFailed, 'scheduled job failed; it runs again after a backoff', {
      kind: name,
      attempts: failures,
      err,
    });
  }

  private remember(id: string): void {
    if (this.settled.size > 200) this.settled.clear();
    this.settled.add(id);
  }

  private clockPollMs(): number {
    return this.options.pollMs ?? 30_000;
  }

  start(jobs: Job[], clockJobs: ClockJob[] = []): void {
    this.started = true;
    for (const job of jobs) this.schedule(job, this.pollMs(job));
    for (const job of clockJobs) this.scheduleClock(job, 0);
  }

  private scheduleClock(job: ClockJob, ms: number): void {
    if (!this.started) return;
    const timer = setTimeout(async () => {
      const run = this.pollClock(job).then(() => undefined);
      this.inFlight.add(run);
      await run;
      this.inFlight.delete(run);
      this.scheduleClock(job, this.clockPollMs());
    }, ms);
    timer.unref();
    this.timers.set(`clock:${job.name}`, timer);
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
