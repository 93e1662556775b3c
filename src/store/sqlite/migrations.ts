/**
 * The embedded schema, as numbered migrations. Never edit a migration that has shipped: add the next one.
 * Times are INTEGER epoch ms (they compare correctly whatever offset the caller wrote); JSON is TEXT.
 */
import { StoreError } from '../errors.ts';
import type { SqliteDb } from './db.ts';

interface Migration {
  version: number;
  sql: string;
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE state (
        key TEXT PRIMARY KEY,
        etag TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX state_updated_at ON state (updated_at);

      CREATE TABLE case_counters (
        period TEXT PRIMARY KEY,
        last INTEGER NOT NULL
      );

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        route TEXT NOT NULL,
        category TEXT NOT NULL,
        danger TEXT,
        language TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        conversation TEXT NOT NULL,
        summary TEXT NOT NULL,
        contact TEXT NOT NULL,
        phone TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'closed')),
        claimed_by TEXT,
        outcome TEXT,
        teams_thread_id TEXT,
        teams_activity_id TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX cases_created_at ON cases (created_at);
      CREATE INDEX cases_updated_at ON cases (updated_at);
      CREATE INDEX cases_status ON cases (status, created_at);
      CREATE INDEX cases_phone ON cases (phone);

      CREATE TABLE case_transcript (
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        sender TEXT NOT NULL CHECK (sender IN ('tenant', 'bot', 'staff')),
        text TEXT NOT NULL,
        PRIMARY KEY (case_id, seq)
      );

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        case_id TEXT,
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'leased', 'done', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        lease_until INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
      CREATE INDEX outbox_case ON outbox (case_id);

      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        route TEXT NOT NULL,
        rule TEXT NOT NULL,
        category TEXT NOT NULL,
        danger TEXT,
        channel_id TEXT NOT NULL,
        language TEXT NOT NULL,
        conversation_hash TEXT NOT NULL
      );
      CREATE INDEX audit_at ON audit (at);

      CREATE TABLE processed_activities (
        key TEXT PRIMARY KEY,
        seen_at INTEGER NOT NULL
      );
      CREATE INDEX processed_activities_seen_at ON processed_activities (seen_at);

      CREATE TABLE shifts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        route TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('extra', 'closed')),
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        note TEXT,
        created_by TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX shifts_span ON shifts (starts_at, ends_at);
    `,
  },
  {
    // Windowed counters shared by every process on the file (limits and caps); keys are hashes.
    version: 2,
    sql: `
      CREATE TABLE counters (
        key TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        count INTEGER NOT NULL,
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
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        activity_id TEXT NOT NULL,
        PRIMARY KEY (case_id, activity_id)
      );

      CREATE TABLE staff_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        actor TEXT NOT NULL,
        details TEXT NOT NULL
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
        key TEXT PRIMARY KEY,
        etag TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      INSERT INTO config (key, etag, data, updated_at)
        SELECT key, etag, data, updated_at FROM state WHERE substr(key, 1, 6) = 'trygg/';
      DELETE FROM state WHERE substr(key, 1, 6) = 'trygg/';

      ALTER TABLE outbox ADD COLUMN lease_token TEXT;
      ALTER TABLE outbox ADD COLUMN fair_seq INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX outbox_open_turn ON outbox (case_id, fair_seq) WHERE status IN ('pending', 'leased');
      CREATE INDEX cases_conversation ON cases (channel_id, json_extract(conversation, '$.conversation.id'));

      CREATE INDEX cases_teams_thread ON cases (teams_thread_id);
      CREATE INDEX cases_teams_activity ON cases (teams_activity_id);
    `,
  },
  {
    // The night report: when a case was first claimed and when it was closed (cases claimed before this
    // carry their last change), and the runs of jobs at a wall-clock time, one row per occurrence.
    version: 5,
    sql: `
      ALTER TABLE cases ADD COLUMN claimed_at INTEGER;
      ALTER TABLE cases ADD COLUMN closed_at INTEGER;
      UPDATE cases SET claimed_at = updated_at WHERE status <> 'open';
      UPDATE cases SET closed_at = updated_at WHERE status = 'closed';

      CREATE TABLE job_occurrences (
        name TEXT NOT NULL,
        occurrence TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'skipped')),
        lease_token TEXT,
        lease_until INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL,
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
        id TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL,
        caller TEXT NOT NULL,
        ringing INTEGER NOT NULL,
        data TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
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
        subject TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        posted_at INTEGER NOT NULL
      );
      CREATE INDEX staff_cards_thread ON staff_cards (thread_id);
      CREATE INDEX staff_cards_message ON staff_cards (message_id);
      INSERT INTO staff_cards (subject, kind, thread_id, message_id, posted_at)
        SELECT id, 'case', teams_thread_id, teams_activity_id, updated_at FROM cases
        WHERE teams_thread_id IS NOT NULL AND teams_activity_id IS NOT NULL;

      CREATE TABLE staff_card_posts (
        subject TEXT NOT NULL,
        message_id TEXT NOT NULL,
        PRIMARY KEY (subject, message_id)
      );
      INSERT INTO staff_card_posts (subject, message_id)
        SELECT p.case_id, p.activity_id FROM teams_posts AS p
        WHERE EXISTS (SELECT 1 FROM staff_cards AS s WHERE s.subject = p.case_id);
      DROP TABLE teams_posts;

      DROP INDEX cases_teams_thread;
      DROP INDEX cases_teams_activity;
      ALTER TABLE cases DROP COLUMN teams_thread_id;
      ALTER TABLE cases DROP COLUMN teams_activity_id;

      UPDATE outbox SET kind = CASE kind
        WHEN 'teams.card' THEN 'staff.card'
        WHEN 'teams.thread' THEN 'staff.post'
        WHEN 'teams.update' THEN 'staff.cardUpdate'
        WHEN 'teams.notice' THEN 'staff.notice'
        WHEN 'teams.redact' THEN 'staff.redact'
        ELSE kind END;
    `,
  },
  {
    // Incidents: the incident, its notices in order, the contacts linked to it (keyed hashes), the
    // conversations that subscribe to its updates, and the contacts behind proposals.
    version: 8,
    sql: `
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        place TEXT NOT NULL,
        where_text TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        office_from INTEGER,
        office_to INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        closed_at INTEGER
      );
      CREATE INDEX incidents_status ON incidents (status, created_at);

      CREATE TABLE incident_notices (
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('open', 'update', 'close')),
        text TEXT NOT NULL,
        at INTEGER NOT NULL,
        by TEXT NOT NULL,
        PRIMARY KEY (incident_id, seq)
      );

      CREATE TABLE incident_reports (
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        contact_hash TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        case_id TEXT,
        at INTEGER NOT NULL,
        PRIMARY KEY (incident_id, contact_hash)
      );
      CREATE INDEX incident_reports_hash ON incident_reports (contact_hash);

      CREATE TABLE incident_subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        channel_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        conversation TEXT NOT NULL,
        language TEXT NOT NULL,
        phone TEXT,
        status TEXT NOT NULL CHECK (status IN ('active', 'stopped')),
        created_at INTEGER NOT NULL,
        stopped_at INTEGER,
        UNIQUE (incident_id, channel_id, conversation_id)
      );
      CREATE INDEX incident_subscriptions_conversation ON incident_subscriptions (channel_id, conversation_id, status);
      CREATE INDEX incident_subscriptions_phone ON incident_subscriptions (phone);

      CREATE TABLE incident_signals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        place_key TEXT NOT NULL,
        contact_hash TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX incident_signals_place ON incident_signals (place_key, kind, at);
      CREATE INDEX incident_signals_hash ON incident_signals (contact_hash);

      CREATE TABLE incident_proposals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        place_key TEXT NOT NULL,
        contacts INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        last_at INTEGER NOT NULL
      );
      CREATE INDEX incident_proposals_place ON incident_proposals (place_key, kind, last_at);
    `,
  },
];

/** The migrations, for tests that build a database as an older Trygg left it. */
export const SQLITE_MIGRATIONS: readonly Readonly<Migration>[] = MIGRATIONS;

/** The schema version this code expects. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Bring the database up to {@link SCHEMA_VERSION}. Runs in one write transaction, so two processes opening
 * the same file at once do not both migrate. Refuses a database written by a newer Trygg.
 */
export function migrate(db: SqliteDb): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at INTEGER NOT NULL)');
  db.transaction(() => {
    const current =
      db.get<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_version')?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new StoreError(
        `The database has schema version ${current}, newer than this Trygg's ${SCHEMA_VERSION}; upgrade Trygg or use another DATA_DIR.`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.run('INSERT INTO schema_version (version, applied_at) VALUES ($version, $at)', {
        version: migration.version,
        at: db.now(),
      });
    }
  });
}

/** Throws a `StoreError` unless the database is at {@link SCHEMA_VERSION} (the readiness probe). */
export function checkSchema(db: SqliteDb): void {
  const current =
    db.get<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_version')?.version ?? 0;
  if (current !== SCHEMA_VERSION)
    throw new StoreError(`The database has schema version ${current}; this Trygg needs ${SCHEMA_VERSION}.`);
}
