/**
 * Persistence behind small interfaces. `openStore` picks the implementation: the embedded SQLite store by
 * default, PostgreSQL when a database URL is configured.
 */
import { openSqliteStore } from './sqlite.ts';
import type { Store, StoreOptions } from './types.ts';

export * from './types.ts';
export * from './errors.ts';
export { normalizePhone } from './phone.ts';
export { AUDIT_KEY_FILE, loadAuditKey } from './audit-key.ts';
export { STAFF_REDACT_KIND, type TeamsRedaction } from './redaction.ts';
export { SQLITE_FILE_NAME } from './sqlite.ts';

/** Where to keep the data. Read from the environment by `src/config.ts`, never here. */
export interface OpenStoreOptions extends StoreOptions {
  /** `DATA_DIR`: directory of the embedded database (created if missing). */
  dataDir: string;
  /** `DATABASE_URL`: a PostgreSQL connection string; when set it replaces the embedded store. */
  databaseUrl?: string;
}

/** Open the store the configuration asks for; the caller closes it on shutdown. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { databaseUrl, ...rest } = options;
  if (databaseUrl) {
    // Loaded only when configured, so the embedded store does not load the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres.ts');
    return openPostgresStore({ ...rest, databaseUrl });
  }
  return openSqliteStore(rest);
}

/** A private in-memory store for tests: same code and schema as the embedded store, gone on `close()`. */
export async function openMemoryStore(options: StoreOptions = {}): Promise<Store> {
  return openSqliteStore({ ...options, dataDir: ':memory:' });
}
