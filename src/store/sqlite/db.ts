/**
 * A thin handle on one `node:sqlite` connection: cached prepared statements, named parameters, write
 * transactions, the store's clock, and a clear error once closed.
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { StoreClosedError } from '../errors.ts';
import { migrate } from './migrations.ts';

/** Named parameters; SQL refers to them as `$name`. */
export type Params = Record<string, SQLInputValue>;

/** How long a connection waits for another one's write lock before giving up, in ms. */
const BUSY_TIMEOUT_MS = 5_000;

/** Compiled patterns of `regexp`, few and reused (one per phone number searched). */
const patterns = new Map<string, RegExp>();

/** SQLite's `X REGEXP Y` calls `regexp(Y, X)`: 1 when the text `X` matches the pattern `Y`. */
function regexp(pattern: unknown, text: unknown): number {
  if (typeof pattern !== 'string' || typeof text !== 'string') return 0;
  let re = patterns.get(pattern);
  if (!re) {
    if (patterns.size > 100) patterns.clear();
    re = new RegExp(pattern);
    patterns.set(pattern, re);
  }
  return re.test(text) ? 1 : 0;
}

export class SqliteDb {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #clock: () => Date;
  #open = true;

  /** Open (creating if needed) and migrate the database at `location` (a file path or `:memory:`). */
  constructor(location: string, clock: () => Date) {
    this.#clock = clock;
    this.#db = new DatabaseSync(location, { timeout: BUSY_TIMEOUT_MS, enableForeignKeyConstraints: true });
    try {
      if (location !== ':memory:') {
        // WAL lets readers work while a writer commits; NORMAL sync is durable across process crashes in WAL.
        this.#db.exec('PRAGMA journal_mode = WAL');
        this.#db.exec('PRAGMA synchronous = NORMAL');
      }
      // `text REGEXP pattern` (SQLite has the operator but no function behind it): the phone search.
      this.#db.function('regexp', { deterministic: true }, regexp);
      migrate(this);
    } catch (error) {
      this.#db.close();
      throw error;
    }
  }

  /** The store's clock, in epoch ms. */
  now(): number {
    return this.#clock().getTime();
  }

  /** Run a statement that returns no rows; resolves with the number of rows changed. */
  run(sql: string, params: Params = {}): number {
    return Number(this.#prepare(sql).run(params).changes);
  }

  /** All rows of a query. */
  all<Row>(sql: string, params: Params = {}): Row[] {
    return this.#prepare(sql).all(params) as Row[];
  }

  /** The first row of a query, or undefined. */
  get<Row>(sql: string, params: Params = {}): Row | undefined {
    return this.#prepare(sql).get(params) as Row | undefined;
  }

  /** Run several statements (schema changes); no parameters. */
  exec(sql: string): void {
    this.#check();
    this.#db.exec(sql);
  }

  /**
   * Run `fn` in a transaction: a write transaction by default (`BEGIN IMMEDIATE`, so a second connection
   * waits for the lock up front instead of failing half-way), or a read snapshot. Commits when `fn` returns,
   * rolls back when it throws. Inside a transaction already, `fn` simply joins it. `fn` must be synchronous:
   * nothing else may run on this connection meanwhile.
   */
  transaction<T>(fn: () => T, mode: 'write' | 'read' = 'write'): T {
    this.#check();
    if (this.#db.isTransaction) return fn();
    this.#db.exec(mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN');
    try {
      const result = fn();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Close the connection; harmless when already closed. */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#statements.clear();
    this.#db.close();
  }

  #prepare(sql: string): StatementSync {
    this.#check();
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #check(): void {
    if (!this.#open) throw new StoreClosedError();
  }
}
