/**
 * Two instances on one PostgreSQL database share the phone line's calls: Event Grid's incoming call reaches
 * one, and the Call Automation callbacks of that call, which no load balancer routes back to it, reach
 * either. ACS's REST API is under nock (a fake https host); the instances listen on 127.0.0.1.
 * - the callbacks of one call alternate between the instances, and the call goes on as on one;
 * - two callbacks of one call that arrive at once, one on each instance, are handled one after the other:
 *   the second waits for the first (held up by a slow ACS) and sees what it saved;
 * - one event delivered to both instances at once is handled once.
 *
 * Needs a server: TRYGG_TEST_DATABASE_URL=$(bash scripts/postgres-test-server.sh) npx vitest run test/multi-instance
 * (skipped, saying so, without it).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import {
  ACS_ENDPOINT,
  ACS_ENV,
  CALL_PATH,
  callbackPath,
  event,
  fixture,
  local,
  nockAction,
  nockAnswer,
  pressed,
  said,
  ssmlOf,
  type Seen,
} from '../channels/phone/harness.ts';
import { baseUrl, dropAll, freshSchema, SKIP_REASON, titled, type Schema } from './pg-schema.ts';

if (!baseUrl) console.warn(`test/multi-instance/phone.test.ts: ${SKIP_REASON}`);

let schema: Schema;
const apps: App[] = [];

beforeEach(async () => {
  if (baseUrl) schema = await freshSchema();
});

afterEach(async () => {
  if (!baseUrl) return;
  await Promise.all(apps.splice(0).map((a) => a.close()));
  await schema.drop();
});

afterAll(async () => {
  if (baseUrl) await dropAll();
});

/** An instance with the phone line on the test schema; returns a poster for its base URL. */
async function instance() {
  const config = loadConfig({
    ...ACS_ENV,
    DATABASE_URL: schema.url,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-mi-phone-')),
    LOG_LEVEL: 'silent',
    AUDIT_HMAC_KEY: 'multi-instance-test-audit-key-0123456789',
  });
  const app = await buildApp(config, { log: createLogger('silent'), now: () => local('2027-01-19 23:00') });
  apps.push(app);
  const base = await app.listen(0, '127.0.0.1');
  return {
    app,
    post: async (pathAndQuery: string, body: unknown) => {
      const res = await fetch(`${base}${pathAndQuery}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return res.status;
    },
  };
}

/** Rings instance `a` and connects the call through instance `b`: the menu is asked for. */
async function ringOnAConnectOnB(a: Awaited<ReturnType<typeof instance>>, b: typeof a, seen: Seen) {
  const answer = nockAnswer(seen);
  expect(await a.post('/api/calls/incoming', fixture('eventgrid-incoming-call'))).toBe(200);
  answer.done();
  const cb = callbackPath(seen);
  const menu = nockAction(seen, 'recognize');
  expect(await b.post(cb, event('call-connected'))).toBe(200);
  menu.done();
  expect(ssmlOf(seen.at(-1)!.body)).toMatch(/Hej, du har ringt Trygg/);
  return cb;
}

describe.skipIf(!baseUrl)(titled('two instances share the phone line'), () => {
  it('takes turns on the callbacks of one call: the call goes on as on one instance', { timeout: 30_000 }, async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const seen: Seen = [];
    const cb = await ringOnAConnectOnB(a, b, seen);

    const ask = nockAction(seen, 'recognize');
    expect(await a.post(cb, pressed('one'))).toBe(200);
    ask.done();
    expect(ssmlOf(seen.at(-1)!.body)).toContain('Berätta med egna ord vad som har hänt');

    const play = nockAction(seen, 'play');
    expect(await b.post(cb, said('det brinner i trapphuset'))).toBe(200);
    play.done();
    expect(ssmlOf(seen.at(-1)!.body).match(/Lägg på och ring <say-as interpret-as="telephone">112/g)).toHaveLength(2);

    const hangUp = nockAction(seen, 'terminate', 204);
    expect(await a.post(cb, event('play-completed', { operationContext: 'emergency' }))).toBe(200);
    hangUp.done();
    expect(await b.post(cb, event('call-disconnected'))).toBe(200);

    const cases = await a.app.store.cases.list();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ route: 'emergency', channelId: 'telephony' });
    // The call is over for both: its session is gone, and a late callback is refused on either.
    expect(await a.app.store.calls.count(new Date())).toEqual({ ringing: 0, answered: 0 });
    expect(await a.post(cb, pressed('nine'))).toBe(403);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it(
    'two callbacks of one call at once, one on each instance: one after the other, the second seeing the first',
    {
      timeout: 30_000,
    },
    async () => {
      const [a, b] = await Promise.all([instance(), instance()]);
      const seen: Seen = [];
      const cb = await ringOnAConnectOnB(a, b, seen);

      // ACS takes its time over the first callback's request, so that callback holds the call meanwhile.
      let release!: () => void;
      const slow = new Promise<void>((resolve) => (release = resolve));
      const order: string[] = [];
      nock(ACS_ENDPOINT)
        .post(`${CALL_PATH}:recognize`, (body) => (seen.push({ path: 'recognize', body }), true))
        .query(true)
        .reply(async () => {
          order.push('recognize: asked');
          await slow;
          order.push('recognize: answered');
          return [202, {}];
        });
      const play = nockAction(seen, 'play');
      const first = a.post(cb, pressed('one')); // the language: Swedish, then "tell me what happened"
      await until(() => order.length > 0);
      const second = b.post(cb, said('det brinner i trapphuset'));
      await new Promise((r) => setTimeout(r, 300));
      // The second has not been handled: it waits for the call.
      expect(seen.filter((s) => s.path === 'play')).toHaveLength(0);
      release();
      expect(await first).toBe(200);
      expect(await second).toBe(200);
      play.done();
      // The second callback saw the first's work (the call in Swedish, past the menu) and answered the danger.
      expect(ssmlOf(seen.at(-1)!.body)).toMatch(/xml:lang="sv-SE".*Lägg på och ring/);
      // And what it saved stands: the emergency's play is what the call waits for, so its end hangs up.
      const hangUp = nockAction(seen, 'terminate', 204);
      expect(await a.post(cb, event('play-completed', { operationContext: 'emergency' }))).toBe(200);
      hangUp.done();
    },
  );

  it('one event delivered to both instances at once is handled once', { timeout: 30_000 }, async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const seen: Seen = [];
    const cb = await ringOnAConnectOnB(a, b, seen);
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    nock(ACS_ENDPOINT)
      .post(`${CALL_PATH}:recognize`, (body) => (seen.push({ path: 'recognize', body }), true))
      .query(true)
      .times(2)
      .reply(async () => {
        asked++;
        await slow;
        return [202, {}];
      });
    const once = pressed('one');
    const first = a.post(cb, once);
    await until(() => asked > 0);
    // Event Grid's retry of the same event reaches the other instance while the first is still at work.
    const again = b.post(cb, once);
    await new Promise((r) => setTimeout(r, 300));
    release();
    expect(await Promise.all([first, again])).toEqual([200, 200]);
    expect(asked).toBe(1);
    expect(seen.filter((s) => s.path === 'recognize')).toHaveLength(2); // the menu, then this event's prompt
    nock.cleanAll();
  });
});

async function until(fn: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
