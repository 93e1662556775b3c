/**
 * The shutdown's steps in process: `/livez` and `/readyz` (the store must answer), and a shutdown whose outbox
 * delivery or job run cannot finish within the grace: the leases are given back (due at once, for another
 * instance), the store is still closed, and the outcome says what was cut short.
 */
import restify from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { Drain } from '../../src/channels/probes.ts';
import { OutboxWorker } from '../../src/channels/teams/outbox-worker.ts';
import { loadConfig } from '../../src/config.ts';
import { Scheduler } from '../../src/jobs.ts';
import { createLogger } from '../../src/log.ts';
import { shutDown } from '../../src/shutdown.ts';
import { openMemoryStore, type Store } from '../../src/store/index.ts';
import { until } from './child.ts';

const log = createLogger('silent');
let app: App | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('probes', () => {
  it('/livez is 200; /readyz is 200 when the store answers and 503 (NotReady, with the reason) when not', async () => {
    const store = await openMemoryStore();
    app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { log, store });
    const base = await app.listen(0, '127.0.0.1');
    expect((await fetch(`${base}/livez`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    await store.close(); // the store goes away under the running app
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      error: 'NotReady',
      message: expect.stringMatching(/store: .*closed/),
    });
    expect((await fetch(`${base}/livez`)).status).toBe(200);
    // /healthz is as it was: the app is started.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('a shutdown that runs out of grace', () => {
  it('gives back the outbox items and the job run it holds, closes the store, and says what was late', async () => {
    const store: Store = await openMemoryStore();
    await store.outbox.enqueue([1, 2, 3].map((n) => ({ kind: 'x', key: `k${n}`, payload: {} })));
    let delivering = 0;
    // Teams hangs: the first delivery never ends.
    const worker = new OutboxWorker({
      store,
      log,
      deliver: () => ((delivering += 1), new Promise<void>(() => {})),
      deliverTimeoutMs: 600_000,
      leaseMs: 1_000_000,
      perThreadGapMs: 0,
    });
    let released: string[] = [];
    const jobStore = {
      ...store,
      jobs: { tryRun: async () => true, release: async (n: string) => void released.push(n) },
    };
    const scheduler = new Scheduler(jobStore, log);
    void scheduler.poll({ name: 'retention-purge', everyMs: 60_000, run: () => new Promise(() => {}) });
    void worker.kick();
    await until(() => delivering > 0 || undefined);

    const server = restify.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    let closed = false;
    const started = Date.now();
    const outcome = await shutDown(
      {
        drain: new Drain(),
        server,
        scheduler,
        worker,
        log,
        closeStore: async () => {
          expect((await store.outbox.list()).map((i) => i.status)).toEqual(['pending', 'pending', 'pending']);
          await store.close();
          closed = true;
        },
      },
      1_500,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(outcome).toEqual({ clean: false, late: ['outbox delivery', 'scheduled jobs'] });
    expect(closed).toBe(true);
    expect(released).toEqual(['retention-purge']);
    // The hung delivery was the only one started; the others were never claimed.
    expect(delivering).toBe(1);
  });

  it('is clean when nothing is in flight', async () => {
    const store = await openMemoryStore();
    const worker = new OutboxWorker({ store, log, deliver: async () => {} });
    const server = restify.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const outcome = await shutDown(
      {
        drain: new Drain(),
        server,
        scheduler: new Scheduler(store, log),
        worker,
        log,
        closeStore: () => store.close(),
      },
      5_000,
    );
    expect(outcome).toEqual({ clean: true, late: [] });
  });
});
