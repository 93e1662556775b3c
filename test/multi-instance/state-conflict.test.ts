/**
 * A stale eTag between a turn's load and its save: the conflict policy of `TryggConversation.onMessage`.
 * Two "instances" (two bots over one store, each with its own in-process lock, as when the shared lock
 * timed out) share a conversation; instance B's whole turn runs after instance A's turn has read the state
 * and before A saves it, so A's save meets a newer eTag. Nothing is run again and nothing is lost:
 * - both turns' replies stand (a 112 reply above all);
 * - the dialog of the turn that opened a case continues, with that case as the one further messages go
 *   into, so no stale dialog asks again and opens a second case;
 * - the transcripts of both turns are kept.
 * On the embedded store always; on PostgreSQL too when TRYGG_TEST_DATABASE_URL is set.
 */
import type { Storage } from 'botbuilder';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.ts';
import { openMemoryStore, StoreConflictError, type Store } from '../../src/store/index.ts';
import { saveChecked, snapshotState } from '../../src/store/locks.ts';
import { harness, local, type Harness } from '../dialogs/harness.ts';
import { baseUrl, dropAll, freshSchema, SKIP_REASON } from './pg-schema.ts';

const TUESDAY_NIGHT = '2027-01-19 23:00'; // the jour is on duty by the weekly schedule
const now = () => local(TUESDAY_NIGHT);
const CONVERSATION = 'conv-conflict';
const KEY = `webchat/conversations/${CONVERSATION}/`;

if (!baseUrl) console.warn(`test/multi-instance/state-conflict.test.ts: the PostgreSQL runs — ${SKIP_REASON}`);

afterAll(async () => {
  if (baseUrl) await dropAll();
});

interface Pair {
  store: Store;
  a: Harness;
  b: Harness;
  /** Runs `other` after A's next turn has read the state and before A saves it. */
  overtake(other: () => Promise<unknown>): void;
  /** How A's saves went: a conflict each time B overtook. */
  conflicts: number;
}

let ids = 0;
const id = () => `conflict-${process.pid}-${++ids}`;
const say = (h: Harness, text: string) => h.texts(text, { id: id() });

async function pair(store: Store): Promise<Pair> {
  let pending: (() => Promise<unknown>) | undefined;
  const result: Pair = {
    store,
    a: undefined as never,
    b: undefined as never,
    overtake: (f) => void (pending = f),
    conflicts: 0,
  };
  const state: Storage = {
    read: (keys) => store.state.read(keys),
    delete: (keys) => store.state.delete(keys),
    async write(changes) {
      const other = Object.keys(changes).includes(KEY) ? pending : undefined;
      pending = undefined;
      if (other) await other();
      try {
        return await store.state.write(changes);
      } catch (error) {
        if (error instanceof StoreConflictError) result.conflicts++;
        throw error;
      }
    },
  };
  // Separate store objects: each instance gets its own in-process lock, none shared (a lock that timed out).
  result.a = await harness({
    at: TUESDAY_NIGHT,
    store: { ...store, state, locks: undefined },
    conversationId: CONVERSATION,
  });
  result.b = await harness({ at: TUESDAY_NIGHT, store: { ...store, locks: undefined }, conversationId: CONVERSATION });
  return result;
}

async function toPhoneQuestion(h: Harness) {
  expect((await say(h, 'grannen spelar hög musik')).join('\n')).toMatch(/Är någon i fara/);
  expect((await say(h, 'nej')).join('\n')).toMatch(/Var är det\?/);
  expect((await say(h, 'Storgatan 5')).join('\n')).toMatch(/Vilket nummer kan personalen ringa/);
}

async function stored(store: Store) {
  const item = (await store.state.read([KEY]))[KEY] as {
    profile?: { openCaseId?: string; transcript?: { from: string; text: string }[] };
    dialogState?: { dialogStack?: unknown[] };
  };
  return {
    openCaseId: item.profile?.openCaseId,
    transcript: (item.profile?.transcript ?? []).map((e) => `${e.from}: ${e.text}`),
    stack: item.dialogState?.dialogStack ?? [],
  };
}

type Open = () => Promise<{ store: Store; dispose(): Promise<void> }>;

// The PostgreSQL runs are always listed: without a server they are reported as skipped, saying why.
const stores: [name: string, open: Open, skip: boolean][] = [
  [
    'embedded store',
    async () => {
      const store = await openMemoryStore({ now });
      return { store, dispose: () => store.close() };
    },
    false,
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = await freshSchema();
      const store = await openPostgresStore({ databaseUrl: schema.url, now });
      return {
        store,
        dispose: async () => {
          await store.close();
          await schema.drop();
        },
      };
    },
    !baseUrl,
  ],
];

for (const [name, open, skip] of stores)
  describe.skipIf(skip)(`a stale eTag between load and save (${name})${skip ? ` — ${SKIP_REASON}` : ''}`, () => {
    const run = (fn: (p: Pair) => Promise<void>) => async () => {
      const { store, dispose } = await open();
      try {
        await fn(await pair(store));
      } finally {
        await dispose();
      }
    };

    it(
      'the other turn opened the case: its finished dialog wins, so the answer is not asked for (and a case made) again',
      run(async (p) => {
        await toPhoneQuestion(p.a);
        let other: string[] = [];
        p.overtake(async () => (other = await say(p.b, '0701234567')));
        const mine = await say(p.a, 'hjälp');
        expect(p.conflicts).toBe(1);
        expect(other.join('\n')).toMatch(/Ärende T-\S+ är skickat till Trygghetsjouren/);
        expect(mine.join('\n')).toMatch(/Jag kan hjälpa dig/); // this turn's reply stands
        const [kase] = await p.store.cases.list();
        expect(await p.store.cases.list()).toHaveLength(1);
        const state = await stored(p.store);
        expect(state).toMatchObject({ openCaseId: kase!.id, stack: [] });
        expect(state.transcript).toContain('tenant: 0701234567');
        expect(state.transcript).toContain('tenant: hjälp');
        // The next message (on either instance) goes into that case; no second case.
        expect((await say(p.a, '0701234567')).join('\n')).toMatch(
          new RegExp(`lagt till ditt meddelande i ärende ${kase!.id}`),
        );
        expect((await say(p.b, 'hallå?')).join('\n')).toMatch(new RegExp(`ärende ${kase!.id}`));
        expect(await p.store.cases.list()).toHaveLength(1);
      }),
    );

    it(
      'this turn opened the case while the other only talked: the case stands once, both transcripts are kept',
      run(async (p) => {
        await toPhoneQuestion(p.a);
        p.overtake(() => say(p.b, 'hjälp'));
        expect((await say(p.a, '0701234567')).join('\n')).toMatch(/Ärende T-\S+ är skickat till Trygghetsjouren/);
        expect(p.conflicts).toBe(1);
        const [kase] = await p.store.cases.list();
        const state = await stored(p.store);
        expect(state).toMatchObject({ openCaseId: kase!.id, stack: [] });
        expect(state.transcript).toEqual(expect.arrayContaining(['tenant: hjälp', 'tenant: 0701234567']));
        expect((await say(p.b, 'Storgatan 5')).join('\n')).toMatch(new RegExp(`ärende ${kase!.id}`));
        expect(await p.store.cases.list()).toHaveLength(1);
      }),
    );

    it(
      'an emergency in this turn while the other answered the dialog: the 112 reply went out, the emergency case is the one followed',
      run(async (p) => {
        expect((await say(p.a, 'grannen spelar hög musik')).join('\n')).toMatch(/Är någon i fara/);
        expect((await say(p.a, 'nej')).join('\n')).toMatch(/Var är det\?/);
        let other: string[] = [];
        p.overtake(async () => (other = await say(p.b, 'Storgatan 5')));
        const mine = await say(p.a, 'Det brinner i trapphuset!');
        expect(p.conflicts).toBe(1);
        expect(mine[0]).toMatch(/Ring 112 nu/);
        expect(other.join('\n')).toMatch(/Vilket nummer kan personalen ringa/);
        const cases = await p.store.cases.list();
        expect(cases).toHaveLength(1);
        expect(cases[0]).toMatchObject({ route: 'emergency', danger: 'fire' });
        expect(await stored(p.store)).toMatchObject({ openCaseId: cases[0]!.id, stack: [] });
        // The stale handoff does not resume: the phone number goes into the emergency case, not a new one.
        expect((await say(p.b, '0701234567')).join('\n')).toMatch(new RegExp(`ärende ${cases[0]!.id}`));
        expect(await p.store.cases.list()).toHaveLength(1);
      }),
    );

    it(
      "an emergency in the other turn while this one answered the dialog: the emergency turn's state wins",
      run(async (p) => {
        expect((await say(p.a, 'grannen spelar hög musik')).join('\n')).toMatch(/Är någon i fara/);
        expect((await say(p.a, 'nej')).join('\n')).toMatch(/Var är det\?/);
        let other: string[] = [];
        p.overtake(async () => (other = await say(p.b, 'Det brinner i trapphuset!')));
        expect((await say(p.a, 'Storgatan 5')).join('\n')).toMatch(/Vilket nummer kan personalen ringa/);
        expect(p.conflicts).toBe(1);
        expect(other[0]).toMatch(/Ring 112 nu/);
        const cases = await p.store.cases.list();
        expect(cases).toHaveLength(1);
        expect(await stored(p.store)).toMatchObject({ openCaseId: cases[0]!.id, stack: [] });
        expect((await say(p.a, '0701234567')).join('\n')).toMatch(new RegExp(`ärende ${cases[0]!.id}`));
        expect(await p.store.cases.list()).toHaveLength(1);
      }),
    );

    it(
      'without another writer, a turn saves once with its eTag; a turn that changes nothing writes nothing',
      run(async (p) => {
        await say(p.a, 'grannen spelar hög musik');
        expect(p.conflicts).toBe(0);
        const before = (await p.store.state.read([KEY]))[KEY]!.eTag;
        const item = (await p.store.state.read([KEY]))[KEY];
        expect(await saveChecked(p.store.state, KEY, snapshotState(item), { ...item }, () => ({}))).toBe('unchanged');
        expect((await p.store.state.read([KEY]))[KEY]!.eTag).toBe(before);
      }),
    );

    it(
      'a conflict that does not go away is reported, not overwritten',
      run(async (p) => {
        await p.store.state.write({ k: { n: 0 } });
        const base = (await p.store.state.read(['k'])).k;
        let writes = 0;
        const busy: Storage = {
          read: (keys) => p.store.state.read(keys),
          delete: (keys) => p.store.state.delete(keys),
          async write(changes) {
            await p.store.state.write({ k: { n: ++writes * 100 } }); // someone else, every time
            return p.store.state.write(changes);
          },
        };
        await expect(
          saveChecked(busy, 'k', snapshotState(base), { n: 1 }, (_b, ours) => ours, 3),
        ).rejects.toBeInstanceOf(StoreConflictError);
        expect(writes).toBe(3);
        expect((await p.store.state.read(['k'])).k).toMatchObject({ n: 300 });
      }),
    );

    it(
      'a state nobody had stored yet, created by the other instance first, is merged rather than overwritten',
      run(async (p) => {
        p.overtake(() => say(p.b, 'grannen spelar hög musik'));
        const mine = await say(p.a, 'Hej, vilka öppettider har kontoret?');
        expect(mine.length).toBeGreaterThan(0);
        expect(p.conflicts).toBe(1);
        const state = await stored(p.store);
        expect(state.transcript).toEqual(
          expect.arrayContaining(['tenant: grannen spelar hög musik', 'tenant: Hej, vilka öppettider har kontoret?']),
        );
      }),
    );
  });
