/**
 * Scheduled jobs: the unclaimed-case re-alert and the retention purge. With a shared database the store
 * decides which instance runs each interval (once across instances); with the embedded store there is one
 * instance and it runs them itself.
 */
import type { Logger } from './log.ts';
import type { Store } from './store/index.ts';

export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export class Scheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly store: Store;
  private readonly log: Logger;
  /** Runs in progress on this instance, by job name. */
  private readonly running = new Map<string, Promise<unknown>>();
  constructor(store: Store, log: Logger) {
    this.store = store;
    this.log = log;
  }

  /** Runs a job now if this instance gets this interval's turn. Returns whether it ran. */
  async runOnce(job: Job): Promise<boolean> {
    if (this.store.jobs && !(await this.store.jobs.tryRun(job.name, job.everyMs))) return false;
    const run = job.run();
    this.running.set(job.name, run);
    try {
      await run;
    } finally {
      if (this.running.get(job.name) === run) this.running.delete(job.name);
    }
    return true;
  }

  /** Resolves true once no job runs on this instance, or false when `timeoutMs` passes first (shutdown). */
  async idle(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, timeoutMs))));
    const all = Promise.allSettled([...this.running.values()]).then(() => true);
    try {
      return await Promise.race([all, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Shutdown that cannot wait for the runs in progress: gives their intervals back to the store
   * (`JobRunner.release`), so another instance runs them at once instead of at the next interval. Resolves
   * with the names given back.
   */
  async release(): Promise<string[]> {
    const names = [...this.running.keys()];
    this.running.clear();
    for (const name of names) {
      try {
        await this.store.jobs?.release(name);
      } catch (err) {
        this.log.warn({ err, job: name }, 'could not give back a job run');
      }
    }
    return names;
  }

  start(jobs: Job[]): void {
    for (const job of jobs) {
      // Poll more often than the interval: with several instances, one of them claims each interval soon after it is due.
      const timer = setInterval(
        () => {
          this.runOnce(job).catch((err) => this.log.error({ err, job: job.name }, 'scheduled job failed'));
        },
        Math.min(job.everyMs, 60_000),
      );
      timer.unref();
      this.timers.push(timer);
    }
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
  }
}
