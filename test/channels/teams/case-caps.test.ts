// Danger floods and the new-case caps, driven from outside: tenants on web chat and SMS, the Teams and tenant
// connectors at loopback sinks. 112 every time; repeat danger goes into the open emergency case's thread, not
// a new card; the caps (from the policy file) add words to the sender's open case or keep a case without a
// card, with an error log carrying the cap's code and a notice in Teams. Nothing is lost.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { DEFAULT_POLICY_FILE } from '../../../src/routing/policy.ts';
import { startConnectorSink, type ConnectorSink } from '../connector-sink.ts';

const TENANT_ID = '11111111-2222-4333-8444-555555555555';
const NOW = new Date('2027-01-23T22:05:00Z');
let app: App;
let teams: ConnectorSink;
let tenants: ConnectorSink;
let base: string;
let clock: Date;
let logLines: Record<string, unknown>[];

/** The default policy with other case limits. */
function policyWith(limits: Record<string, number>): string {
  let yaml = readFileSync(DEFAULT_POLICY_FILE, 'utf8');
  for (const [field, value] of Object.entries(limits))
    yaml = yaml.replace(new RegExp(`${field}: \\d+`), `${field}: ${value}`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'trygg-policy-')), 'policy.yaml');
  writeFileSync(file, yaml);
  return file;
}

async function start(limits: Record<string, number> = {}) {
  teams = await startConnectorSink();
  tenants = await startConnectorSink();
  clock = NOW;
  logLines = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trygg-caps-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', POLICY_FILE: policyWith(limits) });
  app = await buildApp(config, {
    now: () => clock,
    log: createLogger('warn', { write: (line: string) => void logLines.push(JSON.parse(line)) }),
    worker: { pollMs: 50, baseDelayMs: 20, maxDelayMs: 200 },
  });
  base = await app.listen(0, '127.0.0.1');
  await app.teams.registrations.register('incidents', {
    channelId: '19:incidents@thread.tacv2',
    teamId: '19:team@thread.tacv2',
    tenantId: TENANT_ID,
    serviceUrl: teams.url,
    registeredBy: 'test',
    registeredAt: NOW.toISOString(),
  });
}

afterEach(async () => {
  await app.close();
  await teams.close();
  await tenants.close();
});

let seq = 0;
/** A tenant's message: web chat by conversation id, or SMS from a number (`sms:+46…`, conversation per call). */
async function says(who: string, text: string, conversation = who) {
  const sms = who.startsWith('sms:');
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `act-${++seq}`,
      type: 'message',
      channelId: sms ? 'sms' : 'webchat',
      serviceUrl: tenants.url,
      from: { id: sms ? who.slice(4) : `user-${who}` },
      recipient: { id: 'trygg' },
      conversation: { id: conversation },
      locale: 'sv-SE',
      text,
    }),
  });
  expect(res.status).toBe(200);
  return tenants
    .messages()
    .filter((m) => (m.conversation as { id: string }).id === conversation)
    .map((m) => String(m.text ?? ''));
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

const cardPosts = () => teams.accepted(/\/v3\/conversations\/?$/);
const threadTexts = () => teams.accepted(/\/activities/).map((s) => String(s.body.text ?? ''));
/** Runs the outbox until nothing due is left: after it, whatever was enqueued has been delivered. */
const drained = async () => {
  await app.teams.worker.kick();
  await app.teams.worker.kick();
};
const codes = () => logLines.map((l) => l.code).filter(Boolean);

describe('repeat danger in one conversation', () => {
  it('is answered with 112 every time, and goes into the open emergency case: its thread, no new card', async () => {
    await start();
    const texts = ['Det brinner i trapphuset!', 'DET BRINNER fortfarande, röken kommer in', 'brinner på plan 3 nu'];
    for (const [i, text] of texts.entries()) {
      clock = new Date(NOW.getTime() + i * 5 * 60_000);
      const replies = await says('web-1', text);
      expect(replies.filter((r) => /^\**Ring 112 nu/.test(r))).toHaveLength(i + 1);
    }
    const all = await says('web-1', 'det brinner fortfarande');
    expect(all.at(-1)).toMatch(/lagt till ditt meddelande i ärende T-/);
    const cases = await app.store.cases.list();
    expect(cases).toHaveLength(1);
    expect(cases[0]!.transcript.filter((e) => e.from === 'tenant').map((e) => e.text)).toEqual([
      ...texts,
      'det brinner fortfarande',
    ]);
    await until(() => threadTexts().filter((t) => /^Hyresgästen skriver/.test(t)).length === 3 || undefined);
    await drained();
    expect(cardPosts()).toHaveLength(1);
    expect(threadTexts()).toEqual(expect.arrayContaining([`Hyresgästen skriver: ${texts[1]}`]));
  });

  it('opens a new case once the previous danger message is more than the follow-up minutes old', async () => {
    await start({ emergencyFollowUpMinutes: 30 });
    await says('web-1', 'Det brinner i trapphuset!');
    clock = new Date(NOW.getTime() + 31 * 60_000);
    await says('web-1', 'Det brinner igen, i källaren');
    expect(await app.store.cases.list()).toHaveLength(2);
  });
});

describe('new-case caps', () => {
  it('per conversation: over the cap the words go into its open case, with an error log and a notice', async () => {
    await start({ perConversationPerHour: 2, emergencyFollowUpMinutes: 1 });
    for (let i = 0; i < 4; i++) {
      clock = new Date(NOW.getTime() + i * 2 * 60_000);
      const replies = await says('web-1', `Det brinner i lägenhet ${i + 1}!`);
      expect(replies.filter((r) => /^\**Ring 112 nu/.test(r))).toHaveLength(i + 1);
    }
    const cases = await app.store.cases.list();
    expect(cases).toHaveLength(2);
    const newest = cases[0]!;
    expect(newest.transcript.filter((e) => e.from === 'tenant').map((e) => e.text)).toEqual(
      expect.arrayContaining(['Det brinner i lägenhet 3!', 'Det brinner i lägenhet 4!']),
    );
    expect(codes()).toEqual(['CASE_CAP_CONVERSATION', 'CASE_CAP_CONVERSATION']);
    expect(logLines.filter((l) => l.code).map((l) => l.level)).toEqual([50, 40]);
    await until(() => threadTexts().find((t) => /samma konversation \(2 i timmen\) är nådd/.test(t)));
    await until(() => threadTexts().find((t) => t === 'Hyresgästen skriver: Det brinner i lägenhet 4!'));
    await drained();
    expect(cardPosts()).toHaveLength(2);
  });

  it('per phone number: a new conversation from the same number goes into its latest case', async () => {
    await start({ perPhonePerHour: 2 });
    for (const [i, conv] of ['call-1', 'call-2', 'call-3'].entries()) {
      clock = new Date(NOW.getTime() + i * 60_000);
      const replies = await says('sms:+46701234567', `Det brinner hos mig ${i + 1}`, conv);
      expect(replies[0]).toMatch(/^\**Ring 112 nu/);
    }
    const cases = await app.store.cases.list();
    expect(cases).toHaveLength(2);
    expect(cases[0]!.transcript.map((e) => e.text)).toContain('Det brinner hos mig 3');
    expect(codes()).toEqual(['CASE_CAP_PHONE']);
    await until(() => threadTexts().find((t) => /samma telefonnummer \(2 i timmen\)/.test(t)));
    expect(JSON.stringify(logLines)).not.toContain('0701234567');
  });

  it('per hour: the first case over the cap gets its card with a notice, later ones are kept without one', async () => {
    await start({ perHour: 2 });
    for (let i = 1; i <= 5; i++) {
      const replies = await says(`web-${i}`, 'Det brinner i trapphuset!');
      expect(replies[0]).toMatch(/^\**Ring 112 nu/);
      expect(replies.at(-1)).toMatch(/Personalen i tjänst har fått veta \(ärende T-/);
    }
    const cases = await app.store.cases.list();
    expect(cases).toHaveLength(5);
    await until(() => threadTexts().find((t) => /i timmen \(2, alla kanaler tillsammans\) är nådd/.test(t)));
    await drained();
    expect(cardPosts()).toHaveLength(3);
    const carded = async () => {
      const all = await app.store.cases.list();
      const cards = await Promise.all(all.map((c) => app.store.cards.get(c.id)));
      return new Set(all.filter((_c, i) => cards[i]).map((c) => c.id));
    };
    expect((await carded()).size).toBe(3);
    expect(codes()).toEqual(['CASE_CAP_HOUR', 'CASE_CAP_HOUR', 'CASE_CAP_HOUR']);
    // A held case keeps the tenant's further words, without posting them anywhere.
    await says('web-5', 'Jag bor på plan 2');
    const withCards = await carded();
    const held = (await app.store.cases.list()).find(
      (c) => !withCards.has(c.id) && c.transcript.some((e) => e.text === 'Jag bor på plan 2'),
    );
    expect(held).toBeDefined();
    await drained();
    expect(threadTexts().join('\n')).not.toContain('Jag bor på plan 2');
    // A new hour: cards again.
    clock = new Date(NOW.getTime() + 3_600_000);
    await says('web-6', 'Det brinner i trapphuset!');
    await until(() => (cardPosts().length === 4 ? true : undefined));
  });
});
