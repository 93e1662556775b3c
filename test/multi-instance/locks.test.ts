/**
 * The locks behind turn serialisation (src/store/locks.ts, src/store/postgres/locks.ts) and the merge helpers
 * of the checked save. The PostgreSQL part needs TRYGG_TEST_DATABASE_URL (skipped, saying so, without it).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Store } from '../../src/store/index.ts';
import { KeyedMutex, LockTimeoutError, locksFor, mergeAppended, mergeFields, sameJson } from '../../src/store/locks.ts';
import { openPostgresStore } from '../../src/store/postgres.ts';
import { admin, baseUrl, dropAll, freshSchema, SKIP_REASON, titled, type Schema } from './pg-schema.ts';

if (!baseUrl) console.warn(`test/multi-instance/locks.test.ts: the PostgreSQL locks — ${SKIP_REASON}`);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A promise and its resolver. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('in-process lock', () => {
  it('runs the holders of one key one at a time, in arrival order; other keys do not wait', async () => {
    const m = new KeyedMutex();
    const log: string[] = [];
    const first = gate();
    const a = m.withLock('k', async () => {
      log.push('a+');
      await first.opened;
      log.push('a-');
    });
    const b = m.withLock('k', async () => void log.push('b'));
    const c = m.withLock('k', async () => void log.push('c'));
    await m.withLock('other', async () => void log.push('other'));
    first.open();
    await Promise.all([a, b, c]);
    expect(log).toEqual(['a+', 'other', 'a-', 'b', 'c']);
    expect(m.size).toBe(0);
  });

  it('gives up after the timeout without running the work, and releases on a rejection', async () => {
    const m = new KeyedMutex();
    const held = gate();
    const a = m.withLock('k', () => held.opened);
    let ran = false;
    await expect(m.withLock('k', async () => void (ran = true), 30)).rejects.toBeInstanceOf(LockTimeoutError);
    expect(ran).toBe(false);
    held.open();
    await a;
    await expect(m.withLock('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await m.withLock('k', async () => 42)).toBe(42);
    expect(m.size).toBe(0);
  });

  it('a store without locks of its own (the embedded one) gets one in-process lock per store', async () => {
    const store = await openMemoryStore();
    try {
      expect(store.locks).toBeUndefined();
      expect(locksFor(store)).toBe(locksFor(store));
      expect(locksFor({ ...store })).not.toBe(locksFor(store));
    } finally {
      await store.close();
    }
  });
});

describe('merge helpers', () => {
  it('compares JSON ignoring key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });

  it('merges fields three ways: one side changed → that side; both → the resolver', () => {
    const merged = mergeFields(
      { x: 1, y: 1, z: 1, gone: 1 },
      { x: 2, y: 1, z: 3 },
      { x: 1, y: 5, z: 4, gone: 1, added: 6 },
      (_f, _b, o, t) => `${o}/${t}`,
    );
    expect(merged).toEqual({ x: 2, y: 5, z: '3/4', added: 6 });
  });

  it('joins appended lists: theirs, then what ours added, ordered, repeats kept as often as they were said', () => {
    const e = (at: string, text: string) => ({ at, text });
    const base = [e('1', 'hej')];
    const ours = [e('1', 'hej'), e('3', 'nej'), e('3', 'nej')];
    const theirs = [e('1', 'hej'), e('2', 'ja'), e('3', 'nej')];
    expect(mergeAppended(base, ours, theirs, (x) => x.at)).toEqual([
      e('1', 'hej'),
      e('2', 'ja'),
      e('3', 'nej'),
      e('3', 'nej'),
    ]);
    expect(mergeAppended(base, ours, theirs, (x) => x.at, 2)).toEqual([e('3', 'nej'), e('3', 'nej')]);
    expect(mergeAppended(undefined, undefined, undefined)).toEqual([]);
  });
});

describe.skipIf(!baseUrl)(titled('PostgreSQL locks across instances'), () => {
  let schema: Schema;
  let a: Store;
  let b: Store;

  beforeEach(async () => {
    schema = await freshSchema();
    [a, b] = await Promise.all([
      openPostgresStore({ databaseUrl: schema.url, instanceId: 'a' }),
      openPostgresStore({ databaseUrl: schema.url, instanceId: 'b' }),
    ]);
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await schema.drop();
  });
  afterAll(async () => {
    await dropAll();
  });

  it('two instances never hold one key at once; the waiter runs as soon as the holder is done', async () => {
    const key = `turn:${randomUUID()}`;
    let inside = 0;
    let most = 0;
    const work = (store: Store) =>
      store.locks!.withLock(key, async () => {
        most = Math.max(most, ++inside);
        await pause(15);
        inside--;
      });
    await Promise.all(Array.from({ length: 12 }, (_, i) => work(i % 2 ? a : b)));
    expect(most).toBe(1);
  });

  it('a waiter gives up after its timeout (LockTimeoutError, work not run); the lock is still free afterwards', async () => {
    const key = `turn:${randomUUID()}`;
    const held = gate();
    const holding = a.locks!.withLock(key, () => held.opened);
    await pause(50);
    const started = Date.now();
    let ran = false;
    await expect(b.locks!.withLock(key, async () => void (ran = true), 200)).rejects.toBeInstanceOf(LockTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(ran).toBe(false);
    held.open();
    await holding;
    expect(await b.locks!.withLock(key, async () => 'free', 1_000)).toBe('free');
  });

  it('a holder whose database session dies (its instance killed) frees the lock at once, and the holder survives it', async () => {
    const key = `turn:${randomUUID()}`;
    const held = gate();
    const holding = a.locks!.withLock(key, async () => {
      await held.opened;
      return 'holder done';
    });
    await pause(100);
    // The server-side session of the holder's lock, found by the lock it holds, is terminated.
    const { rows } = await admin().query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
         AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)`,
      [key],
    );
    expect(rows).toHaveLength(1);
    await admin().query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    expect(await b.locks!.withLock(key, async () => 'waiter got it', 3_000)).toBe('waiter got it');
    held.open();
    expect(await holding).toBe('holder done');
    expect(await a.locks!.withLock(key, async () => 'again', 3_000)).toBe('again');
  });

  it('many conversations at once do not starve the queries their turns make (the locks have their own connections)', async () => {
    const small = await openPostgresStore({ databaseUrl: schema.url, pool: { max: 2, connectionTimeoutMs: 3_000 } });
    try {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          small.locks!.withLock(`turn:${randomUUID()}`, async () => {
            await small.state.write({ [`k${i}`]: { i } });
            await pause(20);
            return (await small.state.read([`k${i}`]))[`k${i}`]!.i as number;
          }),
        ),
      );
      expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i));
    } finally {
      await small.close();
    }
  });

  it('holds a key per instance with one database connection, however many turns wait for it', async () => {
    const key = `turn:${randomUUID()}`;
    const held = gate();
    const jobs = [
      a.locks!.withLock(key, () => held.opened),
      ...Array.from({ length: 5 }, () => a.locks!.withLock(key, async () => {})),
    ];
    await pause(100);
    const { rows } = await admin().query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)",
      [key],
    );
    expect(Number(rows[0]!.n)).toBe(1);
    held.open();
    await Promise.all(jobs);
  });
});
