/**
 * The PostgreSQL store, for several Trygg instances sharing one database (`DATABASE_URL`). Same contract as
 * the embedded store (test/store/contract.ts); what several instances need on top: eTag checks, outbox
 * leases, case numbers, dedupe and job runs are each decided by one atomic statement in the database,
 * migrations run under an advisory lock, and `locks` serialises the turns of one conversation across
 * instances (session advisory locks, `postgres/locks.ts`). All SQL lives in `src/store/postgres/`.
 *
 * The connection string is never logged or put into an error. To keep the tables in a schema other than
 * `public`, add `?options=-c%20search_path%3Dtrygg` to the URL (the schema must exist).
 */
import { KeyedMutex, layeredLocks } from './locks.ts';
import type { Store, StoreOptions } from './types.ts';
import { postgresActivities } from './postgres/activities.ts';
import { AuditHasher } from './audit-key.ts';
import { postgresAudit, postgresStaffAudit, rekeyLegacyAudit } from './postgres/audit.ts';
import { postgresCards } from './postgres/cards.ts';
import { postgresCases } from './postgres/cases.ts';
import { postgresIncidents } from './postgres/incidents.ts';
import { postgresCounters } from './postgres/counters.ts';
import { postgresCalls } from './postgres/calls.ts';
import { PgDb, type PostgresPoolOptions } from './postgres/db.ts';
import { postgresJobs } from './postgres/jobs.ts';
import { postgresLocks } from './postgres/locks.ts';
import { checkSchema, migrateDb, type MigrationResult } from './postgres/migrations.ts';
import { postgresOutbox } from './postgres/outbox.ts';
import { postgresPrivacy } from './postgres/privacy.ts';
import { postgresJobOccurrences, postgresReports } from './postgres/report.ts';
import { postgresShifts } from './postgres/shifts.ts';
import { postgresState } from './postgres/state.ts';

export { POSTGRES_SCHEMA_VERSION, type MigrationResult } from './postgres/migrations.ts';
export type { PostgresPoolOptions } from './postgres/db.ts';

/** Options for the PostgreSQL store. */
export interface PostgresStoreOptions extends StoreOptions {
  /** `DATABASE_URL`: a PostgreSQL connection string (`postgres://user:password@host:5432/db`). */
  databaseUrl: string;
  /** Pool size and timeouts. */
  pool?: PostgresPoolOptions;
  /** Names this instance in outbox leases and job runs (`leased_by`); default host, pid and a random part. */
  instanceId?: string;
}

/**
 * Open the PostgreSQL store: connect, bring the schema up to date (waiting for another instance that is
 * migrating), and resolve with a `Store` on a connection pool. Rejects with a `StoreError` when the
 * database cannot be reached or has a newer schema.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { databaseUrl, now = () => new Date(), processedTtlMs, pool, instanceId, auditKey } = options;
  const db = new PgDb(databaseUrl, now, pool, instanceId);
  const hasher = new AuditHasher(auditKey);
  try {
    await migrateDb(db);
    if (auditKey !== undefined) await rekeyLegacyAudit(db, hasher);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    state: postgresState(db),
    config: postgresState(db, 'config'),
    cases: postgresCases(db),
    cards: postgresCards(db),
    incidents: postgresIncidents(db, hasher),
    audit: postgresAudit(db, hasher),
    staffAudit: postgresStaffAudit(db),
    activities: postgresActivities(db, processedTtlMs),
    shifts: postgresShifts(db),
    outbox: postgresOutbox(db),
    counters: postgresCounters(db),
    calls: postgresCalls(db),
    jobs: postgresJobs(db),
    jobOccurrences: postgresJobOccurrences(db),
    reports: postgresReports(db),
    locks: layeredLocks(new KeyedMutex(), postgresLocks(db)),
    ...postgresPrivacy(db, hasher),
    ping: () => checkSchema(db.sql),
    close: () => db.close(),
  };
}

/** Bring the database's schema up to date and report its version (`trygg migrate`). */
export async function migrate(databaseUrl: string): Promise<MigrationResult> {
  const db = new PgDb(databaseUrl, () => new Date(), { max: 1 });
  try {
    return await migrateDb(db);
  } finally {
    await db.close();
  }
}
