/**
 * Turn serialisation, so two turns of one conversation never interleave, and the eTag-checked save that
 * backs it up where the lock could not be had.
 *
 * - `KeyedMutex`: an in-process lock per key, first come first served, with a timeout. Alone it serialises
 *   one instance's turns (the embedded store has one instance); in front of a shared lock it keeps each
 *   instance to one waiter per key, so a busy conversation holds one database connection, not one per turn.
 * - `layeredLocks(local, shared)`: the in-process lock, then the shared one (PostgreSQL advisory locks, see
 *   `src/store/postgres/locks.ts`), within one overall timeout.
 * - `locksFor(store)`: the store's own locks, or an in-process one per store object.
 * - `saveChecked`: writes a state item with the eTag it was read with; when another writer got there first
 *   (a lock that timed out, or a writer that takes no lock) it reads the item again, merges three ways
 *   (what was read, what this turn made of it, what is stored now) and writes again.
 *
 * Nothing here knows about dialogs: the merge of two turns' conversation state is the conversation's own
 * policy (`TryggConversation.onMessage`).
 */
import type { Storage } from 'botbuilder';
import { StoreConflictError, StoreError, StoreValidationError } from './errors.ts';
import type { Locks, Store } from './types.ts';

/** How long a turn waits for its conversation's lock by default. */
export const DEFAULT_LOCK_TIMEOUT_MS = 15_000;

/** The lock was not had within the timeout; the work was not run. */
export class LockTimeoutError extends StoreError {
  override name = 'LockTimeoutError';
  constructor() {
    // The key is left out: lock keys carry conversation ids, which can be phone numbers.
    super('Timed out waiting for a lock; another turn of the same conversation is still running or stuck.');
  }
}

/** The timeout a caller asked for, checked; undefined = the default. */
export function lockTimeout(timeoutMs: number | undefined): number {
  const ms = timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
    throw new StoreValidationError('Invalid lock timeout: expected ms ≥ 0.');
  return ms;
}

export function checkLockKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > 100_000)
    throw new StoreValidationError('Invalid lock key: expected 1 to 100000 characters.');
  return key;
}

interface Waiter {
  grant(): void;
}

/** An in-process lock per key: waiters are served in arrival order; one that waits too long gives up. */
export class KeyedMutex implements Locks {
  /** Per key: the holder first, then the waiters. A key with nobody is removed. */
  readonly #queues = new Map<string, Waiter[]>();

  async withLock<T>(key: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T> {
    await this.#acquire(checkLockKey(key), lockTimeout(timeoutMs));
    try {
      return await fn();
    } finally {
      this.#release(key);
    }
  }

  /** Keys held or waited for now (tests). */
  get size(): number {
    return this.#queues.size;
  }

  #acquire(key: string, timeoutMs: number): Promise<void> {
    const queue = this.#queues.get(key);
    if (!queue) {
      this.#queues.set(key, [{ grant: () => {} }]);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const at = queue.indexOf(waiter);
        // Index 0 is the holder: granted at the same moment, so it has the lock after all.
        if (at <= 0) return;
        queue.splice(at, 1);
        reject(new LockTimeoutError());
      }, timeoutMs);
      queue.push(waiter);
    });
  }

  #release(key: string): void {
    const queue = this.#queues.get(key);
    if (!queue) return;
    queue.shift();
    const next = queue[0];
    if (next) next.grant();
    else this.#queues.delete(key);
  }
}

/**
 * The in-process lock, then the shared one, within one timeout: of several turns of one conversation on one
 * instance only the first asks the database, the others queue in memory.
 */
export function layeredLocks(local: Locks, shared: Locks): Locks {
  return {
    withLock<T>(key: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T> {
      const ms = lockTimeout(timeoutMs);
      const deadline = Date.now() + ms;
      return local.withLock(key, () => shared.withLock(key, fn, Math.max(1, deadline - Date.now())), ms);
    },
  };
}

const localLocks = new WeakMap<object, Locks>();

/** The store's locks; for a store without (one instance), an in-process lock kept per store object. */
export function locksFor(store: Store): Locks {
  if (store.locks) return store.locks;
  let locks = localLocks.get(store);
  if (!locks) localLocks.set(store, (locks = new KeyedMutex()));
  return locks;
}

// ---------------------------------------------------------------------------------------------------------
// The checked save

/** A state item as JSON, without its eTag. */
export type StateObject = Record<string, unknown>;

/**
 * Merges two writers' versions of a state item that both started from `base`. Gets plain JSON (no eTags,
 * no undefined values) and returns what to store.
 */
export type StateMerge = (base: StateObject, ours: StateObject, theirs: StateObject) => StateObject;

/** How a checked save went. */
export type SaveOutcome = 'unchanged' | 'written' | 'merged';

/**
 * The eTag written for an item that was not stored when it was read: by the storage contract an eTag on a
 * key not stored yet writes, and on a stored key it conflicts (stored eTags are random UUIDs), so this
 * creates the item only if nobody else has meanwhile.
 */
const NOT_STORED = 'trygg:not-stored';

/** Deep equality of JSON values, object key order ignored (jsonb reorders keys). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && sameJson((a as StateObject)[k], (b as StateObject)[k]))
  );
}

/** The item as stored JSON: eTag removed, Dates as strings, undefined values dropped. */
export function plainState(item: unknown): StateObject {
  if (typeof item !== 'object' || item === null) return {};
  const { eTag: _eTag, ...rest } = item as StateObject;
  return JSON.parse(JSON.stringify(rest)) as StateObject;
}

/**
 * Three-way merge of an object's fields: a field only one side changed takes that side's value; a field
 * both changed to the same value keeps it; a field both changed differently is decided by `both`
 * (returning undefined removes the field).
 */
export function mergeFields(
  base: StateObject | undefined,
  ours: StateObject | undefined,
  theirs: StateObject | undefined,
  both: (field: string, base: unknown, ours: unknown, theirs: unknown) => unknown,
): StateObject {
  const b = base ?? {};
  const o = ours ?? {};
  const t = theirs ?? {};
  const merged: StateObject = {};
  for (const field of new Set([...Object.keys(b), ...Object.keys(o), ...Object.keys(t)])) {
    const oursChanged = !sameJson(o[field], b[field]);
    const theirsChanged = !sameJson(t[field], b[field]);
    const value = !oursChanged
      ? t[field]
      : !theirsChanged || sameJson(o[field], t[field])
        ? o[field]
        : both(field, b[field], o[field], t[field]);
    if (value !== undefined) merged[field] = value;
  }
  return merged;
}

/**
 * Three-way merge of two lists that only grow at the end (and may be trimmed at the start): what the other
 * writer has, plus what we added that it does not have, ordered by `order` (stable; the other writer's
 * entries first where equal), the oldest dropped beyond `max`.
 */
export function mergeAppended<T>(
  base: T[] | undefined,
  ours: T[] | undefined,
  theirs: T[] | undefined,
  order: (x: T) => string = () => '',
  max = Infinity,
): T[] {
  const counts = new Map<string, number>();
  const take = (list: T[] | undefined, sign: 1 | -1) => {
    for (const x of list ?? []) counts.set(JSON.stringify(x), (counts.get(JSON.stringify(x)) ?? 0) + sign);
  };
  // What ours added: in ours more often than in base or theirs.
  take(ours, 1);
  take(base, -1);
  const added = (ours ?? []).filter((x) => {
    const k = JSON.stringify(x);
    const n = counts.get(k) ?? 0;
    if (n <= 0) return false;
    counts.set(k, n - 1);
    return true;
  });
  const seen = new Map<string, number>();
  for (const x of theirs ?? []) seen.set(JSON.stringify(x), (seen.get(JSON.stringify(x)) ?? 0) + 1);
  const fresh = added.filter((x) => {
    const k = JSON.stringify(x);
    const n = seen.get(k) ?? 0;
    if (n > 0) {
      seen.set(k, n - 1);
      return false;
    }
    return true;
  });
  const all = [...(theirs ?? []), ...fresh].map((x, i) => ({ x, i, at: order(x) }));
  all.sort((p, q) => (p.at < q.at ? -1 : p.at > q.at ? 1 : p.i - q.i));
  return all.slice(Math.max(0, all.length - max)).map((e) => e.x);
}

/** A state item as a turn read it: its eTag (undefined when it was not stored) and its JSON without the eTag. */
export interface StateSnapshot {
  eTag: string | undefined;
  json: string;
}

/** Takes the snapshot of an item just read (one JSON string: cheap, and immune to later changes). */
export function snapshotState(item: unknown): StateSnapshot {
  const { eTag, ...rest } = (typeof item === 'object' && item !== null ? item : {}) as StateObject;
  return { eTag: typeof eTag === 'string' && eTag ? eTag : undefined, json: JSON.stringify(rest) };
}

/**
 * Save a state item that a turn read (`base`) and changed (`ours`, the same item as it is now), on condition
 * that nobody wrote it since: nothing is written when the turn changed nothing; otherwise it is written with
 * the eTag it was read with. On a conflict it reads the stored item, merges (`merge(base, ours, stored)`)
 * and writes that with the stored eTag, up to `attempts` times; then the conflict is thrown.
 */
export async function saveChecked(
  storage: Storage,
  key: string,
  base: StateSnapshot,
  ours: StateObject,
  merge: StateMerge,
  attempts = 5,
): Promise<SaveOutcome> {
  const { eTag: _eTag, ...data } = ours;
  const json = JSON.stringify(data);
  if (json === base.json) return 'unchanged';
  let eTag = base.eTag ?? NOT_STORED;
  let next: StateObject = data;
  for (let attempt = 1; ; attempt++) {
    try {
      await storage.write({ [key]: { ...next, eTag } });
      return attempt === 1 ? 'written' : 'merged';
    } catch (error) {
      if (!(error instanceof StoreConflictError) || attempt >= attempts) throw error;
    }
    const stored = (await storage.read([key]))[key] as StateObject | undefined;
    if (!stored) {
      // Deleted meanwhile (retention, or erased): this turn came after, so its state stands alone.
      eTag = NOT_STORED;
      next = data;
      continue;
    }
    eTag = typeof stored.eTag === 'string' && stored.eTag ? stored.eTag : '*';
    next = plainState(merge(JSON.parse(base.json) as StateObject, JSON.parse(json) as StateObject, plainState(stored)));
  }
}
