// The Teams staff side driven from outside: Teams-shaped activities in, the connector (Teams and the tenant's
// web chat) at loopback sinks. Registration, a card per case, claim with the card's own action data, relay
// both ways, and exactly one card when Teams fails the first attempts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { runCli } from '../../cli/cli-helpers.ts';
import { startConnectorSink, type ConnectorSink } from '../connector-sink.ts';

const TENANT_ID = '11111111-2222-4333-8444-555555555555';
let app: App;
let base: string;
let teams: ConnectorSink;
let web: ConnectorSink;
let dataDir: string;
// Saturday 12:00 when a test starts, then on in real time (so retries fall due): the jour is not on duty by
// the weekly schedule; an extra shift puts it on. `later` jumps the clock.
const NOW = new Date('2027-01-23T11:00:00Z');
let later: Date | undefined;
let started = Date.now();

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'trygg-teams-'));
  teams = await startConnectorSink();
  web = await startConnectorSink();
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    TEAMS_ALLOWED_TENANT_ID: TENANT_ID,
    TEAMS_ADMIN_IDS: 'aad-anna',
  });
  later = undefined;
  started = Date.now();
  app = await buildApp(config, {
    now: () => later ?? new Date(NOW.getTime() + (Date.now() - started)),
    log: createLogger('silent'),
    worker: { pollMs: 50, baseDelayMs: 20, maxDelayMs: 200 },
  });
  base = await app.listen(0, '127.0.0.1');
});
afterEach(async () => {
  await app.close();
  await teams.close();
  await web.close();
});

let seq = 0;
const post = async (activity: Record<string, unknown>) => {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: `act-${++seq}`, timestamp: NOW.toISOString(), ...activity }),
  });
  return { status: res.status, body: await res.text() };
};

const channelData = {
  tenant: { id: TENANT_ID },
  team: { id: '19:team@thread.tacv2' },
  channel: { id: '19:channel@thread.tacv2' },
};
const staff = { id: '29:staff-anna', name: 'Anna Lilja', aadObjectId: 'aad-anna' };
const teamsMessage = (text: string, conversationId = '19:channel@thread.tacv2', extra: Record<string, unknown> = {}) =>
  post({
    type: 'message',
    channelId: 'msteams',
    serviceUrl: teams.url,
    from: staff,
    recipient: { id: '28:trygg', name: 'Trygg' },
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
    channelData,
    text: `<at>Trygg</at> ${text}`,
    entities: [{ type: 'mention', text: '<at>Trygg</at>', mentioned: { id: '28:trygg', name: 'Trygg' } }],
    ...extra,
  });
const tenantSays = (text: string) =>
  post({
    type: 'message',
    channelId: 'webchat',
    serviceUrl: web.url,
    from: { id: 'tenant-1' },
    recipient: { id: 'trygg' },
    conversation: { id: 'web-conv-1' },
    locale: 'sv-SE',
    text,
  });

async function until<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Nothing waiting or leased in the outbox, and no delivery pass running: nothing more will arrive. */
async function drained(): Promise<void> {
  await until(async () => {
    if (app.teams.worker.busy) return undefined;
    const open = [
      ...(await app.store.outbox.list({ status: 'pending' })),
      ...(await app.store.outbox.list({ status: 'leased' })),
    ];
    return open.length === 0 && !app.teams.worker.busy ? true : undefined;
  });
}

const webTexts = () => web.messages().map((m) => String(m.text ?? ''));
const cardPosts = () => teams.accepted(/\/v3\/conversations\/?$/);

/** The claim action's data, read from the card that was posted. */
function claimData(card: Record<string, unknown>): Record<string, unknown> {
  const actions = (card.actions as { verb?: string; data?: Record<string, unknown> }[]) ?? [];
  return actions.find((a) => a.verb === 'claim')!.data!;
}

async function reportDisturbance() {
  await tenantSays('grannen spelar hög musik');
  await tenantSays('nej');
  await tenantSays('Storgatan 5, uppgång B');
  await tenantSays('0701234567');
}

describe('Teams handoff', () => {
  it('register, a shift from the CLI, a disturbance becomes one card; claim, relay both ways, close', async () => {
    expect((await teamsMessage('register trygghetsjour')).status).toBe(200);
    expect(teams.messages().at(-1)?.text).toMatch(/tar nu emot ärenden för trygghetsjour/);

    const shift = await runCli(['shift', 'add', 'trygghetsjour', '--from', 'now', '--to', '+2h'], {
      env: { DATA_DIR: dataDir },
      now: NOW.toISOString(),
    });
    expect(shift.code).toBe(0);

    await reportDisturbance();
    expect(webTexts().join('\n')).toMatch(/skickat till Trygghetsjouren/);

    const [post1] = await until(() => (cardPosts().length ? cardPosts() : undefined));
    await drained();
    expect(cardPosts()).toHaveLength(1);
    const params = post1!.body as {
      channelData: { channel: { id: string } };
      activity: { attachments: { content: Record<string, unknown> }[] };
    };
    expect(params.channelData.channel.id).toBe('19:channel@thread.tacv2');
    const card = params.activity.attachments[0]!.content;
    expect(JSON.stringify(card)).toContain('Jag tar det');
    expect(JSON.stringify(card)).not.toContain('0701234567'); // masked until claimed

    const [kase] = await app.store.cases.list();
    const posted = (await app.store.cards.get(kase!.id))!;
    const threadId = posted.threadId;
    expect(threadId).toMatch(/;messageid=\d+$/);
    const rootId = posted.messageId;

    // Claim with the card's own action data (Universal Actions invoke).
    const invoke = await post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: teams.url,
      from: staff,
      recipient: { id: '28:trygg', name: 'Trygg' },
      conversation: { id: threadId, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
      channelData,
      replyToId: rootId,
      value: { action: { type: 'Action.Execute', verb: 'claim', data: claimData(card) }, trigger: 'manual' },
    });
    expect(invoke.status).toBe(200);
    expect(invoke.body).toMatch(/Taget av .*Anna Lilja/);
    expect((await app.store.cases.get(kase!.id))!.status).toBe('claimed');
    // The tenant hears the team's name, never the staff member's (policy handoff.staffNameToTenant).
    await until(() => webTexts().find((t) => /Trygghetsjouren på MKB har tagit ditt ärende/.test(t)));
    expect(webTexts().join('\n')).not.toMatch(/Anna|Lilja/);

    // A second claim is refused politely.
    const again = await post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: teams.url,
      from: { id: '29:staff-bo', name: 'Bo' },
      recipient: { id: '28:trygg' },
      conversation: { id: threadId, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
      channelData,
      replyToId: rootId,
      value: { action: { type: 'Action.Execute', verb: 'claim', data: claimData(card) } },
    });
    expect(again.body).toMatch(/Anna Lilja har redan tagit/);

    // Staff writes in the thread → the tenant; the tenant answers → the thread.
    await teamsMessage('Vi är där om tio minuter.', threadId);
    await until(() => webTexts().find((t) => /Vi är där om tio minuter/.test(t)));
    await tenantSays('Tack, nu är det lite lugnare');
    await until(() =>
      teams
        .accepted(/activities/)
        .find((s) => /Hyresgästen skriver: Tack, nu är det lite lugnare/.test(String(s.body.text))),
    );

    // Close: the tenant is told, and the bot takes over again.
    await post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: teams.url,
      from: staff,
      recipient: { id: '28:trygg' },
      conversation: { id: threadId, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
      channelData,
      replyToId: rootId,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'close',
          data: { verb: 'close', caseId: kase!.id, outcome: 'visited' },
        },
      },
    });
    await until(() => webTexts().find((t) => /är avslutat/.test(t)));
    expect((await app.store.cases.get(kase!.id))!.status).toBe('closed');
  });

  it('with Teams refusing the first three attempts, the outbox retries and the card arrives exactly once', async () => {
    await teamsMessage('register trygghetsjour');
    await runCli(['shift', 'add', 'trygghetsjour', '--from', 'now', '--to', '+2h'], {
      env: { DATA_DIR: dataDir },
      now: NOW.toISOString(),
    });
    // 412, which the connector client does not retry itself (it does 503 and 429): each one is an outbox attempt.
    teams.failNext(/\/v3\/conversations\/?$/, 3, 412);
    await reportDisturbance();
    await until(() => (cardPosts().length ? true : undefined), 15_000);
    await drained();
    expect(cardPosts()).toHaveLength(1);
    expect(teams.sent.filter((s) => /\/v3\/conversations\/?$/.test(s.path) && s.status === 412).length).toBe(3);
    expect(await app.store.outbox.list({ status: 'done' })).toContainEqual(
      expect.objectContaining({ kind: 'staff.card', attempts: 4, lastError: 'HTTP 412' }),
    );
  });

  it('refuses staff commands from another tenant and from unregistered teams', async () => {
    const other = await post({
      type: 'message',
      channelId: 'msteams',
      serviceUrl: teams.url,
      from: staff,
      recipient: { id: '28:trygg' },
      conversation: {
        id: '19:channel@thread.tacv2',
        isGroup: true,
        conversationType: 'channel',
        tenantId: 'another-tenant',
      },
      channelData: { ...channelData, tenant: { id: 'another-tenant' } },
      text: 'register trygghetsjour',
    });
    expect(other.status).toBe(200);
    expect(teams.messages().at(-1)?.text).toMatch(/bara MKB:s egna team/);
    expect(await app.teams.registrations.get('trygghetsjour')).toBeUndefined();
    await teamsMessage('status');
    expect(teams.messages().at(-1)?.text).toMatch(/bara MKB:s egna team/);
    await teamsMessage('register incidents');
    await teamsMessage('status');
    expect(teams.messages().at(-1)?.text).toMatch(/Öppna ärenden: 0/);
  });

  it('an emergency posts an information card to the incidents channel', async () => {
    await teamsMessage('registrera incidents');
    await tenantSays('Det brinner i trapphuset!');
    expect(webTexts()[0]).toMatch(/Ring 112 nu/);
    const [card] = await until(() => (cardPosts().length ? cardPosts() : undefined));
    const content = JSON.stringify(card!.body);
    expect(content).toContain('112-händelse');
    expect(content).toContain('kontrollera fastigheten');
    expect(content).not.toContain('Jag tar det');
  });

  it('a case nobody claims is re-alerted once, and the tenant is told what to do meanwhile', async () => {
    await teamsMessage('register trygghetsjour');
    await runCli(['shift', 'add', 'trygghetsjour', '--from', 'now', '--to', '+2h'], {
      env: { DATA_DIR: dataDir },
      now: NOW.toISOString(),
    });
    await reportDisturbance();
    await until(() => (cardPosts().length ? true : undefined));
    expect(await app.desk.remindUnclaimed()).toBe(0);
    later = new Date(NOW.getTime() + 11 * 60_000);
    expect(await app.desk.remindUnclaimed()).toBe(1);
    expect(await app.desk.remindUnclaimed()).toBe(1); // enqueued again with the same keys: delivered once
    await until(() => webTexts().find((t) => /Ingen har hunnit ta ditt ärende/.test(t)));
    await until(() => teams.accepted(/activities/).find((s) => /Ingen har tagit ärende/.test(String(s.body.text))));
    await drained();
    expect(webTexts().filter((t) => /Ingen har hunnit/.test(t))).toHaveLength(1);
    expect(webTexts().join('\n')).toMatch(/040-000 00 01/);
  });

  it('the Action.Submit fallback claims too, and the card is updated in place', async () => {
    await teamsMessage('register trygghetsjour');
    await runCli(['shift', 'add', 'trygghetsjour', '--from', 'now', '--to', '+2h'], {
      env: { DATA_DIR: dataDir },
      now: NOW.toISOString(),
    });
    await reportDisturbance();
    const [cardPost] = await until(() => (cardPosts().length ? cardPosts() : undefined));
    const card = (
      cardPost!.body as {
        activity: { attachments: { content: { actions: { verb?: string; fallback: { data: unknown } }[] } }[] };
      }
    ).activity.attachments[0]!.content;
    const submitData = card.actions.find((a) => a.verb === 'claim')!.fallback.data;
    const [kase] = await app.store.cases.list();
    const posted = (await until(() => app.store.cards.get(kase!.id)))!;
    await teamsMessage('', posted.threadId, {
      text: undefined,
      entities: [],
      value: submitData,
      replyToId: posted.messageId,
    });
    await until(() => teams.sent.find((s) => s.method === 'PUT' && s.status === 200));
    expect((await app.store.cases.get(kase!.id))!).toMatchObject({ status: 'claimed', claimedBy: 'Anna Lilja' });
  });

  it('a case for a route without a registered channel waits, visible in trygg cases', async () => {
    await runCli(['shift', 'add', 'trygghetsjour', '--from', 'now', '--to', '+2h'], {
      env: { DATA_DIR: dataDir },
      now: NOW.toISOString(),
    });
    await reportDisturbance();
    expect(webTexts().join('\n')).toMatch(/040-000 00 01/);
    // It waits, alerting, never marked delivered (test/channels/teams/undelivered.test.ts has the rest).
    await until(async () =>
      (await app.store.outbox.list({ status: 'pending' })).find((i) => i.kind === 'staff.card' && i.attempts >= 2),
    );
    expect(cardPosts()).toHaveLength(0);
    const list = await runCli(['cases'], { env: { DATA_DIR: dataDir } });
    expect(list.out).toMatch(/trygghetsjour\s+open/);
  });
});
