/**
 * The PostgreSQL store: the store contract, then what several instances on one database must get right.
 * Needs a server: `TRYGG_TEST_DATABASE_URL=$(bash scripts/postgres-test-server.sh) npx vitest run test/store`.
 * Without TRYGG_TEST_DATABASE_URL these suites are reported as skipped (never passed). Every fixture is a
 * fresh schema named after this run, dropped afterwards, so runs sharing a database do not meet.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateCommand } from '../../src/cli/migrate.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { migrate, openPostgresStore, POSTGRES_SCHEMA_VERSION } from '../../src/store/postgres.ts';
import { openStore, StoreConflictError, StoreError, StoreValidationError, type Store } from '../../src/store/index.ts';
import { Quotas } from '../../src/store/quotas.ts';
import { runStoreContract } from './contract.ts';
import { manualClock, sampleCase, START } from './contract/context.ts';

const baseUrl = process.env.TRYGG_TEST_DATABASE_URL;
const SKIPPED = 'SKIPPED: TRYGG_TEST_DATABASE_URL is not set (start one with scripts/postgres-test-server.sh)';
if (!baseUrl) console.warn(`test/store/postgres.test.ts: ${SKIPPED}`);
const title = (name: string) => (baseUrl ? name : `${name} — ${SKIPPED}`);

const RUN = `trygg_t${process.pid}_${randomBytes(3).toString('hex')}`;
let schemas = 0;
let adminPool: pg.Pool | undefined;
const admin = () => (adminPool ??= new pg.Pool({ connectionString: baseUrl, max: 2 }));

/** The test database's URL with `search_path` set to `schema`. */
function inSchema(schema: string): string {
  const url = new URL(baseUrl as string);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A new, empty schema; `drop` removes it and everything in it. */
async function freshSchema(): Promise<{ schema: string; url: string; drop(): Promise<void> }> {
  const schema = `${RUN}_${++schemas}`;
  await admin().query(`CREATE SCHEMA ${schema}`);
  return {
    schema,
    url: inSchema(schema),
    drop: async () => void (await admin().query(`DROP SCHEMA ${schema} CASCADE`)),
  };
}

function fakeIo(env: NodeJS.ProcessEnv): CliIo & { output: string[] } {
  const output: string[] = [];
  return {
    output,
    out: (t) => void output.push(t),
    err: (t) => void output.push(t),
    lines: async function* () {},
    now: () => new Date(),
    env,
  };
}

describe.skipIf(!baseUrl)(title('postgres store'), () => {
  afterAll(async () => {
    const left = await admin().query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1', [
      `${RUN}\\_%`,
    ]);
    for (const { nspname } of left.rows) await admin().query(`DROP SCHEMA ${nspname} CASCADE`);
    await adminPool?.end();
  });

  runStoreContract('postgres', async () => {
    const fixture = await freshSchema();
    return {
      open: (options) => openStore({ ...options, dataDir: '/nonexistent', databaseUrl: fixture.url }),
      dispose: fixture.drop,
    };
  });

  describe('several instances on one database', () => {
    const clock = manualClock(START);
    let fixture: Awaited<ReturnType<typeof freshSchema>>;
    let a: Store;
    let b: Store;

    beforeEach(async () => {
      clock.set(START);
      fixture = await freshSchema();
      const open = (instanceId: string) => openPostgresStore({ databaseUrl: fixture.url, now: clock.now, instanceId });
      [a, b] = await Promise.all([open('instance-a'), open('instance-b')]);
    });

    afterEach(async () => {
      await Promise.all([a.close(), b.close()]);
      await fixture.drop();
    });

    it('holds a limit across two instances: exactly for an exact cap, within the local allowance otherwise', async () => {
      const now = () => clock.now().getTime();
      const [qa, qb] = [new Quotas(a.counters, { now }), new Quotas(b.counters, { now })];
      const hour = { max: 5, windowMs: 3_600_000 };
      const exact = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? qa : qb).take('cases.hour', hour, { exact: true })),
      );
      expect(exact.filter((v) => v.ok)).toHaveLength(5);
      expect(exact.filter((v) => v.firstRefusal)).toHaveLength(1);
      let ok = 0;
      for (let i = 0; i < 80; i++)
        if ((await (i % 2 ? qa : qb).take('msg.conv:x', { max: 30, windowMs: 60_000 })).ok) ok++;
      expect(ok).toBeGreaterThanOrEqual(30);
      expect(ok).toBeLessThanOrEqual(30 + 3);
      // Everything admitted is in the table once both have sent their counts (refused attempts may be too).
      await Promise.all([qa.close(), qb.close()]);
      const windowStart = Math.floor(now() / 60_000) * 60_000;
      const [stored] = await a.counters.add([{ key: 'msg.conv:x', windowStart, windowMs: 60_000, by: 0 }]);
      expect(stored).toBeGreaterThanOrEqual(ok);
    });

    it('(a) lets exactly one of two instances writing the same key with the same eTag win, every time', async () => {
      for (let round = 0; round < 25; round++) {
        await a.state.write({ race: { round } });
        const [seenA, seenB] = [(await a.state.read(['race'])).race, (await b.state.read(['race'])).race];
        expect(seenA.eTag).toBe(seenB.eTag);
        const results = await Promise.allSettled([
          a.state.write({ race: { ...seenA, by: 'a' } }),
          b.state.write({ race: { ...seenB, by: 'b' } }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(lost.reason).toBeInstanceOf(StoreConflictError);
      }
      // Read, modify, retry on conflict from both pools: no update is lost.
      await a.state.write({ counter: { n: 0 } });
      const increment = async (store: Store) => {
        for (;;) {
          const { counter } = await store.state.read(['counter']);
          try {
            return await store.state.write({ counter: { ...counter, n: counter.n + 1 } });
          } catch (error) {
            if (!(error instanceof StoreConflictError)) throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: 30 }, (_, n) => increment(n % 2 ? a : b)));
      expect((await b.state.read(['counter'])).counter.n).toBe(30);
    });

    it('(b) hands every outbox item to exactly one instance', async () => {
      const keys = Array.from({ length: 200 }, (_, n) => `job-${n}`);
      await a.outbox.enqueue(keys.map((key) => ({ kind: 'test', key, payload: { key } })));
      const got = new Map<string, string[]>([
        ['instance-a', []],
        ['instance-b', []],
      ]);
      const worker = async (store: Store, name: string) => {
        for (;;) {
          const batch = await store.outbox.claimDue(START, 7, 60_000);
          if (batch.length === 0) return;
          got.get(name)?.push(...batch.map((i) => i.id));
        }
      };
      await Promise.all([1, 2, 3, 4].flatMap(() => [worker(a, 'instance-a'), worker(b, 'instance-b')]));
      const all = [...got.values()].flat();
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
      const { rows } = await admin().query<{ id: string; leased_by: string }>(
        `SELECT id::text AS id, leased_by FROM ${fixture.schema}.outbox WHERE attempts = 1 AND status = 'leased'`,
      );
      expect(rows).toHaveLength(200);
      for (const row of rows) expect(got.get(row.leased_by)).toContain(row.id);
    });

    it('(c) lets another instance take over an item whose lease ran out', async () => {
      const [id] = await a.outbox.enqueue([{ kind: 'test', key: 'once', payload: {} }]);
      const [first] = await a.outbox.claimDue(START, 10, 30_000);
      expect(first?.id).toBe(id);
      const later = (ms: number) => new Date(Date.parse(START) + ms);
      expect(await b.outbox.claimDue(later(29_999), 10, 30_000)).toEqual([]);
      const takenOver = await Promise.all([
        b.outbox.claimDue(later(30_000), 10, 30_000),
        a.outbox.claimDue(later(30_000), 10, 30_000),
      ]);
      expect(takenOver.flat().map((i) => [i.id, i.attempts])).toEqual([[id, 2]]);
      const { rows } = await admin().query(`SELECT leased_by, lease_until FROM ${fixture.schema}.outbox`);
      expect(rows[0].lease_until.toISOString()).toBe(later(60_000).toISOString());
      expect(['instance-a', 'instance-b']).toContain(rows[0].leased_by);
      // The first holder's late settle changes nothing; the new holder's does.
      expect(await a.outbox.complete(id as string, first!.lease!)).toBe(false);
      expect(await b.outbox.complete(id as string, takenOver.flat()[0]!.lease!)).toBe(true);
      expect(await a.outbox.get(id as string)).toMatchObject({ status: 'done', leaseUntil: null });
    });

    it('(d) never gives two concurrent cases the same id', async () => {
      const created = await Promise.all(
        Array.from({ length: 40 }, (_, n) => (n % 2 ? a : b).cases.create(sampleCase())),
      );
      const numbers = created.map((c) => Number(c.id.slice('T-2611-'.length))).sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
    });

    it('dedupes an activity delivered to both instances at once, and enqueues a key once', async () => {
      for (let n = 0; n < 20; n++) {
        const results = await Promise.all([
          a.activities.markProcessed('conv', `act-${n}`),
          b.activities.markProcessed('conv', `act-${n}`),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
      }
      const ids = await Promise.all(
        [a, b, a, b].map((s) => s.outbox.enqueue([{ kind: 'k', key: 'same', payload: {} }])),
      );
      expect(new Set(ids.flat()).size).toBe(1);
    });

    it('runs a scheduled job on exactly one instance per interval', async () => {
      const tryBoth = () => Promise.all([a, b, a, b].map((s) => s.jobs?.tryRun('retention-purge', 3_600_000)));
      expect((await tryBoth()).filter(Boolean)).toHaveLength(1);
      clock.advance(3_599_999);
      expect((await tryBoth()).filter(Boolean)).toHaveLength(0);
      clock.advance(1);
      expect((await tryBoth()).filter(Boolean)).toHaveLength(1);
      expect(await a.jobs?.tryRun('unclaimed-realert', 60_000)).toBe(true); // jobs are independent
      await expect(a.jobs?.tryRun('', 1000)).rejects.toThrow(StoreValidationError);
      await expect(a.jobs?.tryRun('x', 0)).rejects.toThrow(StoreValidationError);
    });

    it('gives back a job run cut short by a shutdown, so another instance runs it at once', async () => {
      expect(await a.jobs?.tryRun('retention-purge', 3_600_000)).toBe(true);
      // b cannot release a's claim.
      await b.jobs?.release?.('retention-purge');
      expect(await b.jobs?.tryRun('retention-purge', 3_600_000)).toBe(false);
      await a.jobs?.release?.('retention-purge');
      expect(await b.jobs?.tryRun('retention-purge', 3_600_000)).toBe(true);
      // Now b's run: a's (late) release changes nothing.
      await a.jobs?.release?.('retention-purge');
      expect(await a.jobs?.tryRun('retention-purge', 3_600_000)).toBe(false);
    });
  });

  describe('schema and migrations', () => {
    let fixture: Awaited<ReturnType<typeof freshSchema>>;
    beforeEach(async () => {
      fixture = await freshSchema();
    });
    afterEach(async () => {
      await fixture.drop();
    });

    const versions = async () =>
      (await admin().query(`SELECT version FROM ${fixture.schema}.schema_migrations ORDER BY version`)).rows.map(
        (r) => r.version,
      );

    it('(e) migrates once when several instances start at once', async () => {
      const results = await Promise.all(Array.from({ length: 4 }, () => migrate(fixture.url)));
      const stores = await Promise.all(
        Array.from({ length: 3 }, () => openPostgresStore({ databaseUrl: fixture.url })),
      );
      await Promise.all(stores.map((s) => s.close()));
      expect(results.map((r) => r.version)).toEqual(Array(4).fill(POSTGRES_SCHEMA_VERSION));
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
      expect(await versions()).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1));
    });

    it('keeps times as timestamptz and JSON as jsonb', async () => {
      await migrate(fixture.url);
      const { rows } = await admin().query(
        `SELECT table_name || '.' || column_name AS col, data_type FROM information_schema.columns
         WHERE table_schema = $1 AND column_name IN ('updated_at', 'data', 'payload', 'conversation', 'lease_until', 'next_run_at')`,
        [fixture.schema],
      );
      const types = Object.fromEntries(rows.map((r) => [r.col, r.data_type]));
      expect(types).toMatchObject({ 'state.data': 'jsonb', 'outbox.payload': 'jsonb', 'cases.conversation': 'jsonb' });
      expect(types).toMatchObject({
        'cases.updated_at': 'timestamp with time zone',
        'outbox.lease_until': 'timestamp with time zone',
      });
      expect(types['jobs.next_run_at']).toBe('timestamp with time zone');
    });

    it('refuses a schema from a newer Trygg', async () => {
      await migrate(fixture.url);
      await admin().query(`INSERT INTO ${fixture.schema}.schema_migrations (version) VALUES (99)`);
      await expect(openPostgresStore({ databaseUrl: fixture.url })).rejects.toThrow(/schema version 99/);
      await expect(migrate(fixture.url)).rejects.toThrow(StoreError);
    });

    it('ping (the readiness probe) fails once the schema is not the one this code expects', async () => {
      const store = await openPostgresStore({ databaseUrl: fixture.url });
      try {
        await expect(store.ping()).resolves.toBeUndefined();
        // Another Trygg, newer, migrated the database meanwhile.
        await admin().query(`INSERT INTO ${fixture.schema}.schema_migrations (version) VALUES (99)`);
        await expect(store.ping()).rejects.toThrow(/schema version 99/);
      } finally {
        await store.close();
      }
    });

    it('trygg migrate applies the migrations, then reports the schema up to date', async () => {
      const first = fakeIo({ DATABASE_URL: fixture.url });
      expect(await migrateCommand([], first)).toBe(0);
      expect(first.output.join('')).toMatch(new RegExp(`migrated to version ${POSTGRES_SCHEMA_VERSION}`));
      const second = fakeIo({ DATABASE_URL: fixture.url });
      expect(await migrateCommand([], second)).toBe(0);
      expect(second.output.join('')).toMatch(/up to date/);
      expect(second.output.join('')).not.toContain(fixture.schema);
    });

    it('refuses what the database cannot hold (a NUL character) as invalid input, writing nothing', async () => {
      const store = await openPostgresStore({ databaseUrl: fixture.url });
      try {
        await expect(store.state.write({ k: { text: 'a\u0000b' } })).rejects.toThrow(StoreValidationError);
        await expect(store.cases.create(sampleCase({ summary: 'a\u0000b' }))).rejects.toThrow(StoreValidationError);
        expect(await store.state.read(['k'])).toEqual({});
        expect(await store.cases.list()).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('says so when the schema in search_path does not exist', async () => {
      await expect(openPostgresStore({ databaseUrl: inSchema(`${fixture.schema}_missing`) })).rejects.toThrow(
        /search_path/,
      );
    });
  });
});

describe('postgres store without a server', () => {
  it('trygg migrate without DATABASE_URL says the embedded store migrates itself', async () => {
    const io = fakeIo({});
    expect(await migrateCommand([], io)).toBe(0);
    expect(io.output.join('')).toMatch(/embedded store .* migrates itself/);
  });

  it('fails to connect with a StoreError that holds neither the URL nor the password', async () => {
    for (const databaseUrl of [
      'postgres://trygg:s3cret-pw@127.0.0.1:1/trygg',
      'postgres://trygg:s3cret-pw@[::1:bad/trygg',
    ]) {
      const error = await openStore({ dataDir: '/nonexistent', databaseUrl }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(StoreError);
      expect(`${error?.message} ${error?.stack}`).not.toMatch(/s3cret|trygg:|127\.0\.0\.1:1/);
    }
  });
});
