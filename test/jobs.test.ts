// The scheduled jobs themselves, on their timers: the scheduler with a clock the test moves, a job that
// throws, a store that cannot say whose turn it is; and the app's own jobs (re-alert, retention) started by
// `listen`, with nothing called by hand. Two instances on PostgreSQL: test/multi-instance/jobs.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { Scheduler, type Job } from '../src/jobs.ts';
import { createLogger } from '../src/log.ts';
import { openMemoryStore, StoreError, type Store } from '../src/store/index.ts';
import { startHarness, until, type Harness } from './channels/teams/outbox-harness.ts';

const MINUTE = 60_000;

function counting(name: string, everyMs: number, fail = 0): Job & { runs: number } {
  const job = {
    name,
    everyMs,
    runs: 0,
    async run() {
      job.runs++;
      if (fail-- > 0) throw new StoreError('database restarting');
    },
  };
  return job;
}

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: createLogger('debug', { write: (l: string) => void lines.push(JSON.parse(l)) }) };
}

let scheduler: Scheduler | undefined;
let store: Store | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await scheduler?.stop();
  await store?.close();
  await h?.close();
  scheduler = store = h = undefined;
});

describe('Scheduler', () => {
  it('runs each job at once, then once per interval of its clock, however often it polls', async () => {
    const clock = { t: Date.parse('2027-01-19T22:00:00Z') };
    store = await openMemoryStore();
    const { log } = capture();
    scheduler = new Scheduler(store, log, { now: () => new Date(clock.t), pollMs: 5 });
    const realert = counting('unclaimed-cases', MINUTE);
    const purge = counting('retention-purge', 6 * 60 * MINUTE);
    scheduler.start([realert, purge]);
    await until(() => (realert.runs && purge.runs ? true : undefined));
    // Many polls later, with the clock standing still, neither runs again.
    for (let n = 0; n < 10; n++) await scheduler.poll(realert);
    expect([realert.runs, purge.runs]).toEqual([1, 1]);

    clock.t += MINUTE;
    await until(() => (realert.runs === 2 ? true : undefined));
    expect(purge.runs).toBe(1);
    clock.t += 6 * 60 * MINUTE;
    await until(() => (purge.runs === 2 ? true : undefined));
    expect(realert.runs).toBe(3);
  });

  it('survives a throwing run: an alert, the other jobs go on, and it runs again at its next interval', async () => {
    const clock = { t: Date.parse('2027-01-19T22:00:00Z') };
    store = await openMemoryStore();
    const { log, lines } = capture();
    scheduler = new Scheduler(store, log, { now: () => new Date(clock.t), pollMs: 5 });
    const flaky = counting('retention-purge', 6 * 60 * MINUTE, 1);
    const steady = counting('unclaimed-cases', MINUTE);
    scheduler.start([flaky, steady]);
    const alert = await until(() => lines.find((l) => l.alert === 'TRYGG_ALERT_JOB_FAILED'));
    expect(alert).toMatchObject({ level: 50, kind: 'retention-purge', attempts: 1 });
    clock.t += MINUTE;
    await until(() => (steady.runs >= 2 ? true : undefined));
    expect(flaky.runs).toBe(1);
    clock.t += 6 * 60 * MINUTE;
    await until(() => (flaky.runs === 2 ? true : undefined));
    await scheduler.stop();
    expect(lines.filter((l) => l.alert === 'TRYGG_ALERT_JOB_FAILED')).toHaveLength(1);
  });

  it('a store that cannot say whose turn it is: an alert per failed poll, longer waits, then the job runs', async () => {
    store = await openMemoryStore();
    let refusals = 3;
    const polls: number[] = [];
    const failing: Store = {
      ...store,
      jobs: {
        async tryRun() {
          polls.push(Date.now());
          if (refusals-- > 0) throw new StoreError('Connection terminated unexpectedly');
          return true;
        },
      },
    };
    const { log, lines } = capture();
    scheduler = new Scheduler(failing, log, { pollMs: 10 });
    const job = counting('unclaimed-cases', MINUTE);
    scheduler.start([job]);
    await until(() => (job.runs ? true : undefined));
    const alerts = lines.filter((l) => l.alert === 'TRYGG_ALERT_JOB_FAILED');
    expect(alerts.map((l) => l.attempts)).toEqual([1, 2, 3]);
    // Backing off: after the third failure the next poll waits 10 ms · 2³, not 10 ms.
    expect(polls[3]! - polls[2]!).toBeGreaterThanOrEqual(75);
  });
});

describe('the app’s own jobs, started by listen()', () => {
  it('re-alerts an unclaimed case after the policy’s minutes, and purges it after the retention days', async () => {
    h = await startHarness({ jobs: { pollMs: 20 } });
    await h.teamsMessage('register trygghetsjour');
    await h.onDuty();
    await h.reportDisturbance();
    const [kase] = await h.app.store.cases.list();
    await until(() => (h!.cardPosts().length ? true : undefined));

    h.clock.advance(11 * MINUTE); // handoff.unclaimedAfterMinutes is 10: the job notices by itself
    await until(() => h!.webTexts().find((t) => /Ingen har hunnit ta ditt ärende/.test(t)));
    await until(() => h!.teams.accepted(/activities/).find((s) => /Ingen har tagit ärende/.test(String(s.body.text))));

    h.clock.advance(91 * 24 * 60 * MINUTE); // retention.days is 90
    await until(async () => ((await h!.app.store.cases.get(kase!.id)) ? undefined : true));
    expect(await h.app.teams.registrations.get('trygghetsjour')).toBeTruthy();
  });
});
