// The outbox worker on its own: retries with backoff, Retry-After honoured, permanent failures given up,
// per-thread pacing, and delivery exactly once across a restart.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.ts';
import { httpFailure, OutboxWorker } from '../../../src/channels/teams/outbox-worker.ts';
import { openMemoryStore, type OutboxItem } from '../../../src/store/index.ts';

const log = createLogger('silent');
const httpError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (k: string) => headers[k.toLowerCase()] } },
  });

async function setup(deliver: (item: OutboxItem) => Promise<void>, clock = { t: Date.parse('2027-01-19T22:00:00Z') }) {
  const store = await openMemoryStore({ now: () => new Date(clock.t) });
  const worker = new OutboxWorker({
    store,
    deliver,
    log,
    now: () => new Date(clock.t),
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    maxAttempts: 5,
    perThreadGapMs: 0,
  });
  return { store, worker, clock };
}

describe('OutboxWorker', () => {
  it('retries a 503 with growing delays and delivers once it succeeds', async () => {
    let calls = 0;
    const { store, worker, clock } = await setup(async () => {
      if (++calls <= 3) throw httpError(503);
    });
    const [id] = await store.outbox.enqueue([{ kind: 'x', key: 'k1', payload: {} }]);
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await worker.pass();
      const item = (await store.outbox.get(id!))!;
      delays.push(Date.parse(item.nextAttemptAt!) - clock.t);
      expect(await worker.pass()).toBe(0); // not due yet
      clock.t = Date.parse(item.nextAttemptAt!);
    }
    await worker.pass();
    expect(calls).toBe(4);
    expect((await store.outbox.get(id!))!.status).toBe('done');
    // Exponential with jitter: each delay within [base·2^n / 2, base·2^n].
    delays.forEach((d, n) => {
      expect(d).toBeGreaterThanOrEqual(500 * 2 ** n);
      expect(d).toBeLessThanOrEqual(1000 * 2 ** n);
    });
  });

  it('honours Retry-After on 429', async () => {
    let calls = 0;
    const { store, worker, clock } = await setup(async () => {
      if (++calls === 1) throw httpError(429, { 'retry-after': '30' });
    });
    const [id] = await store.outbox.enqueue([{ kind: 'x', key: 'k2', payload: {} }]);
    await worker.pass();
    expect(Date.parse((await store.outbox.get(id!))!.nextAttemptAt!) - clock.t).toBe(30_000);
  });

  it.each([412, 502, 504])('retries %i', async (status) => {
    const { store, worker } = await setup(async () => {
      throw httpError(status);
    });
    const [id] = await store.outbox.enqueue([{ kind: 'x', key: `k-${status}`, payload: {} }]);
    await worker.pass();
    expect((await store.outbox.get(id!))!.status).toBe('pending');
  });

  it('a delivery that hangs counts as failed at its deadline and is retried; the next item is not held up', async () => {
    const delivered: string[] = [];
    const store = await openMemoryStore();
    const worker = new OutboxWorker({
      store,
      log,
      perThreadGapMs: 0,
      deliverTimeoutMs: 200,
      deliver: (item) =>
        item.key === 'k-hang' ? new Promise<void>(() => {}) : Promise.resolve(void delivered.push(item.key)),
    });
    const [hanging, next] = await store.outbox.enqueue([
      { kind: 'x', key: 'k-hang', payload: {} },
      { kind: 'x', key: 'k-next', payload: {} },
    ]);
    const started = Date.now();
    expect(await worker.pass()).toBe(2);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(delivered).toEqual(['k-next']);
    const item = (await store.outbox.get(hanging!))!;
    expect(item.status).toBe('pending');
    expect(item.lastError).toBe('DeliveryTimeoutError');
    expect((await store.outbox.get(next!))!.status).toBe('done');
  });

  it('retries network errors', async () => {
    const { store, worker } = await setup(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    });
    const [id] = await store.outbox.enqueue([{ kind: 'x', key: 'k-net', payload: {} }]);
    await worker.pass();
    expect((await store.outbox.get(id!))!.status).toBe('pending');
  });

  it('gives up on a 403 at once, and on anything after the last attempt', async () => {
    const { store, worker, clock } = await setup(async (item) => {
      throw httpError(item.key === 'forbidden' ? 403 : 503);
    });
    const [forbidden, flaky] = await store.outbox.enqueue([
      { kind: 'x', key: 'forbidden', payload: {} },
      { kind: 'x', key: 'flaky', payload: {} },
    ]);
    for (let i = 0; i < 8; i++) {
      await worker.pass();
      clock.t += 120_000;
    }
    expect((await store.outbox.get(forbidden!))!.status).toBe('dead');
    expect((await store.outbox.get(flaky!))!).toMatchObject({ status: 'dead', attempts: 5 });
  });

  it('keeps Teams’ per-thread pace', async () => {
    const times: number[] = [];
    const store = await openMemoryStore();
    const worker = new OutboxWorker({
      store,
      log,
      deliver: async () => void times.push(Date.now()),
      perThreadGapMs: 150,
      threadOf: () => 'thread-1',
    });
    await store.outbox.enqueue([1, 2, 3, 4].map((i) => ({ kind: 'x', key: `p${i}`, payload: {} })));
    await worker.pass();
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(140);
  });

  it('an item written before a restart is delivered by the next worker, once', async () => {
    const delivered: string[] = [];
    const store = await openMemoryStore();
    await store.outbox.enqueue([{ kind: 'x', key: 'restart', payload: {} }]);
    // The first process dies before delivering (no worker ran); a new worker over the same store delivers.
    const second = new OutboxWorker({ store, log, deliver: async (i) => void delivered.push(i.key) });
    await second.pass();
    await second.pass();
    const third = new OutboxWorker({ store, log, deliver: async (i) => void delivered.push(i.key) });
    await third.pass();
    expect(delivered).toEqual(['restart']);
  });
});

describe('httpFailure', () => {
  it('reads status and Retry-After in seconds or as a date', () => {
    expect(httpFailure(httpError(429, { 'retry-after': '2' }))).toEqual({ status: 429, retryAfterMs: 2000 });
    // An HTTP date a minute ahead (whole seconds, so up to a second less), and one already past.
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const { status, retryAfterMs } = httpFailure(httpError(503, { 'retry-after': inAMinute }));
    expect(status).toBe(503);
    expect(retryAfterMs).toBeGreaterThan(58_000);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
    const past = new Date(Date.now() - 60_000).toUTCString();
    expect(httpFailure(httpError(429, { 'retry-after': past }))).toEqual({ status: 429, retryAfterMs: 0 });
    expect(httpFailure(new Error('boom'))).toEqual({});
  });
});
