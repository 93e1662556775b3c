/**
 * The night report with two instances on one store, both polling on their own timers and asked at the same
 * moments by the test: one card, on the embedded store (two processes' worth of connections to one SQLite
 * file) and on PostgreSQL (needs TRYGG_TEST_DATABASE_URL; that half is skipped, saying so, without it).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startConnectorSink, type ConnectorSink } from '../channels/connector-sink.ts';
import { baseUrl, dropAll, freshSchema, SKIP_REASON, titled, type Schema } from './pg-schema.ts';

if (!baseUrl) console.warn(`test/multi-instance/report.test.ts: ${SKIP_REASON}`);

const TENANT = '11111111-2222-4333-8444-555555555555';
let apps: App[] = [];
const lines: Record<string, unknown>[] = [];
let sink: ConnectorSink | undefined;
let schema: Schema | undefined;

afterEach(async () => {
  await Promise.all(apps.map((a) => a.close()));
  apps = [];
  lines.length = 0;
  await sink?.close();
  await schema?.drop();
  sink = schema = undefined;
});
afterAll(async () => {
  if (baseUrl) await dropAll();
});

async function twoInstances(env: Record<string, string>) {
  sink = await startConnectorSink();
  const clock = { now: new Date('2027-01-05T22:00:00Z') }; // Tuesday 23:00, the eve of Epiphany
  for (const name of ['a', 'b']) {
    const config = loadConfig({ LOG_LEVEL: 'silent', TEAMS_ALLOWED_TENANT_ID: TENANT, ...env });
    const log = createLogger('info', { write: (l: string) => void lines.push({ ...JSON.parse(l), instance: name }) });
    const app = await buildApp(config, { now: () => clock.now, log, jobs: { pollMs: 5 } });
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    if (name === 'a')
      await app.teams.registrations.register('fastighetsjour', {
        channelId: '19:jour@thread.tacv2',
        teamId: '19:team@thread.tacv2',
        tenantId: TENANT,
        serviceUrl: sink.url,
        registeredBy: 'aad-anna',
        registeredAt: clock.now.toISOString(),
      });
  }
  return clock;
}

async function onePost(clock: { now: Date }) {
  const [a, b] = apps as [App, App];
  const job = a.clockJobs[0]!;
  clock.now = new Date('2027-01-06T06:00:00Z'); // 07:00 CET on a holiday
  // Both instances on their timers, and both asked at once, again and again.
  const ran: boolean[] = [];
  for (let i = 0; i < 10; i++)
    ran.push(...(await Promise.all([a.scheduler.pollClock(job), b.scheduler.pollClock(b.clockJobs[0]!)])));
  const end = Date.now() + 15_000;
  const posts = () => sink!.accepted(/\/v3\/conversations\/?$/);
  while (!posts().length && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  // Both drain what they have: a second card would be on its way by now.
  for (const app of apps) await app.teams.worker.kick();
  expect(posts()).toHaveLength(1);
  expect(ran.filter(Boolean).length).toBeLessThanOrEqual(1); // the timers may have won it
  // The job itself ran once, on one instance (not only deduplicated by the outbox key).
  expect(lines.filter((l) => l.msg === 'scheduled job ran' && l.job === 'night-report')).toHaveLength(1);
  expect((await a.store.outbox.list()).filter((i) => i.kind === 'teams.report')).toHaveLength(1);
  expect(await b.store.jobOccurrences.latest('night-report')).toMatchObject({
    occurrence: '2027-01-06T07:00',
    status: 'done',
  });
}

describe('the night report with two instances', () => {
  it('on one SQLite file: one card', async () => {
    const clock = await twoInstances({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-mi-report-')) });
    await onePost(clock);
  });

  it.skipIf(!baseUrl)(titled('on one PostgreSQL database: one card'), async () => {
    schema = await freshSchema();
    const clock = await twoInstances({
      DATABASE_URL: schema.url,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-mi-report-')),
    });
    await onePost(clock);
  });
});
