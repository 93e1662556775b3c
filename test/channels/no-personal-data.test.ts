// "Logs never carry personal data", for the whole app rather than the logger alone: buildApp with a capturing
// logger at the most verbose level, driven over HTTP like the channels drive it (web chat and SMS on
// /api/messages, staff in Teams, the local Direct Line shim and the phone simulator), with a conversation full
// of phone numbers, e-mail addresses, personal identity numbers, names and street addresses, a connector that
// fails now and then, and a case delivered to Teams and relayed both ways. Nothing of it may reach the log.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startConnectorSink, type ConnectorSink } from './connector-sink.ts';

/** Everything personal the conversation below contains, as written. */
const PERSONAL = {
  phones: ['+46701234567', '0701234567', '070-123 45 67', '+46 70 123 45 67', '0046701234567', '040-12 34 56'],
  callers: ['+46709876543', '0709876543'],
  emails: ['anna.svensson@example.se', 'karim.h@mkb-hyresgast.example'],
  identityNumbers: ['19850101-1234', '850101-1234', '198501011234'],
  names: ['Anna Svensson', 'Karim Haddad'],
  addresses: ['Storgatan 5', 'Ramels väg 10', 'Rosengårdsgatan 12', 'lägenhet 1102', 'uppgång B'],
};
/** The numbers' digits alone too, however a log line might have reformatted them. */
const DIGITS = ['701234567', '709876543', '8501011234', '40123456'];

const TENANT_ID = '11111111-2222-4333-8444-555555555555';
const NIGHT = new Date('2027-01-19T22:00:00Z'); // Tuesday 23:00 in Malmö: Trygghetsjouren is on duty

const lines: string[] = [];
const consoleLines: string[] = [];
let app: App;
let base: string;
let teams: ConnectorSink;
let web: ConnectorSink;

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')),
    );
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  teams = await startConnectorSink();
  web = await startConnectorSink();
  const config = loadConfig({
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-nopii-')),
    LOG_LEVEL: 'trace',
    TEAMS_ALLOWED_TENANT_ID: TENANT_ID,
    TEAMS_ADMIN_IDS: 'aad-anna',
  });
  app = await buildApp(config, {
    now: () => NIGHT,
    log: createLogger('trace', sink as never),
    worker: { pollMs: 50, baseDelayMs: 20, maxDelayMs: 200 },
  });
  base = await app.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await teams.close();
  await web.close();
  vi.restoreAllMocks();
});

let seq = 0;
const post = async (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const activity = (extra: Record<string, unknown>) =>
  post(`${base}/api/messages`, { type: 'message', id: `act-${++seq}`, timestamp: NIGHT.toISOString(), ...extra });
const webchat = (text: string) =>
  activity({
    channelId: 'webchat',
    serviceUrl: web.url,
    from: { id: 'tenant-1', name: PERSONAL.names[0] },
    recipient: { id: 'trygg' },
    conversation: { id: 'web-nopii' },
    locale: 'sv-SE',
    text,
  });
const sms = (text: string) =>
  activity({
    channelId: 'sms',
    serviceUrl: web.url,
    from: { id: '+46701234567', name: '+46701234567' },
    recipient: { id: '+46101234500' },
    conversation: { id: '+46701234567' },
    channelData: { From: '+46701234567', To: '+46101234500' },
    text,
  });
const staff = { id: '29:staff-anna', name: PERSONAL.names[0], aadObjectId: 'aad-anna' };
const teamsActivity = (conversationId: string, extra: Record<string, unknown>) =>
  activity({
    channelId: 'msteams',
    serviceUrl: teams.url,
    from: staff,
    recipient: { id: '28:trygg', name: 'Trygg' },
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
    channelData: {
      tenant: { id: TENANT_ID },
      team: { id: '19:team@thread.tacv2' },
      channel: { id: '19:ch@thread.tacv2' },
    },
    ...extra,
  });

async function until<T>(fn: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the whole app keeps personal data out of its logs', () => {
  it('drives every channel with personal data, then finds none of it in the log', async () => {
    // Staff register a channel for the jour (so cases become cards), as the admin they are.
    await teamsActivity('19:ch@thread.tacv2', {
      text: '<at>Trygg</at> register trygghetsjour',
      entities: [{ type: 'mention', text: '<at>Trygg</at>', mentioned: { id: '28:trygg', name: 'Trygg' } }],
    });

    // Web chat: a disturbance with an address, a callback number, an e-mail address and an identity number.
    // The connector refuses one reply for good on the way: the turn fails, and that is logged with its error.
    web.failNext(/activities/, 1, 400);
    for (const text of [
      `Hej, jag heter ${PERSONAL.names[0]}, grannen spelar hög musik, mejla ${PERSONAL.emails[0]}`,
      'nej',
      `${PERSONAL.addresses[0]}, ${PERSONAL.addresses[4]}, ${PERSONAL.addresses[3]}`,
      `${PERSONAL.phones[2]} eller ${PERSONAL.phones[3]}, personnummer ${PERSONAL.identityNumbers[0]}`,
    ])
      expect((await webchat(text)).status).toBeLessThan(300);
    const card = await until(() => teams.accepted(/\/v3\/conversations\/?$/)[0]);

    // Staff claim it from the card and answer in the thread; the tenant answers back.
    const [kase] = await app.store.cases.list();
    const posted = (await app.store.cards.get(kase!.id))!;
    const threadId = posted.threadId;
    const claim = (
      card.body as { activity: { attachments: { content: { actions: { verb?: string; data?: object }[] } }[] } }
    ).activity.attachments[0]!.content.actions.find((a) => a.verb === 'claim')!.data;
    await teamsActivity(threadId, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: posted.messageId,
      value: { action: { type: 'Action.Execute', verb: 'claim', data: claim } },
    });
    await teamsActivity(threadId, { text: `Vi kommer till ${PERSONAL.addresses[1]}, ring ${PERSONAL.phones[5]}` });
    await until(() => web.messages().find((m) => String(m.text).includes('Vi kommer till')));
    await webchat(`Tack! Min granne ${PERSONAL.names[1]} på ${PERSONAL.addresses[2]} har nummer ${PERSONAL.phones[4]}`);

    // SMS: an emergency from a phone number, with more numbers and an address in it.
    await sms(`DET BRINNER på ${PERSONAL.addresses[1]}! ring ${PERSONAL.phones[1]} eller mejla ${PERSONAL.emails[1]}`);
    await sms(`personnummer ${PERSONAL.identityNumbers[1]} ${PERSONAL.identityNumbers[2]}`);

    // An incident at an address in the conversation: the SMS tenant is told, subscribes, gets an update, stops.
    const incident = await app.incidents.open({
      where: PERSONAL.addresses[1]!,
      kind: 'fire',
      text: { sv: `Brand på ${PERSONAL.addresses[1]}. Ring ${PERSONAL.phones[5]} om du har frågor.` },
      by: 'aad-anna',
    });
    await sms(`Vad har hänt på ${PERSONAL.addresses[1]}? Jag bor där, ${PERSONAL.names[0]}`);
    await sms('JA');
    await app.incidents.update(incident.id, {
      text: { sv: `Uppgång B på ${PERSONAL.addresses[1]} är öppen.` },
      by: 'cli',
    });
    await until(() => web.messages().find((m) => String(m.text).includes('Uppgång B på')));
    await sms('STOPP');

    // The local Direct Line shim, as the chat page uses it.
    const grant = await (
      await post(`${base}/v3/directline/conversations`, { user: { id: 'tenant-dl', name: PERSONAL.names[1] } })
    ).json();
    const sent = await fetch(`${base}/v3/directline/conversations/${grant.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${grant.token}` },
      body: JSON.stringify({
        type: 'message',
        from: { id: 'tenant-dl' },
        text: `Kranen läcker, ${PERSONAL.addresses[2]}`,
      }),
    });
    expect(sent.status).toBe(200);

    // The phone simulator: a caller's number, and what they say.
    const call = await (await post(`${base}/phone/api/calls`, { caller: PERSONAL.callers[0] })).json();
    for (const [kind, value] of [
      ['dtmf', '1'],
      ['speech', `Det läcker vatten i ${PERSONAL.addresses[3]} på ${PERSONAL.addresses[2]}`],
      ['speech', `ring mig på ${PERSONAL.callers[1]}, jag heter ${PERSONAL.names[1]}`],
      ['hangup', ''],
    ])
      expect((await post(`${base}/phone/api/calls/${call.id}/input`, { token: call.token, kind, value })).status).toBe(
        200,
      );

    await app.close();

    // The log is there and says what happened (so an empty log cannot pass): turns themselves log nothing,
    // but the registration, the failed turn with its error, and the simulator do.
    const all = lines.join('');
    for (const said of ['teams: channel registered', 'turn failed', 'phone simulator mounted'])
      expect(all).toContain(said);
    // ... and carries nothing personal, nor does anything printed to the console.
    const everything = `${all}\n${consoleLines.join('\n')}`;
    for (const secret of [...Object.values(PERSONAL).flat(), ...DIGITS])
      expect(everything, secret).not.toContain(secret);
  });
});
