/**
 * The PostgreSQL schema, as numbered migrations recorded in `schema_migrations`. Never edit a migration that
 * has shipped: add the next one. Times are `timestamptz`, JSON is `jsonb`. The tables live in the first
 * schema of the connection's `search_path` (`public` unless DATABASE_URL sets `options=-c search_path=…`).
 */
import { StoreError } from '../errors.ts';
import type { PgDb, Sql } from './db.ts';

interface Migration {
  version: number;
  sql: string;
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE state (
        key text PRIMARY KEY,
        etag text NOT NULL,
        data jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX state_updated_at ON state (updated_at);

      CREATE TABLE case_counters (
        period text PRIMARY KEY,
        last integer NOT NULL
      );

      CREATE TABLE cases (
        id text PRIMARY KEY,
        row_no bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        route text NOT NULL,
        category text NOT NULL,
        danger text,
        language text NOT NULL,
        channel_id text NOT NULL,
        conversation jsonb NOT NULL,
        summary text NOT NULL,
        contact jsonb NOT NULL,
        phone text,
        status text NOT NULL CHECK (status IN ('open', 'claimed', 'closed')),
        claimed_by text,
        outcome text,
        teams_thread_id text,
        teams_activity_id text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX cases_created_at ON cases (created_at, row_no);
      CREATE INDEX cases_updated_at ON cases (updated_at);
      CREATE INDEX cases_status ON cases (status, created_at);
      CREATE INDEX cases_phone ON cases (phone);

      CREATE TABLE case_transcript (
        case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        at timestamptz NOT NULL,
        sender text NOT NULL CHECK (sender IN ('tenant', 'bot', 'staff')),
        text text NOT NULL,
        PRIMARY KEY (case_id, seq)
      );

      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        key text NOT NULL UNIQUE,
        case_id text,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'leased', 'done', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        lease_until timestamptz,
        leased_by text,
        last_error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE status = 'pending';
      CREATE INDEX outbox_leased ON outbox (lease_until) WHERE status = 'leased';
      CREATE INDEX outbox_case ON outbox (case_id);
      CREATE INDEX outbox_finished ON outbox (updated_at) WHERE status IN ('done', 'dead');

      CREATE TABLE audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        route text NOT NULL,
        rule text NOT NULL,
        category text NOT NULL,
        danger text,
        channel_id text NOT NULL,
        language text NOT NULL,
        conversation_hash text NOT NULL
      );
      CREATE INDEX audit_at ON audit (at);

      CREATE TABLE processed_activities (
        key text PRIMARY KEY,
        seen_at timestamptz NOT NULL
      );
      CREATE INDEX processed_activities_seen_at ON processed_activities (seen_at);

      CREATE TABLE shifts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        route text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('extra', 'closed')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        note text,
        created_by text,
        created_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX shifts_span ON shifts (starts_at, ends_at);

      CREATE TABLE jobs (
        name text PRIMARY KEY,
        next_run_at timestamptz NOT NULL,
        last_run_at timestamptz,
        last_run_by text
      );
    `,
  },
  {
    // Windowed counters shared by every instance (limits and caps); keys are hashes.
    version: 2,
    sql: `
      CREATE TABLE counters (
        key text NOT NULL,
        window_start bigint NOT NULL,
        expires_at timestamptz NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (key, window_start)
      );
      CREATE INDEX counters_expires_at ON counters (expires_at);
    `,
  },
  {
    // The bot's posts in case threads (deleted when the case is erased), the staff audit, and an index for
    // finding a number's audit rows by conversation hash.
    version: 3,
    sql: `
      CREATE TABLE teams_posts (
        case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        activity_id text NOT NULL,
        PRIMARY KEY (case_id, activity_id)
      );

      CREATE TABLE staff_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor text NOT NULL,
        details jsonb NOT NULL
      );
      CREATE INDEX staff_audit_at ON staff_audit (at);

      CREATE INDEX audit_conversation_hash ON audit (conversation_hash);
    `,
  },
  {
    // Configuration out of retention's reach: the Teams channel registrations lived in \`state\`, which purge
    // clears by age. Outbox leases get a token per claim, and a turn per conversation for fair claiming.
    // Cases can be found by their Teams thread without listing them all.
    version: 4,
    sql: `
      CREATE TABLE config (
        key text PRIMARY KEY,
        etag text NOT NULL,
        data jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      );
      INSERT INTO config (key, etag, data, updated_at)
        SELECT key, etag, data, updated_at FROM state WHERE left(key, 6) = 'trygg/';
      DELETE FROM state WHERE left(key, 6) = 'trygg/';

      ALTER TABLE outbox ADD COLUMN lease_token text, ADD COLUMN fair_seq integer NOT NULL DEFAULT 1;
      CREATE INDEX outbox_open_turn ON outbox (case_id, fair_seq) WHERE status IN ('pending', 'leased');
      CREATE INDEX cases_conversation ON cases (channel_id, (conversation->'conversation'->>'id'));

      CREATE INDEX cases_teams_thread ON cases (teams_thread_id);
      CREATE INDEX cases_teams_activity ON cases (teams_activity_id);
    `,
  },
  {
    // The night report: when a case was first claimed and when it was closed (cases claimed before this
    // carry their last change), and the runs of jobs at a wall-clock time, one row per occurrence.
    version: 5,
    sql: `
      ALTER TABLE cases ADD COLUMN claimed_at timestamptz, ADD COLUMN closed_at timestamptz;
      UPDATE cases SET claimed_at = updated_at WHERE status <> 'open';
      UPDATE cases SET closed_at = updated_at WHERE status = 'closed';

      CREATE TABLE job_occurrences (
        name text NOT NULL,
        occurrence text NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'done', 'skipped')),
        lease_token text,
        lease_until timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (name, occurrence)
      );
      CREATE INDEX job_occurrences_due ON job_occurrences (name, due_at);
    `,
  },
  {
    // Phone call sessions, so that any instance can take any callback of a call.
    version: 6,
    sql: `
      CREATE TABLE calls (
        id text PRIMARY KEY,
        secret_hash text NOT NULL,
        caller text NOT NULL,
        ringing boolean NOT NULL,
        data jsonb NOT NULL,
        expires_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX calls_expires_at ON calls (expires_at);
      CREATE INDEX calls_caller ON calls (caller);
    `,
  },
  {
    // The case layer: where a staff card was posted in Teams leaves the case table for \`staff_cards\` (cases
    // and, later, incidents have cards); the bot's posts in a card's thread move with it. Outbox kinds name
    // what is delivered (a staff card, a post), not the wire it goes over.
    version: 7,
    sql: `
      CREATE TABLE staff_cards (
        subject text PRIMARY KEY,
        kind text NOT NULL,
        thread_id text NOT NULL,
        message_id text NOT NULL,
        posted_at timestamptz NOT NULL
      );
      CREATE INDEX staff_cards_thread ON staff_cards (thread_id);
      CREATE INDEX staff_cards_message ON staff_cards (message_id);
      INSERT INTO staff_cards (subject, kind, thread_id, message_id, posted_at)
        SELECT id, 'case', teams_thread_id, teams_activity_id, updated_at FROM cases
        WHERE teams_thread_id IS NOT NULL AND teams_activity_id IS NOT NULL;

      CREATE TABLE staff_card_posts (
        subject text NOT NULL,
        message_id text NOT NULL,
        PRIMARY KEY (subject, message_id)
      );
      INSERT INTO staff_card_posts (subject, message_id)
        SELECT p.case_id, p.activity_id FROM teams_posts AS p
        WHERE EXISTS (SELECT 1 FROM staff_cards AS s WHERE s.subject = p.case_id);
      DROP TABLE teams_posts;

      ALTER TABLE cases DROP COLUMN teams_thread_id, DROP COLUMN teams_activity_id;

      UPDATE outbox SET kind = CASE kind
        WHEN 'teams.card' THEN 'staff.card'
        WHEN 'teams.thread' THEN 'staff.post'
        WHEN 'teams.update' THEN 'staff.cardUpdate'
        WHEN 'teams.notice' THEN 'staff.notice'
        WHEN 'teams.redact' THEN 'staff.redact'
        ELSE kind END
      WHERE kind LIKE 'teams.%';
    `,
  },
  {
    // Incidents: the incident, its notices in order, the contacts linked to it (keyed hashes), the
    // conversations that subscribe to its updates, and the contacts behind proposals.
    version: 8,
    sql: `
      CREATE TABLE incidents (
        id text PRIMARY KEY,
        kind text NOT NULL,
        place jsonb NOT NULL,
        where_text text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        office_from timestamptz,
        office_to timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        closed_at timestamptz
      );
      CREATE INDEX incidents_status ON incidents (status, created_at);

      CREATE TABLE incident_notices (
        incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('open', 'update', 'close')),
        text jsonb NOT NULL,
        at timestamptz NOT NULL,
        by text NOT NULL,
        PRIMARY KEY (incident_id, seq)
      );

      CREATE TABLE incident_reports (
        incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        contact_hash text NOT NULL,
        channel_id text NOT NULL,
        case_id text,
        at timestamptz NOT NULL,
        PRIMARY KEY (incident_id, contact_hash)
      );
      CREATE INDEX incident_reports_hash ON incident_reports (contact_hash);

      CREATE TABLE incident_subscriptions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        channel_id text NOT NULL,
        conversation_id text NOT NULL,
        conversation jsonb NOT NULL,
        language text NOT NULL,
        phone text,
        status text NOT NULL CHECK (status IN ('active', 'stopped')),
        created_at timestamptz NOT NULL,
        stopped_at timestamptz,
        UNIQUE (incident_id, channel_id, conversation_id)
      );
      CREATE INDEX incident_subscriptions_conversation ON incident_subscriptions (channel_id, conversation_id, status);
      CREATE INDEX incident_subscriptions_phone ON incident_subscriptions (phone);

      CREATE TABLE incident_signals (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        place_key text NOT NULL,
        contact_hash text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX incident_signals_place ON incident_signals (place_key, kind, at);
      CREATE INDEX incident_signals_hash ON incident_signals (contact_hash);

      CREATE TABLE incident_proposals (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        place_key text NOT NULL,
        contacts integer NOT NULL,
        created_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL
      );
      CREATE INDEX incident_proposals_place ON incident_proposals (place_key, kind, last_at);
    `,
  },
];

/** The migrations, for tests that build a database as an older Trygg left it. */
export const POSTGRES_MIGRATIONS: readonly Readonly<Migration>[] = MIGRATIONS;

/** The schema version this code expects. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** What `migrate` found and did. */
export interface MigrationResult {
  /** The schema version now. */
  version: number;
  /** The versions applied just now (empty when the schema was up to date). */
  applied: number[];
}

/** Longest a migration may run: far beyond the store's per-statement timeout. */
const MIGRATION_TIMEOUT = '10min';

function tooNew(current: number): StoreError {
  return new StoreError(
    `The database has schema version ${current}, newer than this Trygg's ${POSTGRES_SCHEMA_VERSION}; upgrade Trygg or use another database.`,
  );
}

/** The recorded version, or 0 when `schema_migrations` does not exist yet. Needs no rights beyond reading. */
async function currentVersion(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ exists: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS exists",
  );
  if (!rows[0]?.exists) return 0;
  const max = await sql.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
  return max.rows[0]?.version ?? 0;
}

/**
 * Bring the schema up to {@link POSTGRES_SCHEMA_VERSION}. When it is already there, this only reads. Else,
 * in one transaction under a transaction-scoped advisory lock (per schema): several instances starting at
 * once queue on the lock, the first applies the migrations, the others find them applied. DDL is
 * transactional in PostgreSQL, so a failed migration leaves nothing behind. Refuses a newer schema.
 */
export async function migrateDb(db: PgDb): Promise<MigrationResult> {
  const seen = await currentVersion(db.sql);
  if (seen > POSTGRES_SCHEMA_VERSION) throw tooNew(seen);
  if (seen === POSTGRES_SCHEMA_VERSION) return { version: seen, applied: [] };
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL statement_timeout = '${MIGRATION_TIMEOUT}'`);
    await tx.query(`SET LOCAL lock_timeout = '${MIGRATION_TIMEOUT}'`);
    await tx.query(
      "SELECT pg_advisory_xact_lock(hashtextextended('trygg.schema_migrations:' || COALESCE(current_schema(), ''), 0))",
    );
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const current = await currentVersion(tx);
    if (current > POSTGRES_SCHEMA_VERSION) throw tooNew(current);
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      applied.push(migration.version);
    }
    return { version: Math.max(current, POSTGRES_SCHEMA_VERSION), applied };
  });
}

/**
 * Throws a `StoreError` unless the database answers and its schema is at {@link POSTGRES_SCHEMA_VERSION}
 * (the readiness probe). Reads only.
 */
export async function checkSchema(sql: Sql): Promise<void> {
  const current = await currentVersion(sql);
  if (current !== POSTGRES_SCHEMA_VERSION)
    throw new StoreError(
      `The database has schema version ${current}; this Trygg needs ${POSTGRES_SCHEMA_VERSION} (run trygg migrate).`,
    );
}
