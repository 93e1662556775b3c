/**
 * The app's scheduled jobs on two instances sharing one PostgreSQL database, on their own timers (no job is
 * called by hand): each interval's run happens on exactly one instance, however often both poll; a run that
 * throws is an alert, and the job runs again at its next interval, on either instance.
 *
 * Needs a server: TRYGG_TEST_DATABASE_URL=$(bash scripts/postgres-test-server.sh) npx vitest run test/multi-instance
 * (skipped, saying so, without it). Every test gets a fresh schema.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openStore, StoreError, type Store } from '../../src/store/index.ts';
import { baseUrl, dropAll, freshSchema, SKIP_REASON, titled, type Schema } from './pg-schema.ts';

if (!baseUrl) console.warn(`test/multi-instance/jobs.test.ts: ${SKIP_REASON}`);

const HOUR = 3_600_000;
let schema: Schema;
const apps: App[] = [];
const stores: Store[] = [];
const lines: Record<string, unknown>[] = [];
/** The instances' shared clock: real time from a fixed start, plus what the test skips ahead. */
const start = Date.now();
let skipped = 0;
const now = () => new Date(Date.parse('2027-01-23T11:00:00Z') + (Date.now() - start) + skipped);

beforeEach(async () => {
  if (!baseUrl) return;
  schema = await freshSchema();
  lines.length = 0;
});

afterEach(async () => {
  if (!baseUrl) return;
  await Promise.all(apps.splice(0).map((a) => a.close()));
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await schema.drop();
});

afterAll(async () => {
  if (baseUrl) await dropAll();
});

/** An instance whose store counts its job polls by job name, and whose purge can be made to throw. */
async function instance(name: string, purgeFailures = 0) {
  const real = await openStore({ dataDir: '', databaseUrl: schema.url, now });
  stores.push(real);
  const polls = new Map<string, number>();
  let failures = purgeFailures;
  const store: Store = {
    ...real,
    jobs: {
      tryRun: (job, everyMs) => {
        polls.set(job, (polls.get(job) ?? 0) + 1);
        return real.jobs!.tryRun(job, everyMs);
      },
    },
    purge: async (olderThan) => {
      if (failures-- > 0) throw new StoreError('Connection terminated unexpectedly');
      return real.purge(olderThan);
    },
  };
  const log = createLogger('debug', { write: (l: string) => void lines.push({ ...JSON.parse(l), instance: name }) });
  const config = loadConfig({
    DATABASE_URL: schema.url,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-jobs-')),
    LOG_LEVEL: 'silent',
  });
  const app = await buildApp(config, { store, now, log, jobs: { pollMs: 10 } });
  apps.push(app);
  await app.listen(0, '127.0.0.1');
  return { polls: (job: string) => polls.get(job) ?? 0 };
}

const runs = (job: string) => lines.filter((l) => l.msg === 'scheduled job ran' && l.job === job);

async function until<T>(fn: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits until each instance has polled `job` `n` more times than it had. */
async function morePolls(instances: { polls: (job: string) => number }[], job: string, n: number) {
  const from = instances.map((i) => i.polls(job));
  await until(() => (instances.every((i, k) => i.polls(job) >= from[k]! + n) ? true : undefined));
}

describe.skipIf(!baseUrl)(titled('scheduled jobs on two instances'), () => {
  it('each interval’s run happens on one instance only, however often both poll', { timeout: 60_000 }, async () => {
    const instances = [await instance('a'), await instance('b')];
    await until(() => (runs('retention-purge').length && runs('unclaimed-cases').length ? true : undefined));
    await morePolls(instances, 'retention-purge', 10);
    await morePolls(instances, 'unclaimed-cases', 10);
    expect(runs('retention-purge')).toHaveLength(1);
    expect(runs('unclaimed-cases')).toHaveLength(1);

    skipped += 6 * HOUR; // both intervals have come round
    await until(() => (runs('retention-purge').length === 2 ? true : undefined));
    await morePolls(instances, 'retention-purge', 10);
    await morePolls(instances, 'unclaimed-cases', 10);
    expect(runs('retention-purge')).toHaveLength(2);
    expect(runs('unclaimed-cases')).toHaveLength(2);
    expect(lines.filter((l) => l.msg === 'retention purge')).toHaveLength(2);
  });

  it(
    'a run that throws is an alert; the job runs again at its next interval, on either instance',
    { timeout: 60_000 },
    async () => {
      const a = await instance('a', 1); // its first purge fails
      await until(() => lines.find((l) => l.alert === 'TRYGG_ALERT_JOB_FAILED'));
      const b = await instance('b');
      await morePolls([a, b], 'retention-purge', 10);
      expect(runs('retention-purge')).toHaveLength(0); // the failed run had this interval
      expect(lines.filter((l) => l.alert === 'TRYGG_ALERT_JOB_FAILED')).toMatchObject([
        { instance: 'a', kind: 'retention-purge', level: 50 },
      ]);
      skipped += 6 * HOUR;
      await until(() => (runs('retention-purge').length === 1 ? true : undefined));
      await morePolls([a, b], 'retention-purge', 10);
      expect(runs('retention-purge')).toHaveLength(1);
      expect(runs('unclaimed-cases').length).toBeGreaterThanOrEqual(2); // the other job went on throughout
    },
  );
});
