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
  constructor(store: Store, log: Logger) {
    this.store = store;
    this.log = log;
  }

  /** Runs a job now if this instance gets this interval's turn. Returns whether it ran. */
  async runOnce(job: Job): Promise<boolean> {
    if (this.store.jobs && !(await this.store.jobs.tryRun(job.name, job.everyMs))) return false;
    await job.run();
    return true;
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
