/**
 * Locks that hold across every instance on the database: a session-level advisory lock on
 * `hashtextextended(key, 0)`, taken on a connection of its own (from the lock pool) and held while `fn`
 * runs, then released with `pg_advisory_unlock`.
 *
 * - The wait is bounded: `lock_timeout` makes the server give up (SQLSTATE 55P03) after the time left, and a
 *   client-side guard gives up a little later should the server not answer at all; either way the caller
 *   gets `LockTimeoutError` and `fn` does not run.
 * - A lock never outlives its session. When the release fails, or the connection broke, or the guard gave
 *   up, the connection is destroyed instead of returned to the pool, and the server drops its locks. An
 *   instance that dies (SIGKILL, crash) loses its connections and with them its locks; for a host that
 *   vanishes without closing its sockets the lock sessions use short server-side TCP keepalives, so the
 *   server notices within about half a minute (and waiters stop waiting after their timeout anyway).
 * - Two different keys can hash to the same 64-bit value; then they merely wait for each other.
 * - Needs session-level connections: through a PgBouncer in transaction mode these locks do not hold.
 */
import pg from 'pg';
import { checkLockKey, DEFAULT_LOCK_TIMEOUT_MS, LockTimeoutError, lockTimeout } from '../locks.ts';
import type { Locks } from '../types.ts';
import { toStoreError, type PgDb } from './db.ts';

/** How much longer than the lock timeout the client waits for the server's answer before destroying the connection. */
const GUARD_MS = 3_000;

/** Connections already given their keepalive settings. */
const prepared = new WeakSet<pg.PoolClient>();

type Acquired = 'acquired' | 'timeout' | 'broken';

async function prepare(client: pg.PoolClient): Promise<void> {
  if (prepared.has(client)) return;
  try {
    // Notice a vanished peer in ~30 s rather than the OS default of hours. Ignored on a Unix socket; an
    // error on a platform without these options is harmless (the lock timeout still bounds every wait).
    await client.query(
      "SELECT set_config('tcp_keepalives_idle', '15', false), set_config('tcp_keepalives_interval', '5', false), set_config('tcp_keepalives_count', '3', false)",
    );
  } catch {
    /* keep the defaults */
  }
  prepared.add(client);
}

async function acquire(client: pg.PoolClient, key: string, ms: number): Promise<Acquired> {
  await prepare(client);
  // The statement timeout must not cut the wait short, nor the store's default of 15 s apply.
  await client.query("SELECT set_config('lock_timeout', $1, false), set_config('statement_timeout', $2, false)", [
    `${Math.ceil(ms)}ms`,
    `${Math.ceil(ms) + 1_000}ms`,
  ]);
  const locking = client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<'broken'>((resolve) => {
    timer = setTimeout(() => resolve('broken'), ms + GUARD_MS);
  });
  try {
    return await Promise.race([locking.then(() => 'acquired' as const), guard]);
  } catch (error) {
    if (error instanceof pg.DatabaseError && (error.code === '55P03' || error.code === '57014')) return 'timeout';
    throw toStoreError(error);
  } finally {
    clearTimeout(timer);
    locking.catch(() => {}); // settled after the guard gave up: the connection is destroyed anyway
  }
}

export function postgresLocks(db: PgDb): Locks {
  return {
    async withLock<T>(key: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T> {
      checkLockKey(key);
      const ms = lockTimeout(timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
      const deadline = Date.now() + ms;
      const client = await db.lockClient(ms);
      if (!client) throw new LockTimeoutError();
      let broken = false;
      // A held connection that breaks emits 'error'; without a listener that would end the process.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        let got: Acquired;
        try {
          got = await acquire(client, key, Math.max(1, deadline - Date.now()));
        } catch (error) {
          broken = true;
          throw toStoreError(error);
        }
        if (got === 'broken') broken = true;
        if (got !== 'acquired') throw new LockTimeoutError();
        try {
          return await fn();
        } finally {
          try {
            const { rows } = await client.query<{ released: boolean }>(
              'SELECT pg_advisory_unlock(hashtextextended($1, 0)) AS released',
              [key],
            );
            if (rows[0]?.released !== true) broken = true;
          } catch {
            broken = true; // closing the session releases the lock
          }
        }
      } finally {
        client.removeListener('error', onError);
        client.release(broken || undefined);
      }
    },
  };
}
