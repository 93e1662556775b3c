/**
 * Delivers the durable outbox: staff cards and thread posts to Teams, and proactive messages to tenants.
 * Retries with exponential backoff and jitter on 429 (honouring Retry-After), 412, 502, 503, 504 and network
 * errors; keeps to Teams' per-thread rate; idempotent, so a retry or a restart never posts a card twice.
 */
import { withDeadline } from '../../deadline.ts';
import type { Logger } from '../../log.ts';
import type { OutboxItem, Store } from '../../store/index.ts';

/** Delivers one item; throws to retry. */
export type Deliver = (item: OutboxItem) => Promise<void>;

/** Statuses worth another try; anything else (400, 401, 403, 404) will not get better by waiting. */
const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);

export interface OutboxWorkerOptions {
  store: Store;
  deliver: Deliver;
  log: Logger;
  now?: () => Date;
  /** Polling interval when idle. */
  pollMs?: number;
  /** Lease on a claimed item; another instance takes it over after this. */
  leaseMs?: number;
  /** First retry delay; doubles per attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts before an item is given up (marked dead and logged as an error). */
  maxAttempts?: number;
  /** Minimum gap between two sends to the same thread (Teams allows about 7 per second). */
  perThreadGapMs?: number;
  /** The thread an item goes to, for the rate limit. */
  threadOf?: (item: OutboxItem) => string | undefined;
  /**
   * How long one delivery may take before it counts as failed (and is retried), so that a hanging Teams
   * call cannot stop every other card. Below the lease, so no other instance takes the item meanwhile.
   */
  deliverTimeoutMs?: number;
}

/** A delivery that did not finish within `deliverTimeoutMs`. Retried like a network error. */
export class DeliveryTimeoutError extends Error {
  override name = 'DeliveryTimeoutError';
}

/** The HTTP status and Retry-After (ms) of a failed call, when it has them. */
export function httpFailure(err: unknown): { status?: number; retryAfterMs?: number } {
  const e = err as { statusCode?: number; status?: number; response?: { status?: number; headers?: unknown } };
  const status = e?.statusCode ?? e?.response?.status ?? (typeof e?.status === 'number' ? e.status : undefined);
  const headers = e?.response?.headers as
    { get?: (k: string) => string | undefined } | Record<string, string> | undefined;
  const raw =
    typeof (headers as { get?: unknown })?.get === 'function'
      ? (headers as { get: (k: string) => string | undefined }).get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  let retryAfterMs: number | undefined;
  if (raw) {
    const secs = Number(raw);
    retryAfterMs = Number.isFinite(secs) ? secs * 1000 : Math.max(0, Date.parse(raw) - Date.now());
  }
  return { ...(status ? { status } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

export class OutboxWorker {
  private readonly o: Required<Omit<OutboxWorkerOptions, 'threadOf'>> & Pick<OutboxWorkerOptions, 'threadOf'>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private readonly lastSend = new Map<string, number>();
  /** Items this worker has claimed and not settled yet (given back by `release`). */
  private readonly held = new Set<OutboxItem>();
  /** Set by `release`: nothing more is claimed. */
  private released = false;

  constructor(options: OutboxWorkerOptions) {
    this.o = {
      now: () => new Date(),
      pollMs: 1000,
      leaseMs: 30_000,
      baseDelayMs: 1000,
      maxDelayMs: 5 * 60_000,
      maxAttempts: 12,
      perThreadGapMs: 150,
      deliverTimeoutMs: 20_000,
      ...options,
    };
  }

  start(): void {
    if (this.timer) return;
    // A pass that fails (the database went away) is logged; the next poll tries again. Unhandled, the
    // rejection would end the process.
    this.timer = setInterval(
      () => void this.kick().catch((err) => this.o.log.error({ err }, 'outbox: a delivery pass failed')),
      this.o.pollMs,
    );
    this.timer.unref();
    void this.kick().catch((err) => this.o.log.error({ err }, 'outbox: a delivery pass failed'));
  }

  /** Runs a delivery pass now (or right after the one in progress). */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Stops polling and waits for the pass in flight (graceful shutdown), then delivers what is due once more. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    await this.pass().catch((err) => this.o.log.error({ err }, 'outbox: final flush failed'));
  }

  /** One pass: claim what is due and deliver it, in order. Returns the number of items handled. */
  async pass(): Promise<number> {
    if (this.released) return 0;
    const items = await this.o.store.outbox.claimDue(this.o.now(), 20, this.o.leaseMs);
    for (const item of items) this.held.add(item);
    for (const item of items) {
      if (!this.held.has(item)) continue; // given back by `release` meanwhile
      await this.deliverOne(item);
      this.held.delete(item);
    }
    return items.length;
  }

  /**
   * Shutdown that cannot wait for `stop` any longer: claims nothing more, and gives back the items this
   * worker holds and has not settled (due at once, so another instance delivers them now rather than when
   * their lease runs out). An item whose delivery is still running may then be sent twice: the outbox is at
   * least once. Resolves with the number of items given back.
   */
  async release(): Promise<number> {
    this.released = true;
    const items = [...this.held];
    this.held.clear();
    let given = 0;
    for (const item of items) {
      try {
        await this.o.store.outbox.fail(item.id, 'released at shutdown', this.o.now());
        given++;
      } catch (err) {
        this.o.log.warn({ err, kind: item.kind, caseId: item.caseId }, 'outbox: could not give back a lease');
      }
    }
    return given;
  }

  private async deliverOne(item: OutboxItem): Promise<void> {
    const thread = this.o.threadOf?.(item);
    if (thread) {
      const wait = (this.lastSend.get(thread) ?? 0) + this.o.perThreadGapMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.lastSend.set(thread, Date.now());
      if (this.lastSend.size > 5000) this.lastSend.clear();
    }
    try {
      const ms = this.o.deliverTimeoutMs;
      await withDeadline(
        this.o.deliver(item),
        ms,
        () => new DeliveryTimeoutError(`delivery did not finish within ${ms} ms`),
      );
      await this.o.store.outbox.complete(item.id);
    } catch (err) {
      const { status, retryAfterMs } = httpFailure(err);
      const retryable =
        status === undefined || RETRYABLE.has(status) || (err as { retryable?: boolean }).retryable === true;
      const reason = status ? `HTTP ${status}` : ((err as Error)?.name ?? 'error');
      if (!retryable || item.attempts >= this.o.maxAttempts) {
        this.o.log.error(
          { kind: item.kind, caseId: item.caseId, attempts: item.attempts, reason },
          'outbox: giving up on a delivery',
        );
        await this.o.store.outbox.fail(item.id, reason, null);
        return;
      }
      const backoff = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** Math.max(0, item.attempts - 1));
      const jittered = backoff / 2 + Math.random() * (backoff / 2);
      const delay = Math.max(retryAfterMs ?? 0, jittered);
      this.o.log.warn(
        { kind: item.kind, caseId: item.caseId, attempts: item.attempts, reason, retryInMs: Math.round(delay) },
        'outbox: delivery failed, will retry',
      );
      await this.o.store.outbox.fail(item.id, reason, new Date(this.o.now().getTime() + delay));
    }
  }
}
