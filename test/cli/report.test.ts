// `trygg report` against the store the server uses: the night of a date, any span, md / json / csv. The CSV
// has one row per case and no phone number or message text, however they were written; formula cells are
// neutralised.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { runCli } from './cli-helpers.ts';

const PHONES = ['0701234567', '070-765 43 21', '+46 70 111 22 33'];
let env: NodeJS.ProcessEnv;

/** Tuesday night 19–20 January 2027 (the office closes 16:00, opens 07:00), seeded as the bot would. */
beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trygg-cli-report-'));
  env = { DATA_DIR: dataDir };
  const clock = { now: new Date('2027-01-19T21:00:00Z') };
  const store = await openStore({ dataDir, now: () => clock.now });
  const decide = (at: string, conversation: string, route: string, channelId: string, language: string) =>
    store.audit.append({
      at,
      route: route as 'office',
      rule: 'r',
      category: 'disturbance',
      danger: null,
      channelId,
      language: language as 'sv',
      conversationHash: store.audit.hashConversation(conversation),
    });
  await decide('2027-01-19T21:00:00Z', PHONES[0]!, 'trygghetsjour', 'sms', 'sv');
  await decide('2027-01-19T21:05:00Z', PHONES[0]!, 'emergency', 'sms', 'sv'); // the same contact, more urgent
  await decide('2027-01-19T23:30:00Z', 'web-1', 'fastighetsjour', 'webchat', 'en');
  await decide('2027-01-20T01:10:00Z', 'web-2', 'office', 'webchat', 'ar');
  await decide('2027-01-20T07:00:00Z', 'web-3', 'office', 'webchat', 'sv'); // after the night
  const base = {
    language: 'sv' as const,
    channelId: 'sms',
    conversation: { conversation: { id: PHONES[0]!, isGroup: false, conversationType: 'personal', name: '' } },
  };
  const jour = await store.cases.create({
    ...base,
    route: 'trygghetsjour',
    category: 'disturbance',
    summary: `Granne ringer ${PHONES[1]}`,
    transcript: [{ from: 'tenant', text: `grannen spelar hög musik, ring mig på ${PHONES[0]}` }],
    contact: { phone: PHONES[0], address: 'Storgatan 5' },
  });
  clock.now = new Date('2027-01-19T21:04:00Z');
  await store.cases.update(jour.id, { status: 'claimed', claimedBy: 'Anna Lilja' });
  clock.now = new Date('2027-01-19T21:30:00Z');
  await store.cases.update(jour.id, { status: 'closed', outcome: `=HYPERLINK("x",${PHONES[2]})` });
  clock.now = new Date('2027-01-19T23:30:00Z');
  await store.cases.create({
    ...base,
    channelId: 'webchat',
    language: 'en',
    route: 'fastighetsjour',
    category: 'urgent_fault',
    transcript: [{ from: 'tenant', text: `Water through the ceiling, call ${PHONES[2]}` }],
    contact: { address: 'Lönngatan 3', stairwell: 'B', phone: PHONES[2] },
  });
  clock.now = new Date('2027-01-20T08:00:00Z');
  await store.cases.create({ ...base, route: 'office', category: 'minor_fault' }); // the next day
  await store.close();
});

describe('trygg report', () => {
  it('--night D --format json: the night from the office’s closing to its next opening', async () => {
    const r = await runCli(['report', '--night', '2027-01-19', '--format', 'json'], { env });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      from: '2027-01-19T15:00:00.000Z',
      to: '2027-01-20T06:00:00.000Z',
      contacts: 3,
      byRoute: { emergency: 1, fastighetsjour: 1, office: 1, trygghetsjour: 0 },
      byChannel: { sms: 1, webchat: 2 },
      byLanguage: { sv: 1, en: 1, ar: 1 },
      cases: { opened: 2, claimed: 1, closed: 1, unclaimed: 1 },
      timeToClaimSeconds: { median: 240, p90: 240 },
      incidents: [],
    });
    expect(report.openFaults).toMatchObject([{ address: 'Lönngatan 3, B', route: 'fastighetsjour' }]);
  });

  it('--format csv: one row per case, no phone number or message text, formulas neutralised', async () => {
    const r = await runCli(['report', '--from', '2027-01-19T00:00', '--to', '2027-01-21T00:00', '--format', 'csv'], {
      env,
    });
    expect(r.code).toBe(0);
    const rows = r.out.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'case,created_at,route,category,danger,channel,language,status,claimed_at,seconds_to_claim,closed_at,outcome',
    );
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/^T-2701-0001,2027-01-19T22:00:00\+01:00,trygghetsjour,disturbance,,sms,sv,closed,/);
    expect(rows[1]).toMatch(/,240,2027-01-19T22:30:00\+01:00,"'=HYPERLINK/);
    // No phone number in any form, nor its digits alone; no tenant's words; no staff names.
    for (const phone of PHONES) expect(r.out).not.toContain(phone);
    expect(r.out.replace(/\D/g, ' ')).not.toMatch(/70\s?1234567|701112233|707654321/);
    expect(r.out).not.toMatch(/musik|ceiling|Storgatan|Lönngatan|Anna/);
    for (const row of rows.slice(1))
      for (const cell of row.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });

  it('--format md (the default): the sections in Swedish', async () => {
    const r = await runCli(['report', '--night', '2027-01-19'], { env });
    expect(r.out).toMatch(/^# Nattens rapport 2027-01-20/);
    expect(r.out).toContain('2027-01-19 16:00–2027-01-20 07:00');
    expect(r.out).toMatch(/## Fel att åtgärda\n- T-2701-0002 2027-01-20 00:30: Akut fel\. Var: Lönngatan 3, B/);
  });

  it('without a span: what the latest morning report covered', async () => {
    const r = await runCli(['report', '--format', 'json'], { env, now: '2027-01-20T09:00:00Z' });
    expect(JSON.parse(r.out)).toMatchObject({ from: '2027-01-19T15:00:00.000Z', to: '2027-01-20T06:00:00.000Z' });
  });

  it('usage mistakes: exit 2 with a one-line reason', async () => {
    for (const args of [
      ['--night', '19 jan'],
      ['--night', '2027-01-19', '--from', '2027-01-19T00:00', '--to', '2027-01-20T00:00'],
      ['--from', '2027-01-19T00:00'],
      ['--format', 'xlsx'],
      ['--from', '2027-01-20T00:00', '--to', '2027-01-19T00:00'],
    ]) {
      const r = await runCli(['report', ...args], { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^trygg report: /);
    }
  });
});
