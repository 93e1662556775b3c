// What the README promises about staff cards, with the failures that happen after Teams has the card: Teams
// answers late (within the deadline: one card), answers after the deadline or never (the send is aborted at
// the deadline and retried: Teams then has the card twice), or the instance dies between Teams taking the
// card and recording its thread on the case (after the lease runs out another instance posts it again: twice;
// the dead one, woken, settles and posts nothing). And a post Teams refuses is retried, never counted as sent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StoreError, type Store } from '../../../src/store/index.ts';
import { CARD, startHarness, until, type Harness } from './outbox-harness.ts';

const harnesses: Harness[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  for (const s of stores.splice(0)) await s.close();
});

async function start(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  harnesses.push(h);
  return h;
}

const FAST = { pollMs: 50, baseDelayMs: 20, maxDelayMs: 200 };

/** The thread of the first case's card, once recorded. */
async function threadOf(h: Harness): Promise<string | undefined> {
  const [c] = await h.app.store.cases.list();
  return c && (await h.app.store.cards.get(c.id))?.threadId;
}

/** The threads Teams created for case cards (not notices), in order. */
const cardThreads = (h: Harness) => h.cardPosts().map((p) => p.body);

async function caseWithCard(h: Harness) {
  await h.teamsMessage('register trygghetsjour');
  await h.onDuty();
  await h.reportDisturbance();
}

describe('exactly once, and where Teams has no idempotency key', () => {
  it('Teams takes the card and answers late, within the deadline: one card', async () => {
    const h = await start({ worker: { ...FAST, deliverTimeoutMs: 5_000, leaseMs: 10_000 } });
    h.teams.holdNext(CARD, 1, 1_000);
    await caseWithCard(h);
    await until(async () => threadOf(h));
    await h.drained();
    expect(cardThreads(h)).toHaveLength(1);
    expect(h.teams.sent.filter((s) => s.aborted)).toEqual([]);
    expect(await h.app.store.outbox.list({ status: 'done' })).toContainEqual(
      expect.objectContaining({ kind: 'staff.card', attempts: 1 }),
    );
  });

  it.each([
    ['after the deadline', 2_000],
    ['never', 'never'],
  ] as const)(
    'Teams takes the card and answers %s: the send is aborted at the deadline and retried, so Teams has it twice',
    async (_when, ms) => {
      const h = await start({ worker: { ...FAST, deliverTimeoutMs: 400, leaseMs: 4_000 } });
      h.teams.holdNext(CARD, 1, ms);
      await caseWithCard(h);
      const [kase, thread] = await until(async () => {
        const [c] = await h.app.store.cases.list();
        const t = await threadOf(h);
        return c && t ? ([c, t] as const) : undefined;
      });
      await h.drained();
      const posts = h.cardPosts();
      expect(posts).toHaveLength(2);
      expect(posts[0]!.aborted).toBe(true); // the first send was stopped, not left running
      expect(posts[1]!.aborted).toBeUndefined();
      // The case knows the second thread only: staff's replies and updates go there.
      expect(thread).toBe(posts[1]!.reply!.id);
      expect(await h.app.store.outbox.list({ caseId: kase.id, status: 'done' })).toContainEqual(
        expect.objectContaining({ kind: 'staff.card', attempts: 2, lastError: 'DeliveryTimeoutError' }),
      );
    },
  );

  it('the instance dies between Teams taking the card and recording its thread: another posts it again once its lease runs out; the dead one, woken, adds nothing', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'trygg-dies-'));
    // The first instance's store "dies" the moment Teams has the card: nothing it does afterwards lands.
    const { store: mortal, kill, revive } = killable(await openStore({ dataDir }));
    const a = await start({ store: mortal, worker: FAST }, dataDir);
    a.teams.onAccept = (sent) => {
      if (CARD.test(sent.path)) kill();
    };
    await caseWithCard(a);
    await until(() => (a.cardPosts().length ? true : undefined));
    // Dead: the case never learns its thread, the item stays leased under the dead instance's lease.
    await until(() => a.logs.find((l) => l.alert === 'TRYGG_ALERT_OUTBOX_FAILING'));

    const b = await start({ worker: FAST }, a.dataDir);
    const [leased] = await b.app.store.outbox.list({ status: 'leased' });
    expect(leased).toMatchObject({ kind: 'staff.card', attempts: 1 });
    expect(cardThreads(a)).toHaveLength(1);
    b.clock.advance(31_000); // the lease (30 s) runs out on the new instance's clock
    const [kase, thread] = await until(async () => {
      const [c] = await b.app.store.cases.list();
      const t = await threadOf(b);
      return c && t ? ([c, t] as const) : undefined;
    });
    await b.drained();
    expect(a.cardPosts()).toHaveLength(2); // both went to the registered channel: Teams shows the card twice
    expect(thread).toBe(a.cardPosts()[1]!.reply!.id);

    // Had the first instance only stalled, waking up changes nothing: its lease was taken over.
    revive();
    a.teams.onAccept = undefined;
    await a.app.teams.worker.kick();
    await b.drained();
    expect(a.cardPosts()).toHaveLength(2);
    expect((await b.app.store.cards.get(kase.id))!.threadId).toBe(thread);
    expect(await b.app.store.outbox.get(leased!.id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('a post in the thread that Teams refuses is retried, not counted as sent', async () => {
    const h = await start({ worker: FAST });
    await caseWithCard(h);
    await until(async () => threadOf(h));
    h.teams.failNext(/activities/, 1, 412); // not retried inside the connector: only the outbox can
    await h.tenantSays('Nu skriker de också');
    const posts = () => h.teams.sent.filter((s) => /Nu skriker de också/.test(String(s.body.text)));
    await until(() => posts().find((s) => s.status === 200));
    await h.drained();
    expect(posts().map((s) => s.status)).toEqual([412, 200]);
  });
});

/** A store that can die: every call after `kill()` rejects (as for a process that is gone), until `revive()`. */
function killable(real: Store): { store: Store; kill(): void; revive(): void } {
  let dead = false;
  stores.push(real);
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop) as unknown;
        if (prop === 'close') return async () => {}; // closed by the test, after the app
        if (typeof value === 'function')
          return (...args: unknown[]) =>
            dead
              ? Promise.reject(new StoreError('the instance is gone'))
              : (value as (...a: unknown[]) => unknown).apply(t, args);
        return value && typeof value === 'object' ? wrap(value) : value;
      },
    });
  return { store: wrap(real), kill: () => void (dead = true), revive: () => void (dead = false) };
}
