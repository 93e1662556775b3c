// The outbox worker on its own: retries with backoff, Retry-After honoured, permanent failures given up,
// per-thread pacing, and delivery exactly once across a restart.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.ts';
import { DeliveryTimeoutError, httpFailure, OutboxWorker } from '../../../src/channels/teams/outbox-worker.ts';
import { openMemoryStore, StoreError, type OutboxItem, type Store } from '../../../src/store/index.ts';
import { sampleCase } from '../../store/contract/context.ts';

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

describe('OutboxWorker: leases, deadlines, a failing store, fairness', () => {
  it('claims each item just before delivering it, so no lease runs out while the items before it are sent', async () => {
    const clock = { t: Date.parse('2027-01-19T22:00:00Z') };
    const leaseHeld: boolean[] = [];
    const { store, worker } = await setup(async (item) => {
      const stored = await store.outbox.get(item.id);
      leaseHeld.push(Date.parse(stored!.leaseUntil!) > clock.t);
      clock.t += 20_000; // each delivery takes 20 s of the worker's clock (the deadline), 3 of them 60 s
    }, clock);
    await store.outbox.enqueue([1, 2, 3].map((n) => ({ kind: 'x', key: `slow-${n}`, payload: {} })));
    expect(await worker.pass()).toBe(3);
    expect(leaseHeld).toEqual([true, true, true]);
    expect((await store.outbox.list({ status: 'done' })).map((i) => i.attempts)).toEqual([1, 1, 1]);
  });

  it('a worker whose lease was taken over settles nothing: the new holder’s outcome stands', async () => {
    const clock = { t: Date.parse('2027-01-19T22:00:00Z') };
    let release!: (err: Error) => void;
    let started!: () => void;
    const inFlight = new Promise<void>((r) => (started = r));
    const lines: Record<string, unknown>[] = [];
    const store = await openMemoryStore({ now: () => new Date(clock.t) });
    const slow = new OutboxWorker({
      store,
      log: createLogger('info', { write: (l: string) => void lines.push(JSON.parse(l)) }),
      now: () => new Date(clock.t),
      perThreadGapMs: 0,
      deliver: () => {
        started();
        return new Promise<void>((_, reject) => (release = reject));
      },
    });
    const delivered: string[] = [];
    const other = new OutboxWorker({
      store,
      log,
      now: () => new Date(clock.t),
      perThreadGapMs: 0,
      deliver: async (i) => void delivered.push(i.key),
    });
    const [id] = await store.outbox.enqueue([{ kind: 'x', key: 'contested', payload: {} }]);
    const slowPass = slow.pass();
    await inFlight;
    clock.t += 31_000; // the slow worker's lease has run out: the other instance takes the item over
    expect(await other.pass()).toBe(1);
    release(httpError(503)); // the slow one fails late and would put the item back to retry
    await slowPass;
    expect(delivered).toEqual(['contested']);
    expect(await store.outbox.get(id!)).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    expect(lines.find((l) => /lease was taken over/.test(String(l.msg)))).toBeTruthy();
  });

  it('aborts a delivery at its deadline: the delivery’s signal fires, and the item is retried', async () => {
    let reason: unknown;
    const store = await openMemoryStore();
    const worker = new OutboxWorker({
      store,
      log,
      perThreadGapMs: 0,
      deliverTimeoutMs: 100,
      deliver: (_item, signal) =>
        new Promise<void>((_, reject) =>
          signal.addEventListener('abort', () => {
            reason = signal.reason;
            reject(signal.reason as Error);
          }),
        ),
    });
    const [id] = await store.outbox.enqueue([{ kind: 'x', key: 'aborted', payload: {} }]);
    await worker.pass();
    expect(reason).toBeInstanceOf(DeliveryTimeoutError);
    expect(await store.outbox.get(id!)).toMatchObject({ status: 'pending', lastError: 'DeliveryTimeoutError' });
  });

  it('a store that throws does not stop the timer: each failed pass is an alert, the polls back off, delivery resumes', async () => {
    const real = await openMemoryStore();
    let failures = 4;
    const claims: number[] = [];
    const failing: Store = {
      ...real,
      outbox: {
        ...real.outbox,
        claimDue: async (...args) => {
          claims.push(Date.now());
          if (failures-- > 0) throw new StoreError('Connection terminated unexpectedly');
          return real.outbox.claimDue(...args);
        },
      },
    };
    const lines: Record<string, unknown>[] = [];
    const delivered: string[] = [];
    const worker = new OutboxWorker({
      store: failing,
      log: createLogger('info', { write: (l: string) => void lines.push(JSON.parse(l)) }),
      perThreadGapMs: 0,
      pollMs: 10,
      maxPollBackoffMs: 80,
      deliver: async (i) => void delivered.push(i.key),
    });
    await real.outbox.enqueue([{ kind: 'x', key: 'after-the-outage', payload: {} }]);
    worker.start();
    try {
      for (const end = Date.now() + 10_000; !delivered.length && Date.now() < end;)
        await new Promise((r) => setTimeout(r, 10));
    } finally {
      await worker.stop();
    }
    expect(delivered).toEqual(['after-the-outage']);
    const alerts = lines.filter((l) => l.alert === 'TRYGG_ALERT_OUTBOX_FAILING');
    expect(alerts.map((l) => l.attempts)).toEqual([1, 2, 3, 4]);
    // After the third failure in a row the next poll waits at least half of 10 ms · 2³ (jitter), not 10 ms.
    expect(claims[3]! - claims[2]!).toBeGreaterThanOrEqual(35);
  });

  it('an item erased while it is delivered (trygg forget) ends quietly: no failed pass, the next item goes', async () => {
    const store = await openMemoryStore();
    const lines: Record<string, unknown>[] = [];
    const delivered: string[] = [];
    const worker = new OutboxWorker({
      store,
      log: createLogger('info', { write: (l: string) => void lines.push(JSON.parse(l)) }),
      perThreadGapMs: 0,
      deliver: async (item) => {
        if (item.key === 'forgotten') await store.forgetPhone('0701234567');
        delivered.push(item.key);
      },
    });
    await store.outbox.enqueue([
      { kind: 'x', key: 'forgotten', payload: { to: '0701234567' } },
      { kind: 'x', key: 'next', payload: {} },
    ]);
    expect(await worker.pass()).toBe(2);
    expect(delivered).toEqual(['forgotten', 'next']);
    expect((await store.outbox.list()).map((i) => [i.key, i.status])).toEqual([['next', 'done']]);
    expect(lines.find((l) => /erased while it was delivered/.test(String(l.msg)))).toBeTruthy();
  });

  it('a conversation that floods the outbox does not push another conversation’s card back', async () => {
    const store = await openMemoryStore();
    const order: string[] = [];
    const worker = new OutboxWorker({ store, log, perThreadGapMs: 0, deliver: async (i) => void order.push(i.key) });
    const from = (id: string) =>
      sampleCase({
        conversation: {
          ...sampleCase().conversation,
          conversation: { id, isGroup: false, conversationType: 'personal', name: '' },
        },
      });
    for (let n = 0; n < 25; n++)
      await store.cases.create(from('flood'), {
        outbox: (c) => [{ kind: 'staff.card', key: `flood-${n}`, payload: { caseId: c.id } }],
      });
    await store.cases.create(from('quiet'), {
      outbox: (c) => [{ kind: 'staff.card', key: 'quiet', payload: { caseId: c.id } }],
    });
    while ((await worker.pass()) > 0);
    expect(order).toHaveLength(26);
    expect(order.indexOf('quiet')).toBe(1);
  });
});

describe('OutboxWorker.stop', () => {
  it('ends after the item in flight, however much keeps falling due, then flushes one batch at most', async () => {
    const store = await openMemoryStore();
    let attempts = 0;
    const worker = new OutboxWorker({
      store,
      log,
      perThreadGapMs: 0,
      pollMs: 5,
      baseDelayMs: 1,
      maxDelayMs: 2,
      maxAttempts: 1_000,
      batch: 5,
      deliver: async () => {
        attempts++;
        throw httpError(503); // due again within 2 ms: there is always more to do
      },
    });
    await store.outbox.enqueue(Array.from({ length: 50 }, (_, n) => ({ kind: 'x', key: `busy-${n}`, payload: {} })));
    worker.start();
    while (attempts < 20) await new Promise((r) => setTimeout(r, 5));
    await worker.stop(); // resolves: before, the pass in flight went on as long as anything was due
    expect(worker.busy).toBe(false);
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
