/**
 * Windowed counts shared by every instance on the store: what the abuse limits, the outbound SMS cap, the
 * model's call caps and the new-case caps count. `src/store/quotas.ts` puts limits on top of them.
 */

/** One addition to a count in a fixed window. */
export interface CounterIncrement {
  /**
   * What is counted, e.g. `msg.phone:+46701234567`. Stored only as a SHA-256 hash, since keys may hold phone
   * numbers or conversation ids.
   */
  key: string;
  /** Start of the window, epoch ms. The caller's clock picks it (usually `floor(now / windowMs) * windowMs`). */
  windowStart: number;
  /** Length of the window, ms. The count is dropped some time after the window has ended. */
  windowMs: number;
  /** How much to add (a whole number ≥ 0); 0 only reads the count. */
  by: number;
}

/** Counts per key and window, shared by all instances on the store. */
export interface Counters {
  /**
   * Adds each increment to its key's count in its window and resolves with the counts after adding, in the
   * order given. Every addition is atomic: of several instances adding at once none is lost, and each sees a
   * total that includes its own addition. Increments for the same key and window in one call are summed, and
   * each of them resolves with the final count. Counts of windows that have ended are deleted now and then.
   */
  add(increments: readonly CounterIncrement[]): Promise<number[]>;
}
