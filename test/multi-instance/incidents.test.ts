/**
 * One incident seen by two Trygg instances on one PostgreSQL database, driven from outside over loopback:
 * the CLI opens it and exactly one card is posted; tenants on either instance are told and counted once each
 * (a tenant whose turns go to both instances counts once); subscribers on both get each update exactly once
 * although both instances deliver; contacts about a cluster split between the instances make one proposal.
 *
 * Needs a server: TRYGG_TEST_DATABASE_URL=$(bash scripts/postgres-test-server.sh) npx vitest run test/multi-instance
 * (skipped, saying so, without it). Every test gets a fresh schema. Only 127.0.0.1 is used.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { runCli } from '../cli/cli-helpers.ts';
import { startConnectorSink, type ConnectorSink } from '../channels/connector-sink.ts';
import { baseUrl, dropAll, freshSchema, SKIP_REASON, titled, type Schema } from './pg-schema.ts';

if (!baseUrl) console.warn(`test/multi-instance/incidents.test.ts: ${SKIP_REASON}`);

const TENANT_ID = '11111111-2222-4333-8444-555555555555';
const INCIDENTS = '19:incidents@thread.tacv2';
const started = Date.now();
const now = () => new Date(Date.parse('2027-01-23T11:00:00Z') + (Date.now() - started));

let schema: Schema;
let teams: ConnectorSink;
let web: ConnectorSink;
const apps: App[] = [];

beforeEach(async () => {
  if (!baseUrl) return;
  schema = await freshSchema();
  teams = await startConnectorSink();
  web = await startConnectorSink();
});

afterEach(async () => {
  if (!baseUrl) return;
  await Promise.all(apps.splice(0).map((a) => a.close()));
  await teams.close();
  await web.close();
  await schema.drop();
});

afterAll(async () => {
  if (baseUrl) await dropAll();
});

async function instance(): Promise<string> {
  const config = loadConfig({
    DATABASE_URL: schema.url,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-mi-incidents-')),
    LOG_LEVEL: 'silent',
    TEAMS_ALLOWED_TENANT_ID: TENANT_ID,
    TEAMS_ADMIN_IDS: 'aad-anna',
    AUDIT_HMAC_KEY: 'multi-instance-test-audit-key-0123456789',
  });
  const app = await buildApp(config, {
    now,
    log: createLogger('silent'),
    worker: { pollMs: 50, baseDelayMs: 20, maxDelayMs: 200 },
    incidents: { cacheMs: 0, cardEveryMs: 200 },
  });
  apps.push(app);
  return app.listen(0, '127.0.0.1');
}

async function until<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

let seq = 0;
async function post(base: string, activity: Record<string, unknown>) {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: `mi-i-${process.pid}-${++seq}`, timestamp: now().toISOString(), ...activity }),
  });
  expect(res.status).toBe(200);
  return res.text();
}

const staff = (conversationId: string) => ({
  channelId: 'msteams',
  serviceUrl: teams.url,
  from: { id: '29:staff-anna', name: 'Anna Lilja', aadObjectId: 'aad-anna' },
  recipient: { id: '28:trygg', name: 'Trygg' },
  conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
  channelData: { tenant: { id: TENANT_ID }, team: { id: '19:team@thread.tacv2' }, channel: { id: INCIDENTS } },
});

/** `@Trygg register incidents` from an admin in the incidents channel. */
const register = (base: string) =>
  post(base, {
    type: 'message',
    ...staff(INCIDENTS),
    text: '<at>Trygg</at> register incidents',
    entities: [{ type: 'mention', text: '<at>Trygg</at>', mentioned: { id: '28:trygg', name: 'Trygg' } }],
  });

const tenantSays = (base: string, conversation: string, text: string) =>
  post(base, {
    type: 'message',
    channelId: 'webchat',
    serviceUrl: web.url,
    from: { id: `tenant-${conversation}` },
    recipient: { id: 'trygg' },
    conversation: { id: conversation },
    locale: 'sv-SE',
    text,
  });

const to = (conversation: string) =>
  web.accepted(new RegExp(`/v3/conversations/${conversation}/activities`)).map((s) => String(s.body.text ?? ''));

/** Nothing waiting or leased in the outbox and no delivery pass running on either instance. */
async function drained() {
  await until(async () => {
    if (apps.some((a) => a.teams.worker.busy)) return undefined;
    const open = [
      ...(await apps[0]!.store.outbox.list({ status: 'pending' })),
      ...(await apps[0]!.store.outbox.list({ status: 'leased' })),
    ];
    return open.length === 0 && !apps.some((a) => a.teams.worker.busy) ? true : undefined;
  });
}

describe.skipIf(!baseUrl)(titled('one incident, two instances'), () => {
  it(
    'one card, tenants on both instances told and counted once each, each update to each subscriber once',
    { timeout: 60_000 },
    async () => {
      const [a, b] = await Promise.all([instance(), instance()]);
      await register(a);
      const opened = await runCli(
        [
          'incident',
          'open',
          '--where',
          'Ramels väg 12',
          '--kind',
          'fire',
          '--text',
          'Brand på Ramels väg 12.',
          '--json',
        ],
        {
          env: { DATABASE_URL: schema.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-mi-cli-')) },
          now: now().toISOString(),
        },
      );
      expect(opened.code, opened.err).toBe(0);
      const { id } = JSON.parse(opened.out) as { id: string };
      const card = await until(() => apps[0]!.store.cards.get(id));

      await tenantSays(a, 'web-1', 'Vad har hänt på Ramels väg 12?');
      await tenantSays(b, 'web-2', 'vad hände på ramels vag?');
      await tenantSays(b, 'web-1', 'Och Ramels väg 12, vad händer nu?'); // the same tenant, the other instance
      expect(to('web-1').join('\n')).toContain('Brand på Ramels väg 12.');
      expect(to('web-2').join('\n')).toContain('Brand på Ramels väg 12.');
      await tenantSays(b, 'web-1', 'ja');
      await tenantSays(a, 'web-2', 'ja');
      expect(await apps[1]!.store.incidents.get(id)).toMatchObject({ reports: 2, subscribers: 2 });

      // An update from the card's thread, on instance B; both instances' outbox workers race to deliver.
      await post(b, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        ...staff(card.threadId),
        replyToId: card.messageId,
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'incident.update',
            data: { verb: 'incident.update', incidentId: id, text: 'Räddningstjänsten är klar.' },
          },
        },
      });
      const updates = (c: string) => to(c).filter((t) => t.includes('Räddningstjänsten är klar.'));
      await until(() => (updates('web-1').length && updates('web-2').length ? true : undefined));
      await drained();
      expect(updates('web-1')).toHaveLength(1);
      expect(updates('web-2')).toHaveLength(1);
      // One card for the incident, redrawn in place with the count.
      expect(
        teams.accepted(/\/v3\/conversations\/?$/).filter((p) => JSON.stringify(p.body).includes(`Händelse ${id}`)),
      ).toHaveLength(1);
      await until(() =>
        teams.sent.find(
          (s) =>
            s.method === 'PUT' &&
            s.path.endsWith(`/activities/${card.messageId}`) &&
            /Räddningstjänsten/.test(JSON.stringify(s.body)),
        ),
      );
      const listed = await runCli(['incident', 'list', '--json'], {
        env: { DATABASE_URL: schema.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-mi-cli-')) },
      });
      expect(JSON.parse(listed.out)).toEqual([
        { id, kind: 'fire', where: 'Ramels väg 12', status: 'open', reports: 2, subscribers: 2 },
      ]);
    },
  );

  it('contacts about one cluster split between the instances make one proposal card', { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    await register(a);
    await Promise.all(
      [a, b, a, b, a].map((base, i) =>
        tenantSays(base, `w-${i}`, `Strömmen har gått i hela huset på Ramels väg ${10 + i}`),
      ),
    );
    const proposals = () =>
      teams.accepted(/\/v3\/conversations\/?$/).filter((p) => JSON.stringify(p.body).includes('Förslag:'));
    await until(() => (proposals().length ? true : undefined));
    await drained();
    expect(proposals()).toHaveLength(1);
    expect(JSON.stringify(proposals()[0]!.body)).toContain('Förslag: Ström vid Rosengård');
  });
});
