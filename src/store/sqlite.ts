/**
 * The embedded store: one SQLite file (`${dataDir}/trygg.db`) through Node's built-in `node:sqlite`, in WAL
 * mode so the bot and the CLI can use it at the same time. Synchronous underneath, async outside, so the
 * PostgreSQL store can take its place behind the same interface.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store, StoreOptions } from './types.ts';
import { sqliteActivities } from './sqlite/activities.ts';
import { AuditHasher } from './audit-key.ts';
import { rekeyLegacyAudit, sqliteAudit, sqliteStaffAudit } from './sqlite/audit.ts';
import { sqliteCards } from './sqlite/cards.ts';
import { sqliteCases } from './sqlite/cases.ts';
import { sqliteIncidents } from './sqlite/incidents.ts';
import { sqliteCounters } from './sqlite/counters.ts';
import { sqliteCalls } from './sqlite/calls.ts';
import { SqliteDb } from './sqlite/db.ts';
import { checkSchema } from './sqlite/migrations.ts';
import { sqliteOutbox } from './sqlite/outbox.ts';
import { sqliteJobOccurrences, sqliteReports } from './sqlite/report.ts';
import { sqlitePrivacy } from './sqlite/privacy.ts';
import { sqliteShifts } from './sqlite/shifts.ts';
import { sqliteState } from './sqlite/state.ts';

/** The database file's name inside the data directory. */
export const SQLITE_FILE_NAME = 'trygg.db';

/** Options for the embedded store. */
export interface SqliteStoreOptions extends StoreOptions {
  /**
   * Directory for `trygg.db` (created if missing), or `':memory:'` for a private in-memory database that is
   * gone on `close()` (tests).
   */
  dataDir: string;
}

/** Open (creating and migrating as needed) the embedded store. */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const { dataDir, now = () => new Date(), processedTtlMs, auditKey } = options;
  let location = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    location = join(dataDir, SQLITE_FILE_NAME);
  }
  const db = new SqliteDb(location, now);
  const hasher = new AuditHasher(auditKey);
  if (auditKey !== undefined) rekeyLegacyAudit(db, hasher);
  return {
    state: sqliteState(db),
    config: sqliteState(db, 'config'),
    cases: sqliteCases(db),
    cards: sqliteCards(db),
    incidents: sqliteIncidents(db, hasher),
    audit: sqliteAudit(db, hasher),
    staffAudit: sqliteStaffAudit(db),
    activities: sqliteActivities(db, processedTtlMs),
    shifts: sqliteShifts(db),
    outbox: sqliteOutbox(db),
    counters: sqliteCounters(db),
    jobOccurrences: sqliteJobOccurrences(db),
    reports: sqliteReports(db),
    calls: sqliteCalls(db),
    ...sqlitePrivacy(db, hasher),
    async ping() {
      checkSchema(db);
    },
    async close() {
      db.close();
    },
  };
}
