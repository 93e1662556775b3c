/**
 * The outbox: side effects (a Teams card, an SMS to the tenant) written in the same transaction as the case
 * change that causes them, then delivered at least once by a worker that leases due items.
 */
import type { Instant, JsonValue } from './common.ts';

/**
 * Where an item is: `pending` waits for `nextAttemptAt`; `leased` is being worked on until `leaseUntil`;
 * `done` was delivered; `dead` failed for good (`fail` with no next attempt).
 */
export const OUTBOX_STATUSES = ['pending', 'leased', 'done', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** An item to enqueue. */
export interface NewOutboxItem {
  /** What to do, for the worker to dispatch on, e.g. `teams.caseCard`, `tenant.message`. */
  kind: string;
  /**
   * Idempotency key, unique across the outbox (e.g. `teams.caseCard:T-2611-0042`). Enqueuing a key that is
   * already there is a no-op that resolves with the existing item's id, so a retried turn does not send twice.
   */
  key: string;
  /** What the worker needs, as JSON. May be personal: erased by `forgetPhone` with the case it belongs to. */
  payload: JsonValue;
  /** Earliest delivery; now when left out. */
  nextAttemptAt?: Instant;
  /** The case this item belongs to; set automatically when enqueued with a case write. */
  caseId?: string;
}

/** An item as stored. */
export interface OutboxItem {
  /** Store-assigned id. */
  id: string;
  /** What to do. */
  kind: string;
  /** Idempotency key (unique). Give it to the receiving side where it supports one. */
  key: string;
  /** The case this item belongs to, if any. */
  caseId: string | null;
  /** What the worker needs. */
  payload: JsonValue;
  /** How many times the item was handed out by `claimDue` (counted at claim, so a crash counts too). */
  attempts: number;
  /** Earliest (next) delivery (ISO, UTC); null once done or dead. */
  nextAttemptAt: string | null;
  /** Where the item is. */
  status: OutboxStatus;
  /** While `leased`: when the lease runs out and the item may be handed out again (ISO, UTC). */
  leaseUntil: string | null;
  /**
   * While `leased`: the token of the claim that holds it, new on every claim. `complete` and `fail` take it,
   * so a worker whose lease was taken over cannot settle the item for the worker that holds it now.
   */
  lease: string | null;
  /** The last failure as reported to `fail` (truncated; must not contain personal data). */
  lastError: string | null;
  /** When the item was enqueued (ISO, UTC). */
  createdAt: string;
  /** When the item last changed (ISO, UTC). */
  updatedAt: string;
}

/** Filters for listing outbox items; oldest first. */
export interface OutboxQuery {
  /** Only items with this status. */
  status?: OutboxStatus;
  /** Only items of this case. */
  caseId?: string;
  /** At most this many (default 100). */
  limit?: number;
}

/** The transactional outbox. Delivery is at least once: a lease that runs out hands the item out again. */
export interface Outbox {
  /**
   * Enqueue items on their own. To enqueue with a case change, pass them to `cases.create` / `cases.update`
   * instead: that is the only way to get both written or neither. Resolves with one id per item, in order.
   */
  enqueue(items: NewOutboxItem[]): Promise<string[]>;
  /**
   * Lease up to `limit` items that are due at `now` (pending with `nextAttemptAt <= now`, or leased with an
   * expired lease). Each is leased until `now + leaseMs` under a new `lease` token, and its `attempts`
   * counted. Two workers calling at once never get the same item while its lease holds.
   *
   * Order, fair across conversations: an item's turn is its place in its conversation's queue when it was
   * enqueued (1 for the first item not yet delivered, 2 for the next, …), so the first item of every
   * conversation comes before the second of any; within a turn, oldest due first. A conversation that floods
   * the outbox does not hold back the others' cards. Items of no case are each a conversation of their own.
   */
  claimDue(now: Instant, limit: number, leaseMs: number): Promise<OutboxItem[]>;
  /**
   * Mark an item delivered, if `lease` still holds it. Resolves true when it did; false, changing nothing,
   * when another claim took the item over (or it was settled already). Rejects with `StoreNotFoundError`
   * for an unknown id.
   */
  complete(id: string, lease: string): Promise<boolean>;
  /**
   * Record a failed delivery, if `lease` still holds the item: back to `pending` at `nextAttemptAt`, or
   * `dead` when it is null. Resolves like `complete`. `error` is kept (truncated) for operators, so it must
   * not contain personal data.
   */
  fail(id: string, lease: string, error: string, nextAttemptAt: Instant | null): Promise<boolean>;
  /** The item with this id, or undefined. */
  get(id: string): Promise<OutboxItem | undefined>;
  /** Items matching the query, oldest first. */
  list(query?: OutboxQuery): Promise<OutboxItem[]>;
}
