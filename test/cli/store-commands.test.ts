// The CLI against the store the server uses (same DATA_DIR): shifts, cases, retention, data-subject requests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { runCli } from './cli-helpers.ts';

let env: NodeJS.ProcessEnv;
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'trygg-cli-'));
  env = { DATA_DIR: dataDir };
});
const NOW = '2027-01-23T11:00:00Z'; // Saturday 12:00 in Stockholm: jour off duty

describe('trygg shift', () => {
  it('an extra shift added from the CLI changes routing for the CLI and is listed and removable', async () => {
    const before = await runCli(['route', '--at', NOW, 'grannen spelar hög musik'], { env, now: NOW });
    expect(JSON.parse(before.out).route).toBe('office');

    const add = await runCli(
      ['shift', 'add', 'trygghetsjour', '--from', 'now', '--to', '+2h', '--note', 'Extra rundor', '--json'],
      { env, now: NOW },
    );
    expect(add.code).toBe(0);
    const { id } = JSON.parse(add.out);

    const during = await runCli(['route', '--at', NOW, 'grannen spelar hög musik'], { env, now: NOW });
    expect(JSON.parse(during.out).route).toBe('trygghetsjour');
    const later = await runCli(['route', '--at', '2027-01-23T13:30:00Z', 'grannen spelar hög musik'], {
      env,
      now: NOW,
    });
    expect(JSON.parse(later.out).route).toBe('office');

    const list = await runCli(['shift', 'list'], { env, now: NOW });
    expect(list.out).toContain(id);
    expect(list.out).toContain('Extra rundor');
    expect((await runCli(['schedule', '--at', NOW], { env, now: NOW })).out).toMatch(/trygghetsjour\s+i tjänst/);

    expect((await runCli(['shift', 'remove', id], { env })).code).toBe(0);
    expect(JSON.parse((await runCli(['route', '--at', NOW, 'grannen spelar hög musik'], { env })).out).route).toBe(
      'office',
    );
    expect((await runCli(['shift', 'remove', id], { env })).code).toBe(1);
  });

  it('a closure takes the jour off duty', async () => {
    await runCli(['shift', 'add', 'trygghetsjour', '--closed', '--from', '2027-01-19T22:00:00+01:00', '--to', '+3h'], {
      env,
    });
    const r = await runCli(['route', '--at', '2027-01-19T23:00:00+01:00', 'grannen spelar hög musik'], { env });
    expect(JSON.parse(r.out).route).toBe('office');
  });

  it('refuses what it cannot use', async () => {
    expect((await runCli(['shift', 'add', 'nattpatrull', '--to', '+2h'], { env })).code).toBe(2);
    expect((await runCli(['shift', 'add', 'trygghetsjour'], { env })).code).toBe(2);
    expect(
      (
        await runCli(['shift', 'add', 'trygghetsjour', '--from', '2027-01-19T22:00', '--to', '2027-01-19T21:00'], {
          env,
        })
      ).code,
    ).toBe(2);
    expect((await runCli(['shift', 'frobnicate'], { env })).code).toBe(2);
    expect((await runCli(['shift', 'list', '--bogus'], { env })).code).toBe(2);
  });
});

describe('trygg cases, case, purge, export, forget', () => {
  async function seed() {
    const store = await openStore({ dataDir });
    const c = await store.cases.create({
      route: 'trygghetsjour',
      category: 'disturbance',
      language: 'sv',
      channelId: 'sms',
      conversation: { conversation: { id: '+46701234567', isGroup: false, conversationType: '', name: '' } },
      summary: 'Störning',
      transcript: [{ from: 'tenant', text: 'hög musik' }],
      contact: { phone: '+46701234567', address: 'Storgatan 5' },
    });
    await store.close();
    return c;
  }

  it('lists and shows cases', async () => {
    const c = await seed();
    const list = await runCli(['cases'], { env });
    expect(list.out).toContain(c.id);
    expect(list.out).toMatch(/trygghetsjour\s+open/);
    const json = JSON.parse((await runCli(['cases', '--json', '--route', 'trygghetsjour'], { env })).out);
    expect(json).toHaveLength(1);
    expect((await runCli(['cases', '--route', 'office', '--json'], { env })).out.trim()).toBe('[]');
    const one = JSON.parse((await runCli(['case', c.id], { env })).out);
    expect(one.transcript[0].text).toBe('hög musik');
    expect((await runCli(['case', 'T-0000-0000'], { env })).code).toBe(1);
  });

  it('export and forget by phone number', async () => {
    const c = await seed();
    const exported = JSON.parse((await runCli(['export', '--phone', '070-123 45 67'], { env })).out);
    expect(exported.cases.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const forgot = JSON.parse((await runCli(['forget', '--phone', '+46701234567'], { env })).out);
    expect(forgot.cases).toBe(1);
    expect((await runCli(['case', c.id], { env })).code).toBe(1);
    expect((await runCli(['forget', '--phone', '12'], { env })).code).toBe(2);
  });

  it('purge removes what is older than the retention', async () => {
    await seed();
    const kept = JSON.parse((await runCli(['purge'], { env, now: new Date().toISOString() })).out);
    expect(kept.purged.cases).toBe(0);
    const far = new Date(Date.now() + 91 * 86_400_000).toISOString();
    const purged = JSON.parse((await runCli(['purge'], { env, now: far })).out);
    expect(purged).toMatchObject({ olderThanDays: 90, purged: { cases: 1 } });
  });
});
