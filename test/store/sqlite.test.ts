/** The embedded SQLite store: the store contract in a temporary directory, plus what is SQLite's own. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore, openStore, SQLITE_FILE_NAME, StoreError } from '../../src/store/index.ts';
import { SCHEMA_VERSION } from '../../src/store/sqlite/migrations.ts';
import { runStoreContract } from './contract.ts';
import { sampleCase } from './contract/context.ts';

runStoreContract('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'trygg-store-'));
  return {
    open: (options) => openStore({ ...options, dataDir }),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
});

describe('sqlite store', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'trygg-sqlite-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates the data directory and trygg.db in WAL mode at the current schema version', async () => {
    const dataDir = join(root, 'nested', 'data');
    const store = await openStore({ dataDir });
    await store.close();
    const db = new DatabaseSync(join(dataDir, SQLITE_FILE_NAME));
    try {
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      expect(db.prepare('SELECT version FROM schema_version').all()).toEqual(
        Array.from({ length: SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })),
      );
    } finally {
      db.close();
    }
  });

  it('migrates once: reopening does not apply migrations again', async () => {
    await (await openStore({ dataDir: root })).close();
    await (await openStore({ dataDir: root })).close();
    const db = new DatabaseSync(join(root, SQLITE_FILE_NAME));
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM schema_version').get()).toEqual({ n: SCHEMA_VERSION });
    } finally {
      db.close();
    }
  });

  it('keeps counter keys only as hashes: no phone number in the counters table', async () => {
    const store = await openStore({ dataDir: root });
    const windowStart = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    await store.counters.add([{ key: 'msg.phone:+46701234567', windowStart, windowMs: 3_600_000, by: 1 }]);
    await store.close();
    const db = new DatabaseSync(join(root, SQLITE_FILE_NAME));
    try {
      const rows = db.prepare('SELECT * FROM counters').all();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toMatch(/4670|phone/);
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer Trygg', async () => {
    await (await openStore({ dataDir: root })).close();
    const db = new DatabaseSync(join(root, SQLITE_FILE_NAME));
    db.exec('INSERT INTO schema_version (version, applied_at) VALUES (99, 0)');
    db.close();
    await expect(openStore({ dataDir: root })).rejects.toThrow(/schema version 99/);
  });

  it('a database URL selects PostgreSQL, never silently the embedded store (nothing listens here: it fails)', async () => {
    await expect(openStore({ dataDir: root, databaseUrl: 'postgres://trygg@127.0.0.1:1/trygg' })).rejects.toThrow(
      StoreError,
    );
  });

  it('offers a private in-memory variant for other modules’ tests', async () => {
    const a = await openMemoryStore();
    const b = await openMemoryStore();
    const created = await a.cases.create(sampleCase());
    expect(await a.cases.get(created.id)).toEqual(created);
    expect(await b.cases.get(created.id)).toBeUndefined();
    await a.close();
    await b.close();
  });
});
