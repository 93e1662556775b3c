/** `store.counters`: windowed counts shared by every connection (the limits and caps of src/store/quotas.ts). */
import { expect, it } from 'vitest';
import { StoreValidationError } from '../../../src/store/index.ts';
import type { ContractContext } from './context.ts';

const HOUR = 3_600_000;

export function countersContract(ctx: ContractContext): void {
  // Windows from the test's clock: a window that has ended may be swept at any addition.
  const at = (key: string, offset: number, by = 1, windowMs = HOUR) => ({
    key,
    windowStart: Math.floor(ctx.clock.now().getTime() / HOUR) * HOUR + offset,
    windowMs,
    by,
  });

  it('adds per key and window and resolves with each total after adding; by 0 reads', async () => {
    const { counters } = ctx.store;
    expect(await counters.add([at('msg.phone:+46701234567', 0)])).toEqual([1]);
    expect(await counters.add([at('msg.phone:+46701234567', 0, 4)])).toEqual([5]);
    expect(await counters.add([at('msg.phone:+46701234567', HOUR)])).toEqual([1]);
    expect(await counters.add([at('msg.phone:+46709999999', 0)])).toEqual([1]);
    expect(await counters.add([at('msg.phone:+46701234567', 0, 0), at('nobody', 0, 0)])).toEqual([5, 0]);
    expect(await counters.add([])).toEqual([]);
  });

  it('sums increments for the same key and window in one call; each resolves with the final count', async () => {
    const { counters } = ctx.store;
    expect(await counters.add([at('a', 0, 2), at('b', 0), at('a', 0, 3)])).toEqual([5, 1, 5]);
  });

  it('is shared by every connection, and loses no addition when they add at once', async () => {
    const other = await ctx.open();
    const adds = Array.from({ length: 40 }, (_, i) => (i % 2 ? ctx.store : other).counters.add([at('shared', 0)]));
    const totals = (await Promise.all(adds)).map(([n]) => n);
    expect(totals.toSorted((x, y) => x! - y!)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await other.counters.add([at('shared', 0, 0)])).toEqual([40]);
  });

  it('forgets the counts of windows that have ended', async () => {
    const { counters } = ctx.store;
    const short = at('short', 0, 7, 60_000);
    await counters.add([short]);
    expect(await counters.add([{ ...short, by: 0 }])).toEqual([7]);
    ctx.clock.advance(11 * 60_000);
    await counters.add([at('later', 0)]);
    expect(await counters.add([{ ...short, by: 0 }])).toEqual([0]);
  });

  it('rejects what it cannot count, naming no key', async () => {
    const { counters } = ctx.store;
    for (const bad of [at('', 0), at('k', 0.5), at('k', 0, -1), at('k', 0, 1, 0), at('k'.repeat(1001), 0)])
      await expect(counters.add([bad])).rejects.toThrow(StoreValidationError);
    await expect(counters.add([at('+46701234567', 0, 1.5)])).rejects.toThrow(/^((?!4670).)*$/);
  });
}
