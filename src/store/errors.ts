/**
 * What can go wrong in the store. Messages say what failed and what to do, and never carry personal data:
 * no phone numbers, no state keys (they hold conversation ids, which can be phone numbers), no message text.
 */

/** Base class: catch this to handle any store failure. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/**
 * An optimistic-concurrency check failed: a state item was written with a stale eTag, or a case was not in
 * the status the update required. Read again and retry, or give up.
 */
export class StoreConflictError extends StoreError {
  override name = 'StoreConflictError';
}

/** The record an update referred to does not exist (never created, purged or erased). */
export class StoreNotFoundError extends StoreError {
  override name = 'StoreNotFoundError';
}

/** The input does not fit the store's schema; the message names the fields, not their values. */
export class StoreValidationError extends StoreError {
  override name = 'StoreValidationError';
}

/** The store was used after `close()`. */
export class StoreClosedError extends StoreError {
  override name = 'StoreClosedError';

  constructor() {
    super('The store is closed; open a new one with openStore().');
  }
}
