/**
 * Upgrading a database an older Trygg wrote (schema version 1, where the Teams channel registrations lived in
 * `state`, which retention purges, and a case's card in the case row): the registrations move to `config`,
 * the card to `staff_cards`, conversation state stays where it is, and outbox items waiting at the upgrade are
 * delivered under the new lease rules and kinds. SQLite always; PostgreSQL with TRYGG_TEST_DATABASE_URL
 * (skipped, saying so, without it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, SQLITE_FILE_NAME, type Store } from '../../src/store/index.ts';
import { openPostgresStore } from '../../src/store/postgres.ts';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres/migrations.ts';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { admin, baseUrl, dropAll, freshSchema, SKIP_REASON, titled } from '../multi-instance/pg-schema.ts';

if (!baseUrl) console.warn(`test/store/migrations.test.ts: ${SKIP_REASON}`);

const REGISTRATIONS = {
  routes: { trygghetsjour: { channelId: '19:jour@thread.tacv2', teamId: 't', tenantId: 'x', serviceUrl: 's' } },
};
const CONVERSATION_KEY = 'webchat/conversations/web-1/';
const OLD = Date.parse('2026-01-01T00:00:00Z');
const THREAD = '19:jour@thread.tacv2;messageid=77';
/** A case as version 1 kept it, its card's Teams ids in the case row. */
const CASE_V1 = `INSERT INTO cases (id, route, category, language, channel_id, conversation, summary, contact, status,
  teams_thread_id, teams_activity_id, created_at, updated_at)
  VALUES ('T-2601-0001', 'trygghetsjour', 'disturbance', 'sv', 'webchat', '{}', '', '{}', 'open', '${THREAD}', '77'`;

/** After the upgrade: registrations in config only, the conversation in state only, the old item deliverable. */
async function expectUpgraded(store: Store): Promise<void> {
  const key = 'trygg/teams/registrations';
  expect(await store.cards.get('T-2601-0001')).toMatchObject({ kind: 'case', threadId: THREAD, messageId: '77' });
  expect(Object.keys((await store.cases.get('T-2601-0001'))!)).not.toContain('teams');
  expect((await store.config.read([key]))[key]).toMatchObject({ ...REGISTRATIONS, eTag: 'etag-1' });
  expect(await store.state.read([key])).toEqual({});
  expect(Object.keys(await store.state.read([CONVERSATION_KEY]))).toEqual([CONVERSATION_KEY]);
  // Retention, years later, purges the conversation but not the registrations.
  const counts = await store.purge(new Date(OLD + 365 * 86_400_000));
  expect(counts.state).toBe(1);
  expect(Object.keys(await store.config.read([key]))).toEqual([key]);
  const [claimed] = await store.outbox.claimDue(new Date(), 10, 30_000);
  expect(claimed).toMatchObject({ kind: 'staff.card', key: 'card:T-2601-0001', lease: expect.any(String) });
  expect(await store.outbox.complete(claimed!.id, claimed!.lease!)).toBe(true);
}

describe('sqlite: upgrading a version 1 database', () => {
  it('moves the registrations out of purged state into config, and keeps waiting items deliverable', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'trygg-migrate-'));
    try {
      const db = new DatabaseSync(join(dataDir, SQLITE_FILE_NAME));
      db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at INTEGER NOT NULL)');
      db.exec(SQLITE_MIGRATIONS[0]!.sql);
      db.prepare('INSERT INTO schema_version VALUES (1, ?)').run(OLD);
      const put = db.prepare('INSERT INTO state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)');
      put.run('trygg/teams/registrations', 'etag-1', JSON.stringify(REGISTRATIONS), OLD);
      put.run(CONVERSATION_KEY, 'etag-2', JSON.stringify({ profile: {} }), OLD);
      db.prepare(`${CASE_V1}, ?, ?)`).run(OLD, OLD);
      db.prepare(
        `INSERT INTO outbox (kind, key, payload, status, attempts, next_attempt_at, created_at, updated_at)
         VALUES ('teams.card', 'card:T-2601-0001', '{}', 'pending', 0, ?, ?, ?)`,
      ).run(OLD, OLD, OLD);
      db.close();

      const store = await openStore({ dataDir });
      try {
        await expectUpgraded(store);
      } finally {
        await store.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!baseUrl)(titled('postgres: upgrading a version 1 schema'), () => {
  afterAll(async () => {
    if (baseUrl) await dropAll();
  });

  it('moves the registrations out of purged state into config, and keeps waiting items deliverable', async () => {
    const fixture = await freshSchema();
    try {
      const client = await admin().connect();
      try {
        await client.query(`SET search_path TO ${fixture.schema}`);
        await client.query(POSTGRES_MIGRATIONS[0]!.sql);
        await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz)');
        await client.query('INSERT INTO schema_migrations VALUES (1, now())');
        const put = 'INSERT INTO state (key, etag, data, updated_at) VALUES ($1, $2, $3::jsonb, $4)';
        await client.query(put, ['trygg/teams/registrations', 'etag-1', JSON.stringify(REGISTRATIONS), new Date(OLD)]);
        await client.query(put, [CONVERSATION_KEY, 'etag-2', '{"profile":{}}', new Date(OLD)]);
        await client.query(`${CASE_V1}, $1, $1)`, [new Date(OLD)]);
        await client.query(
          `INSERT INTO outbox (kind, key, payload, status, attempts, next_attempt_at, created_at, updated_at)
           VALUES ('teams.card', 'card:T-2601-0001', '{}', 'pending', 0, $1, $1, $1)`,
          [new Date(OLD)],
        );
      } finally {
        await client.query('RESET search_path');
        client.release();
      }
      const store = await openPostgresStore({ databaseUrl: fixture.url });
      try {
        await expectUpgraded(store);
      } finally {
        await store.close();
      }
    } finally {
      await fixture.drop();
    }
  });
});
