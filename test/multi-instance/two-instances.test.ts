/**
 * Two Trygg instances on one PostgreSQL database act as one bot, driven from outside like the handoff test:
 * Teams-shaped and web-chat activities in, the connector at loopback sinks.
 * - a tenant conversation whose turns alternate between the instances continues correctly and produces
 *   exactly one card; turns sent to both at once are serialised, and a redelivery is answered once;
 * - an instance killed (SIGKILL) while its case could not be delivered loses nothing: a fresh instance
 *   delivers it, once — whether the dead instance had put the delivery back to retry, or died holding its
 *   lease;
 * - an instance killed after Teams took its card but before the case recorded the thread: the card is posted
 *   again once the lease runs out (Teams has no idempotency key; the README says so);
 * - `trygg cases` with DATABASE_URL lists the case.
 *
 * Needs a server: TRYGG_TEST_DATABASE_URL=$(bash scripts/postgres-test-server.sh) npx vitest run test/multi-instance
 * (skipped, saying so, without it). Every test gets a fresh schema. Only 127.0.0.1 is used.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App, type AppOptions } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { runCli } from '../cli/cli-helpers.ts';
import { startConnectorSink, type ConnectorSink } from '../channels/connector-sink.ts';
import { startGate, type Gate } from './gate.ts';
import { admin, baseUrl, dropAll, freshSchema, SKIP_REASON, titled, type Schema } from './pg-schema.ts';

if (!baseUrl) console.warn(`test/multi-instance/two-instances.test.ts: ${SKIP_REASON}`);

const ROOT = path.resolve(import.meta.dirname, '../..');
const TENANT_ID = '11111111-2222-4333-8444-555555555555';
const CARD = /\/v3\/conversations\/?$/;
const WORKER = { pollMs: 50, baseDelayMs: 20, maxDelayMs: 200 };

let schema: Schema;
let teams: ConnectorSink;
let web: ConnectorSink;
const apps: App[] = [];
const children: ChildProcess[] = [];
const gates: Gate[] = [];
const stores: Store[] = [];

beforeEach(async () => {
  if (!baseUrl) return;
  schema = await freshSchema();
  teams = await startConnectorSink();
  web = await startConnectorSink();
});

afterEach(async () => {
  if (!baseUrl) return;
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(apps.splice(0).map((a) => a.close()));
  await Promise.all(gates.splice(0).map((g) => g.close()));
  await Promise.all(stores.splice(0).map((st) => st.close()));
  await teams.close();
  await web.close();
  await schema.drop();
});

afterAll(async () => {
  if (baseUrl) await dropAll();
});

/** An instance in this process on the test schema, listening on 127.0.0.1; returns its base URL. */
async function instance(options: Partial<AppOptions> = {}): Promise<string> {
  const config = loadConfig({
    DATABASE_URL: schema.url,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-mi-')),
    LOG_LEVEL: 'silent',
    TEAMS_ALLOWED_TENANT_ID: TENANT_ID,
    TEAMS_ADMIN_IDS: 'aad-anna',
    // Instances sharing a database share the audit key (each has its own DATA_DIR here).
    AUDIT_HMAC_KEY: 'multi-instance-test-audit-key-0123456789',
  });
  const app = await buildApp(config, { log: createLogger('silent'), worker: WORKER, ...options });
  apps.push(app);
  return app.listen(0, '127.0.0.1');
}

/** A free TCP port on 127.0.0.1 (src/index.ts takes PORT and cannot be given 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `node src/index.ts` as a child process on the test schema; resolves with its base URL once it is ready. */
async function childInstance(): Promise<{ base: string; child: ChildProcess; stderr: () => string }> {
  const port = await freePort();
  const local = path.join(ROOT, 'node_modules/.bin/node');
  const node = existsSync(local) ? local : process.execPath; // Node 24 (type stripping), as `npm start` uses
  const child = spawn(node, ['--import', './test/multi-instance/loopback-only.ts', 'src/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: schema.url,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-mi-child-')),
      TEAMS_ALLOWED_TENANT_ID: TENANT_ID,
      TEAMS_ADMIN_IDS: 'aad-anna',
      AUDIT_HMAC_KEY: 'multi-instance-test-audit-key-0123456789',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => void (stderr += c.toString()));
  const base = `http://127.0.0.1:${port}`;
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`instance exited (${child.exitCode}): ${stderr}`);
    return (
      (await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )) || undefined
    );
  }, 30_000);
  return { base, child, stderr: () => stderr };
}

async function until<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Nothing waiting or leased in the outbox and no in-process delivery pass running: nothing more will arrive. */
async function drained() {
  const idle = () => apps.every((a) => !a.teams.worker.busy);
  await until(async () => {
    if (!idle()) return undefined;
    const open = (await outboxRows()).filter((r) => r.status === 'pending' || r.status === 'leased');
    return open.length === 0 && idle() ? true : undefined;
  });
}

let seq = 0;
async function post(base: string, activity: Record<string, unknown>) {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: `mi-${process.pid}-${++seq}`, timestamp: new Date().toISOString(), ...activity }),
  });
  return { status: res.status, body: await res.text() };
}

/** `@Trygg register <route>` from a staff member in the MKB team's channel, through `serviceUrl`. */
const register = (base: string, route: string, serviceUrl = teams.url) =>
  post(base, {
    type: 'message',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:staff-anna', name: 'Anna Lilja', aadObjectId: 'aad-anna' },
    recipient: { id: '28:trygg', name: 'Trygg' },
    conversation: { id: '19:channel@thread.tacv2', isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
    channelData: {
      tenant: { id: TENANT_ID },
      team: { id: '19:team@thread.tacv2' },
      channel: { id: '19:channel@thread.tacv2' },
    },
    text: `<at>Trygg</at> register ${route}`,
    entities: [{ type: 'mention', text: '<at>Trygg</at>', mentioned: { id: '28:trygg', name: 'Trygg' } }],
  });

/** A web-chat message from the tenant of `conversation`; resolves with the replies that turn sent (its replies name it). */
async function tenantSays(
  base: string,
  conversation: string,
  text: string,
  id = `mi-${process.pid}-${++seq}`,
): Promise<string[]> {
  const before = web.sent.length;
  const res = await post(base, {
    id,
    type: 'message',
    channelId: 'webchat',
    serviceUrl: web.url,
    from: { id: `tenant-${conversation}` },
    recipient: { id: 'trygg' },
    conversation: { id: conversation },
    locale: 'sv-SE',
    text,
  });
  expect(res.status).toBe(200);
  return web.sent
    .slice(before)
    .filter((s) => s.status === 200 && s.body.type === 'message' && s.body.replyToId === id)
    .map((s) => String(s.body.text ?? ''));
}

/** The jour is on duty now, whatever the weekly schedule says: an extra shift from the CLI, on the database. */
async function jourOnDuty() {
  const shift = await runCli(
    ['shift', 'add', 'trygghetsjour', '--from', 'now', '--to', '+2h', '--note', 'multi-instance test'],
    {
      env: { DATABASE_URL: schema.url },
      now: new Date().toISOString(),
    },
  );
  expect(shift.code, shift.err).toBe(0);
}

const cardPosts = () => teams.accepted(CARD);

/** The stored state of a web-chat conversation, read straight from the database. */
async function storedProfile(conversation: string) {
  const { rows } = await admin().query<{
    data: { profile?: { transcript?: { from: string; text: string }[]; openCaseId?: string } };
  }>(`SELECT data FROM ${schema.schema}.state WHERE key = $1`, [`webchat/conversations/${conversation}/`]);
  return rows[0]?.data.profile;
}

/** A store on the test schema whose outbox claims are counted (to wait for polls, not for time). */
async function countingStore() {
  const real = await openStore({ dataDir: '', databaseUrl: schema.url });
  stores.push(real);
  let claims = 0;
  const store: Store = {
    ...real,
    outbox: {
      ...real.outbox,
      claimDue: (...args) => {
        claims++;
        return real.outbox.claimDue(...args);
      },
    },
  };
  return { store, claims: () => claims };
}

async function outboxRows() {
  const { rows } = await admin().query<{ kind: string; status: string; attempts: number; leased_by: string | null }>(
    `SELECT kind, status, attempts, leased_by FROM ${schema.schema}.outbox ORDER BY id`,
  );
  return rows;
}

describe.skipIf(!baseUrl)(titled('two instances on one database'), () => {
  it(
    'a conversation whose turns alternate between the instances continues, and makes exactly one card',
    { timeout: 60_000 },
    async () => {
      const [a, b] = await Promise.all([instance(), instance()]);
      expect((await register(a, 'trygghetsjour')).status).toBe(200);
      expect(teams.messages().at(-1)?.text).toMatch(/tar nu emot ärenden för trygghetsjour/);
      await jourOnDuty();

      expect((await tenantSays(a, 'web-alt', 'grannen spelar hög musik')).join('\n')).toMatch(/Är någon i fara/);
      expect((await tenantSays(b, 'web-alt', 'nej')).join('\n')).toMatch(/Var är det\?/);
      expect((await tenantSays(a, 'web-alt', 'Storgatan 5, uppgång B')).join('\n')).toMatch(
        /Vilket nummer kan personalen ringa/,
      );
      const done = (await tenantSays(b, 'web-alt', '0701234567')).join('\n');
      expect(done).toMatch(/Ärende T-\S+ är skickat till Trygghetsjouren/);

      // Both instances' outbox workers poll the same table every 50 ms: one of them delivers the card, once.
      await until(() => (cardPosts().length ? true : undefined));
      await drained();
      expect(cardPosts()).toHaveLength(1);
      expect(JSON.stringify(cardPosts()[0]!.body)).toContain('Jag tar det');

      const cases = await apps[1]!.store.cases.list();
      expect(cases).toHaveLength(1);
      expect(cases[0]).toMatchObject({
        route: 'trygghetsjour',
        status: 'open',
        contact: { phone: '0701234567', address: 'Storgatan 5, uppgång B' },
      });
      expect((await apps[1]!.store.cards.get(cases[0]!.id))!.threadId).toMatch(/;messageid=\d+$/);
      expect((await outboxRows()).filter((r) => r.kind === 'staff.card')).toMatchObject([
        { status: 'done', attempts: 1 },
      ]);

      // The tenant writes again, to the other instance: it goes into the case, it does not start anew.
      expect((await tenantSays(a, 'web-alt', 'Nu skriker de också')).join('\n')).toMatch(
        new RegExp(`lagt till ditt meddelande i ärende ${cases[0]!.id}`),
      );
      expect(await apps[0]!.store.cases.list()).toHaveLength(1);

      const list = await runCli(['cases'], { env: { DATABASE_URL: schema.url } });
      expect(list.code, list.err).toBe(0);
      expect(list.out).toContain(cases[0]!.id);
      expect(list.out).toMatch(/trygghetsjour\s+open/);
    },
  );

  it(
    'turns of one conversation sent to both instances at once run one after the other; a redelivery to both is answered once',
    { timeout: 60_000 },
    async () => {
      const [a, b] = await Promise.all([instance(), instance()]);
      await register(b, 'trygghetsjour');
      await jourOnDuty();
      expect((await tenantSays(a, 'web-race', 'grannen spelar hög musik')).join('\n')).toMatch(/Är någon i fara/);

      // Two messages at once, one to each instance. Serialised, the second turn sees the first one's state: one
      // is the answer to the danger question (→ the address question), the other then the address (→ the phone
      // question). Interleaved, both would have answered the danger question.
      const [r1, r2] = await Promise.all([tenantSays(a, 'web-race', 'nej'), tenantSays(b, 'web-race', 'nej')]);
      const replies = [r1.join('\n'), r2.join('\n')].sort();
      expect(replies.filter((r) => /Var är det\?/.test(r))).toHaveLength(1);
      expect(replies.filter((r) => /Vilket nummer kan personalen ringa/.test(r))).toHaveLength(1);
      // The stored transcript has both turns whole, one after the other (a prompt is recorded twice, as prompt
      // and as retry prompt: consecutive repeats are folded).
      const transcript = (await storedProfile('web-race'))!.transcript!.map((e) => `${e.from}: ${e.text}`);
      const tail = transcript.slice(transcript.indexOf('tenant: nej')).filter((line, i, all) => line !== all[i - 1]);
      expect(tail).toHaveLength(4);
      expect(tail[0]).toBe('tenant: nej');
      expect(tail[1]).toMatch(/^bot: Var är det\?/);
      expect(tail[2]).toBe('tenant: nej');
      expect(tail[3]).toMatch(/^bot: Vilket nummer kan personalen ringa/);

      // The same activity delivered to both instances at once (a channel's redelivery): one answer.
      const id = `redelivered-${process.pid}-${Date.now()}`;
      // Both calls share the activity id, so each call's own view may include the other's reply: count once,
      // over everything the tenant received for that id.
      const before = web.sent.length;
      await Promise.all([tenantSays(a, 'web-race', '0701234567', id), tenantSays(b, 'web-race', '0701234567', id)]);
      const answers = web.sent
        .slice(before)
        .filter((x) => x.status === 200 && x.body.type === 'message' && x.body.replyToId === id);
      expect(answers.filter((x) => /är skickat till Trygghetsjouren/.test(String(x.body.text)))).toHaveLength(1);
      expect(await apps[0]!.store.cases.list()).toHaveLength(1);
      await until(() => (cardPosts().length ? true : undefined));
      await drained();
      expect(cardPosts()).toHaveLength(1);
    },
  );

  it(
    'an instance killed (SIGKILL) while Teams refuses its card loses nothing: a fresh instance delivers it, once',
    { timeout: 90_000 },
    async () => {
      const gate = await startGate(teams.url, CARD);
      gates.push(gate);
      const first = await childInstance();
      expect((await register(first.base, 'trygghetsjour', gate.url)).status).toBe(200);
      await jourOnDuty();

      gate.mode = 'fail'; // Teams answers 503 to every new card
      await tenantSays(first.base, 'web-kill', 'grannen spelar hög musik');
      await tenantSays(first.base, 'web-kill', 'nej');
      await tenantSays(first.base, 'web-kill', 'Storgatan 5');
      expect((await tenantSays(first.base, 'web-kill', '0701234567')).join('\n')).toMatch(
        /är skickat till Trygghetsjouren/,
      );

      // The instance tried, failed and put the card back to retry later; then it dies without a word.
      await until(async () =>
        (await outboxRows()).some((r) => r.kind === 'staff.card' && r.status === 'pending' && r.attempts >= 1)
          ? true
          : undefined,
      );
      first.child.kill('SIGKILL');
      await until(() => (first.child.signalCode === 'SIGKILL' ? true : undefined));
      expect(gate.stopped.length).toBeGreaterThanOrEqual(1);
      expect(cardPosts()).toHaveLength(0);

      gate.mode = 'pass';
      await instance();
      await until(() => (cardPosts().length ? true : undefined), 20_000);
      await drained();
      expect(cardPosts()).toHaveLength(1);
      expect((await outboxRows()).filter((r) => r.kind === 'staff.card')).toMatchObject([{ status: 'done' }]);
      const [kase] = await apps[0]!.store.cases.list();
      expect((await apps[0]!.store.cards.get(kase!.id))!.threadId).toBeTruthy();

      const list = await runCli(['cases'], { env: { DATABASE_URL: schema.url } });
      expect(list.code, list.err).toBe(0);
      expect(list.out).toContain(kase!.id);
      expect(list.out).toMatch(/trygghetsjour\s+open/);
    },
  );

  it(
    'an instance killed in the middle of delivering a card: another takes the delivery over once its lease has run out',
    { timeout: 90_000 },
    async () => {
      const gate = await startGate(teams.url, CARD);
      gates.push(gate);
      const first = await childInstance();
      await register(first.base, 'trygghetsjour', gate.url);
      await jourOnDuty();

      gate.mode = 'hang'; // Teams takes the card and never answers: the delivery is in flight, its lease held
      for (const text of ['grannen spelar hög musik', 'nej', 'Storgatan 5', '0701234567'])
        await tenantSays(first.base, 'web-lease', text);
      await until(() => (gate.stopped.length ? true : undefined));
      const [leased] = (await outboxRows()).filter((r) => r.kind === 'staff.card');
      expect(leased).toMatchObject({ status: 'leased', attempts: 1 });
      first.child.kill('SIGKILL');
      await until(() => (first.child.signalCode === 'SIGKILL' ? true : undefined));

      // A new instance leaves the dead one's lease alone while it holds (30 s) ...
      gate.mode = 'pass';
      let skew = 0;
      const polls = await countingStore();
      await instance({ now: () => new Date(Date.now() + skew), store: polls.store });
      const seen = polls.claims();
      await until(() => (polls.claims() >= seen + 5 ? true : undefined)); // it polled, and found nothing due
      expect(cardPosts()).toHaveLength(0);
      expect((await outboxRows()).find((r) => r.kind === 'staff.card')).toMatchObject({
        status: 'leased',
        leased_by: leased!.leased_by,
      });
      // ... and takes the delivery over once it has run out (its clock moved on, not to wait 30 s here).
      skew = 31_000;
      await until(() => (cardPosts().length ? true : undefined), 20_000);
      await drained();
      expect(cardPosts()).toHaveLength(1);
      const card = (await outboxRows()).find((r) => r.kind === 'staff.card')!;
      expect(card).toMatchObject({ status: 'done', attempts: 2 });
    },
  );

  it(
    'an instance killed after Teams took its card, before the case learned the thread: another posts it again once the lease has run out, so Teams shows it twice',
    { timeout: 90_000 },
    async () => {
      const gate = await startGate(teams.url, CARD);
      gates.push(gate);
      const first = await childInstance();
      await register(first.base, 'trygghetsjour', gate.url);
      await jourOnDuty();

      gate.mode = 'swallow'; // Teams gets the card; its answer never reaches the instance
      for (const text of ['grannen spelar hög musik', 'nej', 'Storgatan 5', '0701234567'])
        await tenantSays(first.base, 'web-swallow', text);
      await until(() => (cardPosts().length ? true : undefined));
      first.child.kill('SIGKILL');
      await until(() => (first.child.signalCode === 'SIGKILL' ? true : undefined));
      expect((await outboxRows()).find((r) => r.kind === 'staff.card')).toMatchObject({ status: 'leased' });

      gate.mode = 'pass';
      await instance({ now: () => new Date(Date.now() + 31_000) }); // past the dead instance's lease
      await until(() => (cardPosts().length === 2 ? true : undefined), 20_000);
      await drained();
      expect(cardPosts()).toHaveLength(2);
      const [kase] = await apps[0]!.store.cases.list();
      expect((await apps[0]!.store.cards.get(kase!.id))!.threadId).toBe(cardPosts()[1]!.reply!.id);
      expect((await outboxRows()).find((r) => r.kind === 'staff.card')).toMatchObject({ status: 'done', attempts: 2 });
    },
  );
});
