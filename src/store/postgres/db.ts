/**
 * A thin handle on a `pg.Pool`: queries with positional parameters, transactions on one pooled connection,
 * the store's clock, a clear error once closed, and database errors turned into `StoreError`s that carry
 * no connection string, no SQL values and no row contents.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { StoreClosedError, StoreError, StoreValidationError } from '../errors.ts';

/** Pool tuning; every field has a default fit for one bot instance. */
export interface PostgresPoolOptions {
  /** Most connections this instance holds (default 10). */
  max?: number;
  /** How long to wait for a connection, in ms (default 10 s). */
  connectionTimeoutMs?: number;
  /** How long one statement may run before the server cancels it, in ms (default 15 s). */
  statementTimeoutMs?: number;
  /** How long an idle connection is kept, in ms (default 30 s). */
  idleTimeoutMs?: number;
  /**
   * Most connections held for conversation locks (default 20): a turn holds one for its whole length, taken
   * from a pool of their own so that lock holders never starve the queries they are waiting on.
   */
  lockMax?: number;
}

/** What a query resolves with. */
export interface Rows<Row> {
  rows: Row[];
  /** Rows inserted, updated, deleted or returned. */
  count: number;
}

/** Something to run SQL on: the pool (any connection) or one transaction's connection. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Rows<Row>>;
}

/** How a transaction reads: the default (read committed, read-write) or a read-only snapshot. */
export type TransactionMode = 'write' | 'snapshot';

/** SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;
/** Converted errors whose cause was a deadlock or serialization failure. */
const retryable = new WeakSet<object>();

/** Text or JSON the database cannot hold (a NUL character, an invalid escape), or a malformed value. */
const UNSTORABLE = new Set(['22P05', '22021', '22P02', '2200N', '22030', '22032', '22036']);

/**
 * A database or driver error as a `StoreError`. PostgreSQL's messages and details can quote values (a
 * state key, a phone number), and connection errors can quote the host: only the SQLSTATE or the error
 * code is kept. Errors that are already `StoreError`s, and errors thrown by the caller's own code, pass.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  if (error instanceof pg.DatabaseError) {
    const code = error.code ?? 'unknown';
    if (UNSTORABLE.has(code)) {
      return new StoreValidationError(
        `Invalid value: the database cannot store it (SQLSTATE ${code}), e.g. a NUL character in text.`,
      );
    }
    if (code === '57014')
      return new StoreError('The database cancelled a statement that ran too long (statement timeout).');
    if (code === '3F000')
      return new StoreError('The schema named in DATABASE_URL (search_path) does not exist; create it first.');
    if (code.startsWith('28'))
      return new StoreError(
        `The database refused the login (SQLSTATE ${code}); check the credentials in DATABASE_URL.`,
      );
    if (code === '3D000') return new StoreError('The database named in DATABASE_URL does not exist; create it first.');
    return new StoreError(`The database rejected an operation (SQLSTATE ${code}).`);
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const lost = typeof message === 'string' && /connect|terminat|timeout/i.test(message);
  const reason =
    typeof code === 'string' && /^[A-Z_0-9]{2,40}$/.test(code) ? code : lost ? 'connection failed' : 'driver error';
  return new StoreError(
    `Cannot use the PostgreSQL database (${reason}); check DATABASE_URL and that the server is up.`,
  );
}

export class PgDb {
  readonly #pool: pg.Pool;
  /** Connections that hold session-level advisory locks (`src/store/postgres/locks.ts`). */
  readonly #lockPool: pg.Pool;
  readonly #clock: () => Date;
  /** Names this process in outbox leases and job runs: host, process id and a random part. */
  readonly instanceId: string;
  #open = true;
  readonly sql: Sql;

  constructor(databaseUrl: string, clock: () => Date, options: PostgresPoolOptions = {}, instanceId?: string) {
    this.#clock = clock;
    this.instanceId = instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    try {
      this.#pool = new pg.Pool({
        connectionString: databaseUrl,
        max: options.max ?? 10,
        connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
        idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
        statement_timeout: options.statementTimeoutMs ?? 15_000,
        idle_in_transaction_session_timeout: 60_000,
        application_name: 'trygg',
        keepAlive: true,
      });
      // Created now, connects only when a lock is first taken (the CLI never does).
      this.#lockPool = new pg.Pool({
        connectionString: databaseUrl,
        max: options.lockMax ?? 20,
        connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
        idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
        application_name: 'trygg-locks',
        keepAlive: true,
      });
    } catch {
      // The driver's parse errors may quote the URL, password included: say only what is wrong.
      throw new StoreError('DATABASE_URL is not a valid PostgreSQL connection string.');
    }
    // An idle connection that breaks (server restart, network) is dropped from the pool; the next query
    // opens a new one. Without a listener the error would crash the process.
    this.#pool.on('error', () => {});
    this.#lockPool.on('error', () => {});
    this.sql = { query: (text, params) => this.#run(this.#pool, text, params) };
  }

  /** The store's clock, as a Date. */
  now(): Date {
    return this.#clock();
  }

  /**
   * Run `fn` in a transaction on one connection: committed when `fn` resolves, rolled back when it rejects
   * (its error passes unchanged). Retried from the start on a deadlock or serialization failure, so `fn`
   * must not have effects outside the database. `snapshot` gives a read-only, repeatable-read view.
   */
  async transaction<T>(fn: (tx: Sql) => Promise<T>, mode: TransactionMode = 'write'): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.#connect();
      const tx: Sql = { query: (text, params) => this.#run(client, text, params) };
      let broken = false;
      try {
        await tx.query(mode === 'snapshot' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
        const result = await fn(tx);
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection is gone or unusable: do not hand it out again
        }
        if (typeof error === 'object' && error !== null && retryable.has(error) && attempt < MAX_ATTEMPTS) continue;
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  /**
   * A connection for a session-level advisory lock, from the lock pool, waiting at most `timeoutMs` for one
   * (undefined when none came in time). The caller releases it, destroying it (`release(true)`) when it
   * cannot be sure the lock is gone: closing the session releases its locks.
   */
  async lockClient(timeoutMs: number): Promise<pg.PoolClient | undefined> {
    this.#check();
    const connecting = this.#lockPool.connect();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    try {
      const client = await Promise.race([connecting, late]);
      // Too late: hand the connection back when it comes.
      if (!client)
        connecting.then(
          (c) => c.release(),
          () => {},
        );
      return client;
    } catch (error) {
      throw toStoreError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Close the pools; harmless when already closed. */
  async close(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    await Promise.all([this.#pool.end(), this.#lockPool.end()]);
  }

  async #connect(): Promise<pg.PoolClient> {
    this.#check();
    try {
      return await this.#pool.connect();
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async #run<Row>(on: pg.Pool | pg.PoolClient, text: string, params: unknown[] = []): Promise<Rows<Row>> {
    this.#check();
    try {
      const result = await on.query(text, params);
      return { rows: result.rows as Row[], count: result.rowCount ?? 0 };
    } catch (error) {
      const converted = toStoreError(error);
      if (error instanceof pg.DatabaseError && RETRYABLE.has(error.code ?? '')) retryable.add(converted as object);
      throw converted;
    }
  }

  #check(): void {
    if (!this.#open) throw new StoreClosedError();
  }
}
