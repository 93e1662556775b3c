/**
 * Delivers the durable outbox: staff cards and thread posts to Teams, and proactive messages to tenants.
 * - One item at a time: each is claimed on its own lease just before it is sent, and settled (done, retry,
 *   dead) only under that lease, so an item another instance has taken over is left to it.
 * - A delivery gets an AbortSignal and a deadline below the lease: a send still running then is aborted and
 *   the item retried, so no instance is still sending when another may take the item over.
 * - Retries with exponential backoff and jitter on 429 (honouring Retry-After), 408, 412, 5xx and network
 *   errors; keeps to Teams' per-thread rate.
 * - A failing store does not stop it: a failed pass is logged as an alert and the next one waits longer.
 * What this guarantees, and when Teams can get a card twice, is written in the README ("Staff in Microsoft
 * Teams") and proved in test/channels/teams/exactly-once.test.ts.
 */
import { ALERTS, Alerts, type AlertCode, type AlertFields } from '../../alerts.ts';
import { NOTICE } from '../../cases/notices.ts';
import { withAbortingDeadline } from '../../deadline.ts';
import type { Logger } from '../../log.ts';
import { StoreNotFoundError, type OutboxItem, type Store } from '../../store/index.ts';

/** Delivers one item; throws to retry. Gives `signal` to every call it makes that can be aborted. */
export type Deliver = (item: OutboxItem, signal: AbortSignal) => Promise<void>;

/** Statuses worth another try; anything else (400, 401, 403, 404) will not get better by waiting. */
const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);

export interface OutboxWorkerOptions {
  store: Store;
  deliver: Deliver;
  log: Logger;
  now?: () => Date;
  /** Polling interval when idle. */
  pollMs?: number;
  /** Longest wait between passes after failing ones (the store is down); doubles from `pollMs` up to this. */
  maxPollBackoffMs?: number;
  /** Items one pass delivers at most before the next poll (each is claimed on its own). */
  batch?: number;
  /** Where alerts go (no channel registered, a card refused for good, a failing pass); a log-only one by default. */
  alerts?: Alerts;
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
   * How long one delivery may take before it is aborted and counts as failed (and is retried), so that a
   * hanging Teams call cannot stop every other card. Must leave at least a quarter of the lease to settle
   * the item, so no other instance takes it over while it is still being sent.
   */
  deliverTimeoutMs?: number;
}

/**
 * A delivery that cannot happen until an operator acts (no Teams channel registered for the route): the
 * item raises `alert` on every attempt and stays pending, retried with backoff and never given up.
 */
export class WaitingError extends Error {
  override name = 'WaitingError';
  readonly retryable = true;
  readonly alert: AlertCode;
  readonly fields: AlertFields;
  constructor(alert: AlertCode, message: string, fields: AlertFields = {}) {
    super(message);
    this.alert = alert;
    this.fields = fields;
  }
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
  private readonly o: Required<Omit<OutboxWorkerOptions, 'threadOf' | 'alerts'>> &
    Pick<OutboxWorkerOptions, 'threadOf'>;
  private readonly alerts: Alerts;
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private running: Promise<void> | undefined;
  private again = false;
  /** Set while `stop` waits for the pass in flight: it ends after the item it is on. */
  private halting = false;
  /** The item claimed and not settled yet (given back by `release`). */
  private held: OutboxItem | undefined;
  /** Set by `release`: nothing more is claimed. */
  private released = false;
  /** Passes failed in a row; the poll backs off while it is above 0. */
  private failures = 0;
  private readonly lastSend = new Map<string, number>();

  constructor(options: OutboxWorkerOptions) {
    this.o = {
      now: () => new Date(),
      pollMs: 1000,
      maxPollBackoffMs: 30_000,
      batch: 20,
      leaseMs: 30_000,
      baseDelayMs: 1000,
      maxDelayMs: 5 * 60_000,
      maxAttempts: 12,
      perThreadGapMs: 150,
      deliverTimeoutMs: 20_000,
      ...options,
    };
    this.alerts = options.alerts ?? new Alerts(options.log);
    if (this.o.deliverTimeoutMs > this.o.leaseMs * 0.75)
      throw new RangeError('outbox: deliverTimeoutMs must leave a quarter of leaseMs to settle the item');
  }

  /** Whether a delivery pass is in flight. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** The next poll after `ms`; polling never stops on an error, it only waits longer. */
  private schedule(ms: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.kick();
      this.failures = 0;
    } catch (err) {
      this.failures++;
      void this.alerts.raise(ALERTS.outboxFailing, 'outbox: a delivery pass failed; backing off', {
        err,
        attempts: this.failures,
      });
    }
    const backoff = Math.min(this.o.maxPollBackoffMs, this.o.pollMs * 2 ** this.failures);
    this.schedule(this.failures ? backoff / 2 + Math.random() * (backoff / 2) : this.o.pollMs);
  }

  /** Runs a delivery pass now (or right after the one in progress). Rejects when the pass failed. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let full: boolean;
        do {
          this.again = false;
          // A full batch means more may be due: go on at once rather than at the next poll.
          full = (await this.pass()) >= this.o.batch;
        } while ((this.again || full) && !this.halting);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /**
   * Stops polling and waits for the item in flight (graceful shutdown), then delivers at most one more batch
   * of what is due.
   */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.halting = true; // however much is due, the pass in flight ends after its current item
    await this.running?.catch(() => {}); // already alerted by its tick, or by the caller that kicked it
    this.halting = false;
    await this.pass().catch((err) => this.o.log.error({ err }, 'outbox: final flush failed'));
  }

  /**
   * One pass: claim one due item, deliver it, settle it; again, up to `batch` items. Returns the number of
   * items handled. Claiming item by item keeps every lease as short as one delivery, and lets a card
   * enqueued meanwhile take its fair turn (see `Outbox.claimDue`).
   */
  async pass(): Promise<number> {
    let handled = 0;
    while (handled < this.o.batch && !this.halting && !this.released) {
      const [item] = await this.o.store.outbox.claimDue(this.o.now(), 1, this.o.leaseMs);
      if (!item) break;
      this.held = item;
      try {
        await this.deliverOne(item);
      } finally {
        if (this.held === item) this.held = undefined;
      }
      handled++;
    }
    return handled;
  }

  /**
   * Shutdown that cannot wait for `stop` any longer: claims nothing more, and gives back the item this worker
   * holds and has not settled (due at once under its lease, so another instance delivers it now rather than
   * when the lease runs out). Its delivery may still be running: the outbox is at least once. Resolves with
   * the number of items given back.
   */
  async release(): Promise<number> {
    this.released = true;
    const item = this.held;
    this.held = undefined;
    if (!item?.lease) return 0;
    try {
      return (await this.o.store.outbox.fail(item.id, item.lease, 'released at shutdown', this.o.now())) ? 1 : 0;
    } catch (err) {
      this.o.log.warn({ err, kind: item.kind, caseId: item.caseId }, 'outbox: could not give back a lease');
      return 0;
    }
  }

  private async deliverOne(item: OutboxItem): Promise<void> {
    const thread = this.o.threadOf?.(item);
    if (thread) {
      const wait = (this.lastSend.get(thread) ?? 0) + this.o.perThreadGapMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.lastSend.set(thread, Date.now());
      if (this.lastSend.size > 5000) this.lastSend.clear();
    }
    const about = { kind: item.kind, caseId: item.caseId, attempts: item.attempts };
    const ms = this.o.deliverTimeoutMs;
    let delivered = false;
    let settled: boolean | 'erased' = false;
    try {
      try {
        await withAbortingDeadline(
          (signal) => this.o.deliver(item, signal),
          ms,
          () => new DeliveryTimeoutError(`delivery did not finish within ${ms} ms`),
        );
        delivered = true;
      } catch (err) {
        settled = await this.failed(item, err);
      }
      // A store error here ends the pass (the tick backs off); the item's lease runs out and it is sent again.
      if (delivered) settled = await this.o.store.outbox.complete(item.id, item.lease!);
    } catch (err) {
      // Purged or erased (`trygg forget`) while it was being delivered: there is nothing left to settle.
      if (!(err instanceof StoreNotFoundError)) throw err;
      settled = 'erased';
      this.o.log.info(about, 'outbox: the item was erased while it was delivered');
    }
    // Taken over by another instance (this one was too slow): that one delivers and settles it now.
    if (!settled) this.o.log.warn(about, 'outbox: the lease was taken over; leaving the item to its new holder');
  }

  /** Records a failed delivery: retry with backoff, or give up. Resolves whether the lease still held. */
  private async failed(item: OutboxItem, err: unknown): Promise<boolean> {
    const about = { kind: item.kind, caseId: item.caseId, attempts: item.attempts };
    const { status, retryAfterMs } = httpFailure(err);
    const reason = status ? `HTTP ${status}` : ((err as Error)?.name ?? 'error');
    const waiting = err instanceof WaitingError;
    const retryable =
      status === undefined || RETRYABLE.has(status) || (err as { retryable?: boolean }).retryable === true;
    if (!waiting && (!retryable || item.attempts >= this.o.maxAttempts)) {
      this.o.log.error({ ...about, reason }, 'outbox: giving up on a delivery');
      const settled = await this.o.store.outbox.fail(item.id, item.lease!, reason, null);
      if (settled && item.kind === NOTICE.card)
        await this.alerts.raise(ALERTS.cardRejected, 'outbox: Teams refused a case card for good', {
          ...about,
          reason,
        });
      return settled;
    }
    const backoff = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** Math.max(0, item.attempts - 1));
    const jittered = backoff / 2 + Math.random() * (backoff / 2);
    const delay = Math.max(retryAfterMs ?? 0, jittered);
    if (waiting)
      await this.alerts.raise(err.alert, `outbox: ${err.message}; the item waits`, { ...about, ...err.fields });
    else this.o.log.warn({ ...about, reason, retryInMs: Math.round(delay) }, 'outbox: delivery failed, will retry');
    return this.o.store.outbox.fail(item.id, item.lease!, reason, new Date(this.o.now().getTime() + delay));
  }
}
