// Quotas: limits over the shared counters, with a local allowance so that a turn far below its limit makes
// no store round trip, and the guarantee the README states across instances.
import { describe, expect, it } from 'vitest';
import { memoryCounters } from '../../src/store/counting.ts';
import { Quotas } from '../../src/store/quotas.ts';
import type { Counters } from '../../src/store/index.ts';

const MINUTE = { windowMs: 60_000 };

/** Shared counters that count the calls made to them, and can be made to fail. */
function spied(now: () => number) {
  const inner = memoryCounters(now);
  const spy = {
    calls: 0,
    down: false,
    counters: {
      add: async (increments) => {
        spy.calls++;
        if (spy.down) throw new Error('connection refused');
        return inner.add(increments);
      },
    } as Counters,
  };
  return spy;
}

async function takeMany(q: Quotas, n: number, key: string, max: number, exact = false) {
  let ok = 0;
  for (let i = 0; i < n; i++) if ((await q.take(key, { max, ...MINUTE }, { exact })).ok) ok++;
  return ok;
}

describe('Quotas on one instance', () => {
  it('admits exactly the limit per window, tells the first refusal once, and starts again in a new window', async () => {
    const clock = { t: 1_000_000 * 60_000 };
    const q = new Quotas(
      memoryCounters(() => clock.t),
      { now: () => clock.t },
    );
    const verdicts = [];
    for (let i = 0; i < 34; i++) verdicts.push(await q.take('conv:a', { max: 30, ...MINUTE }));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(30);
    expect(verdicts.slice(0, 30).every((v) => v.ok)).toBe(true);
    expect(verdicts.map((v) => v.firstRefusal)).toEqual([...Array(30).fill(false), true, false, false, false]);
    expect((await q.take('conv:b', { max: 30, ...MINUTE })).ok).toBe(true);
    clock.t += 60_000;
    expect(await q.take('conv:a', { max: 30, ...MINUTE })).toEqual({ ok: true, firstRefusal: false });
  });

  it('makes no store round trip far below the limit; the counts go in one batch at the flush', async () => {
    const t = 5 * 60_000;
    const spy = spied(() => t);
    const q = new Quotas(spy.counters, { now: () => t });
    for (const key of ['conv:a', 'conv:b', 'phone:+46701234567'])
      for (let i = 0; i < 3; i++) expect((await q.take(key, { max: 30, ...MINUTE })).ok).toBe(true);
    expect(spy.calls).toBe(0);
    await q.flush();
    expect(spy.calls).toBe(1);
    expect(await spy.counters.add([{ key: 'conv:a', windowStart: t, windowMs: 60_000, by: 0 }])).toEqual([3]);
    await q.close();
  });

  it('asks the store once its unsent events reach the allowance, near the limit, and always for an exact limit', async () => {
    const t = 0;
    const spy = spied(() => t);
    const q = new Quotas(spy.counters, { now: () => t });
    // Allowance 3 of 30: three held, the fourth sends all four, and so on.
    await takeMany(q, 3, 'burst', 30);
    expect(spy.calls).toBe(0);
    await takeMany(q, 5, 'burst', 30);
    expect(spy.calls).toBe(2);
    // 27 counted: the last three of the limit are each asked for.
    await takeMany(q, 19, 'burst', 30);
    const before = spy.calls;
    expect(await takeMany(q, 3, 'burst', 30)).toBe(3);
    expect(spy.calls - before).toBe(3);
    const exact = spy.calls;
    await takeMany(q, 3, 'cases', 30, true);
    expect(spy.calls - exact).toBe(3);
  });

  it('refuses a key over its limit without asking the store again', async () => {
    const spy = spied(() => 0);
    const q = new Quotas(spy.counters, { now: () => 0 });
    expect(await takeMany(q, 5, 'k', 3)).toBe(3);
    const calls = spy.calls;
    expect(await takeMany(q, 100, 'k', 3)).toBe(0);
    expect(spy.calls).toBe(calls);
  });

  it('counts on its own when the store is down, says so once, and never rejects', async () => {
    const spy = spied(() => 0);
    spy.down = true;
    const warned: unknown[] = [];
    const q = new Quotas(spy.counters, { now: () => 0, log: { warn: (o: unknown) => void warned.push(o) } });
    expect(await takeMany(q, 10, 'k', 5)).toBe(5);
    await q.flush();
    expect(warned).toHaveLength(1);
    spy.down = false;
    expect((await q.take('k', { max: 5, ...MINUTE })).ok).toBe(false);
  });

  it('keeps a bounded number of keys in memory', async () => {
    const q = new Quotas(
      memoryCounters(() => 0),
      { now: () => 0, maxKeys: 100 },
    );
    for (let i = 0; i < 1_000; i++) await q.take(`k${i}`, { max: 30, ...MINUTE });
    expect(q.trackedKeys).toBeGreaterThan(0);
    expect(q.trackedKeys).toBeLessThanOrEqual(100);
  });
});

describe('Quotas across instances on one store', () => {
  it('a limit of N admits at most N + (k − 1)·⌊N/10⌋ in a burst, and exactly N once the counts are shared', async () => {
    const t = 0;
    const shared = memoryCounters(() => t);
    const qs = [0, 1, 2].map(() => new Quotas(shared, { now: () => t }));
    // A burst spread over three instances before any of them has sent its counts.
    let ok = 0;
    for (let i = 0; i < 60; i++) if ((await qs[i % 3]!.take('conv:x', { max: 30, ...MINUTE })).ok) ok++;
    expect(ok).toBeGreaterThanOrEqual(30);
    expect(ok).toBeLessThanOrEqual(30 + 2 * 3);
    // Once shared, nobody admits more in this window.
    await Promise.all(qs.map((q) => q.flush()));
    for (const q of qs) expect((await q.take('conv:x', { max: 30, ...MINUTE })).ok).toBe(false);
  });

  it('an exact limit holds exactly, and only one instance hears the first refusal', async () => {
    const shared = memoryCounters(() => 0);
    const qs = [0, 1, 2].map(() => new Quotas(shared, { now: () => 0 }));
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        qs[i % 3]!.take('cases:h', { max: 5, windowMs: 3_600_000 }, { exact: true }),
      ),
    );
    expect(verdicts.filter((v) => v.ok)).toHaveLength(5);
    expect(verdicts.filter((v) => v.firstRefusal)).toHaveLength(1);
  });

  it('a small limit (N < 10) is exact without being asked to be', async () => {
    const shared = memoryCounters(() => 0);
    const [a, b] = [new Quotas(shared, { now: () => 0 }), new Quotas(shared, { now: () => 0 })];
    expect((await takeMany(a, 5, 'model:c', 6)) + (await takeMany(b, 5, 'model:c', 6))).toBe(6);
  });
});
