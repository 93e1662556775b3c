/**
 * Limits over the store's shared counters (`store.counters`), cheap enough for every turn: the abuse limits,
 * the outbound SMS cap, the model's call caps and the new-case caps all take from one `Quotas`.
 *
 * How it stays cheap: under a limit of N per window, an instance may hold up to ⌊N/10⌋ admitted events of a
 * key that the store has not counted yet (its "local allowance"); they go to the store in one batch for all
 * keys every second. When its unsent events reach the allowance, or when the count it last heard from the
 * store plus its unsent events comes within the allowance of N, the instance adds the event in the store
 * first (one atomic addition, which also sends what was unsent) and decides on the total. A turn far below
 * its limits makes no store round trip; a key near its limit (its last ⌊N/10⌋ events) makes one per event;
 * a key over its limit makes none (counts only grow within a window: once over, over until it ends).
 *
 * The guarantee, per key and window (fixed windows: `floor(now / windowMs)`):
 * - one instance admits at most N (it may refuse slightly early while a batch is on its way);
 * - k instances together admit at most N + (k − 1) × ⌊N/10⌋, and exactly at most N for an `exact` limit or
 *   N < 10, where every event asks the store first;
 * - the store's count includes an instance's admitted events within about a second (`flushMs`).
 * If the store cannot be reached, an instance decides on what it knows (its own counts) and says so once
 * in the log: limits then hold per instance, as before they were shared.
 */
import type { Logger } from '../log.ts';
import type { Counters } from './types/counters.ts';

/** A cap: at most `max` events per fixed window of `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

/** What `take` decided. */
export interface QuotaVerdict {
  /** The event is within the limit (and was counted). */
  ok: boolean;
  /**
   * This refusal is the first for the key in its window across all instances (as far as the store could
   * tell): the moment to tell someone, once.
   */
  firstRefusal: boolean;
}

/** Options for {@link Quotas}. */
export interface QuotaOptions {
  /** The clock, epoch ms (tests pass their own). */
  now?: () => number;
  /** How often unsent counts go to the store, ms (default 1000). */
  flushMs?: number;
  /** Where a failing store is reported (once until it works again). */
  log?: Pick<Logger, 'warn'>;
  /** Most keys kept in memory (default 100,000); windows that ended are dropped first. */
  maxKeys?: number;
}

interface Entry {
  key: string;
  windowStart: number;
  windowMs: number;
  /** The store's count when last heard (including this instance's events sent by then). */
  known: number;
  /** Admitted here, not yet sent. */
  pending: number;
  /** Sent in a batch that has not been answered yet. */
  inflight: number;
  /** This instance already asked the store whether a refusal was the first. */
  refusalAsked: boolean;
}

/** Shared limits with a local allowance; see the module comment for the guarantee. */
export class Quotas {
  readonly #counters: Counters;
  readonly #now: () => number;
  readonly #flushMs: number;
  readonly #log: Pick<Logger, 'warn'> | undefined;
  readonly #maxKeys: number;
  readonly #entries = new Map<string, Entry>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> | undefined;
  #storeDown = false;

  constructor(counters: Counters, options: QuotaOptions = {}) {
    this.#counters = counters;
    this.#now = options.now ?? Date.now;
    this.#flushMs = options.flushMs ?? 1_000;
    this.#log = options.log;
    this.#maxKeys = options.maxKeys ?? 100_000;
  }

  /**
   * Counts one event for `key` if it is within `limit`. `exact`: always ask the store (no local allowance),
   * for rare events whose cap must hold exactly across instances. Never rejects.
   */
  async take(key: string, limit: Limit, options: { exact?: boolean } = {}): Promise<QuotaVerdict> {
    const e = this.#entry(key, limit.windowMs);
    // Over already: counts only grow within a window, so no need to ask.
    if (e.known >= limit.max) return { ok: false, firstRefusal: await this.#firstRefusal(e) };
    const allowance = options.exact ? 0 : Math.floor(limit.max / 10);
    const unsent = e.pending + e.inflight;
    // Locally only while far below: in the last `allowance` events every event asks, so that an instance
    // sees the others' counts (sent every second) before it takes the last ones.
    if (unsent < allowance && e.known + unsent + 1 <= limit.max - allowance) {
      e.pending++;
      this.#schedule();
      return { ok: true, firstRefusal: false };
    }
    // Near the limit or past the allowance: add this event (and what is pending) in the store, then decide.
    const by = e.pending + 1;
    e.pending = 0;
    let ok: boolean;
    try {
      const [total] = await this.#counters.add([{ key, windowStart: e.windowStart, windowMs: e.windowMs, by }]);
      this.#healthy();
      e.known = Math.max(e.known, total!);
      // A batch still on its way may or may not be in `total`: count it, to err on the side of the limit.
      ok = total! + e.inflight <= limit.max;
    } catch (err) {
      this.#failed(err);
      e.pending += by;
      ok = e.known + e.pending + e.inflight <= limit.max;
      if (!ok) e.pending--; // a refused event does not count locally
    }
    return { ok, firstRefusal: ok ? false : await this.#firstRefusal(e) };
  }

  /** Sends every unsent count to the store now (one batch). Resolves when done; never rejects. */
  async flush(): Promise<void> {
    if (this.#flushing) await this.#flushing;
    const batch = [...this.#entries.values()].filter((e) => e.pending > 0);
    if (!batch.length) return;
    const sizes = batch.map((e) => e.pending);
    for (const e of batch) {
      e.inflight += e.pending;
      e.pending = 0;
    }
    const run = (async () => {
      try {
        const totals = await this.#counters.add(
          batch.map((e, i) => ({ key: e.key, windowStart: e.windowStart, windowMs: e.windowMs, by: sizes[i]! })),
        );
        this.#healthy();
        batch.forEach((e, i) => (e.known = Math.max(e.known, totals[i]!)));
      } catch (err) {
        this.#failed(err);
        // Kept, to be sent with the next batch.
        batch.forEach((e, i) => (e.pending += sizes[i]!));
      } finally {
        batch.forEach((e, i) => (e.inflight -= sizes[i]!));
      }
    })();
    this.#flushing = run;
    await run;
    if (this.#flushing === run) this.#flushing = undefined;
  }

  /** Keys (per window) held in memory, for diagnostics. */
  get trackedKeys(): number {
    return this.#entries.size;
  }

  /** Stops the timer and sends what is unsent (shutdown). */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }

  #entry(key: string, windowMs: number): Entry {
    const t = this.#now();
    const windowStart = Math.floor(t / windowMs) * windowMs;
    const id = `${windowMs}\n${windowStart}\n${key}`;
    let e = this.#entries.get(id);
    if (!e) {
      if (this.#entries.size >= this.#maxKeys) this.#sweep(t);
      e = { key, windowStart, windowMs, known: 0, pending: 0, inflight: 0, refusalAsked: false };
      this.#entries.set(id, e);
    }
    return e;
  }

  /** Whether this refusal is the first of its key and window anywhere; asked once per instance and window. */
  async #firstRefusal(e: Entry): Promise<boolean> {
    if (e.refusalAsked) return false;
    e.refusalAsked = true;
    try {
      const [n] = await this.#counters.add([
        { key: `${e.key}#refused`, windowStart: e.windowStart, windowMs: e.windowMs, by: 1 },
      ]);
      this.#healthy();
      return n === 1;
    } catch (err) {
      this.#failed(err);
      return true;
    }
  }

  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.#flushMs);
    this.#timer.unref?.();
  }

  /** Drops windows that ended (their unsent counts no longer matter); still full, the oldest half. */
  #sweep(t: number): void {
    for (const [id, e] of this.#entries) if (e.windowStart + e.windowMs <= t) this.#entries.delete(id);
    if (this.#entries.size >= this.#maxKeys)
      [...this.#entries.keys()].slice(0, this.#maxKeys / 2).forEach((id) => this.#entries.delete(id));
  }

  #failed(err: unknown): void {
    if (this.#storeDown) return;
    this.#storeDown = true;
    this.#log?.warn({ err }, 'shared counters unreachable: limits are counted on this instance only');
  }

  #healthy(): void {
    this.#storeDown = false;
  }
}
