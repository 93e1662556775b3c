/**
 * What every `Counters` implementation shares: checking increments, hashing keys (they can hold phone
 * numbers), and summing increments for the same key and window so that one statement touches each row once.
 * Also an in-process implementation for a process without a store (tests, the abuse limits' default).
 */
import { createHash } from 'node:crypto';
import { StoreValidationError } from './errors.ts';
import type { CounterIncrement, Counters } from './types/counters.ts';

/** Longest counter key accepted (before hashing). */
const MAX_KEY = 1_000;

/** One row to add to: a key hash and window, the amount, and when the row may be deleted. */
export interface CounterRow {
  hash: string;
  windowStart: number;
  /** End of the window, epoch ms: after it the row is only garbage. */
  expiresAt: number;
  by: number;
}

/** The rows to add to, each once, and for every increment the index of its row. */
export interface GroupedIncrements {
  rows: CounterRow[];
  rowOf: number[];
}

/** SHA-256 of a counter key, hex. Counter keys are never stored as given. */
export const counterHash = (key: string): string => createHash('sha256').update(key).digest('hex');

/** Validates the increments and sums those for the same key and window. Names no key in an error. */
export function groupIncrements(increments: readonly CounterIncrement[]): GroupedIncrements {
  const rows: CounterRow[] = [];
  const index = new Map<string, number>();
  const rowOf = increments.map((inc) => {
    const { key, windowStart, windowMs, by } = inc ?? ({} as CounterIncrement);
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY)
      throw new StoreValidationError(`Invalid counter key: expected 1 to ${MAX_KEY} characters.`);
    if (!Number.isSafeInteger(windowStart) || !Number.isSafeInteger(windowMs) || windowMs <= 0)
      throw new StoreValidationError('Invalid counter window: expected whole epoch ms and a length > 0.');
    if (!Number.isSafeInteger(by) || by < 0)
      throw new StoreValidationError('Invalid counter increment: expected a whole number ≥ 0.');
    const hash = counterHash(key);
    const id = `${hash}@${windowStart}`;
    let i = index.get(id);
    if (i === undefined) {
      i = rows.push({ hash, windowStart, expiresAt: windowStart + windowMs, by: 0 }) - 1;
      index.set(id, i);
    }
    const row = rows[i]!;
    row.by += by;
    row.expiresAt = Math.max(row.expiresAt, windowStart + windowMs);
    return i;
  });
  return { rows, rowOf };
}

/**
 * When to delete the rows of windows that have ended: every {@link SWEEP_EVERY_ADDITIONS} additions, and at
 * least every {@link SWEEP_EVERY_MS} while counting goes on, so that no count outlives its window by long.
 */
export const SWEEP_EVERY_ADDITIONS = 500;
export const SWEEP_EVERY_MS = 10 * 60_000;

/** Decides when to sweep: `due(rows, now)` is true at most once per trigger. */
export function sweepSchedule(): (rows: number, now: number) => boolean {
  let additions = 0;
  let last = Number.NEGATIVE_INFINITY;
  return (rows, now) => {
    additions += rows;
    if (additions < SWEEP_EVERY_ADDITIONS && now - last < SWEEP_EVERY_MS) return false;
    additions = 0;
    last = now;
    return true;
  };
}

/**
 * Counts kept in this process only: for a single process with no shared store. Bounded: windows that have
 * ended are dropped every {@link SWEEP_EVERY} additions.
 */
export function memoryCounters(now: () => number = Date.now): Counters {
  const counts = new Map<string, { count: number; expiresAt: number }>();
  const sweepDue = sweepSchedule();
  return {
    async add(increments) {
      const { rows, rowOf } = groupIncrements(increments);
      const t = now();
      if (sweepDue(rows.length, t)) for (const [id, c] of counts) if (c.expiresAt <= t) counts.delete(id);
      const totals = rows.map((r) => {
        const id = `${r.hash}@${r.windowStart}`;
        const c = counts.get(id) ?? { count: 0, expiresAt: r.expiresAt };
        c.count += r.by;
        counts.set(id, c);
        return c.count;
      });
      return rowOf.map((i) => totals[i]!);
    },
  };
}
