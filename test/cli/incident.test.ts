// `trygg incident …` exactly as scripts use it, and the running bot picking up what it wrote within seconds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, TENANT_ID, until, type Harness } from '../channels/teams/outbox-harness.ts';
import { runCli } from './cli-helpers.ts';

const NOW = '2027-01-23T11:00:00Z';
const fresh = () => ({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-incident-cli-')) });

describe('trygg incident', () => {
  it('open, update, close and list, with --json as the scripts’ contract', async () => {
    const env = fresh();
    const opened = await runCli(
      [
        'incident',
        'open',
        '--where',
        'Ramels vag 12',
        '--kind',
        'fire',
        '--text',
        'Det har brunnit på Ramels väg 12.',
        '--text-en',
        'There was a fire.',
        '--office-hours',
        '2027-01-24 08:00-20:00',
        '--json',
      ],
      { env, now: NOW },
    );
    expect(opened).toMatchObject({ code: 0, err: '' });
    const incident = JSON.parse(opened.out);
    // Numbered by the store's clock (the system's), per month.
    expect(incident).toEqual({
      id: expect.stringMatching(/^H-\d{4}-0001$/),
      kind: 'fire',
      where: 'Ramels väg 12',
      status: 'open',
      reports: 0,
      subscribers: 0,
    });
    const updated = await runCli(['incident', 'update', incident.id, '--text', 'Uppgång B är stängd.', '--json'], {
      env,
      now: NOW,
    });
    expect(JSON.parse(updated.out)).toMatchObject({ id: incident.id, status: 'open' });
    const area = await runCli(
      ['incident', 'open', '--where', 'rosengard', '--kind', 'water', '--text', 'Vattenläcka.'],
      {
        env,
        now: NOW,
      },
    );
    expect(area.out).toMatch(/^H-\d{4}-0002 +water +open +reports +0 +subscribers +0 +Rosengård\n$/);
    const closed = await runCli(['incident', 'close', incident.id, '--text', 'Klart.', '--json'], { env, now: NOW });
    expect(JSON.parse(closed.out)).toMatchObject({ id: incident.id, status: 'closed' });
    const list = await runCli(['incident', 'list', '--json'], { env, now: NOW });
    expect(JSON.parse(list.out)).toEqual([
      {
        id: incident.id.replace(/1$/, '2'),
        kind: 'water',
        where: 'Rosengård',
        status: 'open',
        reports: 0,
        subscribers: 0,
      },
      { id: incident.id, kind: 'fire', where: 'Ramels väg 12', status: 'closed', reports: 0, subscribers: 0 },
    ]);
    const again = await runCli(['incident', 'update', incident.id, '--text', 'Igen'], { env, now: NOW });
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/closed already/) });
    const missing = await runCli(['incident', 'close', 'H-0000-0000', '--text', 'x'], { env, now: NOW });
    expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/no incident H-0000-0000/) });
  });

  it.each([
    [['incident'], /usage/],
    [['incident', 'open', '--where', 'Rosengård', '--kind', 'fire'], /--text/],
    [['incident', 'open', '--kind', 'fire', '--text', 'x'], /--where and --kind/],
    [['incident', 'open', '--where', 'Rosengård', '--kind', 'meteor', '--text', 'x'], /kind: one of fire, explosion/],
    [['incident', 'open', '--where', 'Rosengård', '--kind', 'fire', '--text', '  '], /Swedish text/],
    [
      ['incident', 'open', '--where', 'Rosengård', '--kind', 'fire', '--text', 'x', '--office-hours', 'i morgon'],
      /YYYY-MM-DD HH:MM-HH:MM/,
    ],
    [['incident', 'update', '--text', 'x'], /update <id>/],
  ])('%j is a usage mistake (exit 2)', async (argv, message) => {
    const r = await runCli(argv, { env: fresh(), now: NOW });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('the running bot and the CLI', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  it('delivers what the CLI wrote within seconds: the card, the notice to a tenant who asks, each update once', async () => {
    h = await startHarness(); // the default timing: open incidents remembered 2 s, the outbox polled every 50 ms
    const incidents = '19:incidents@thread.tacv2';
    await h.teamsMessage('register incidents', incidents, {
      conversation: { id: incidents, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID }, team: { id: '19:team@thread.tacv2' }, channel: { id: incidents } },
    });
    const cli = (argv: string[]) => runCli(argv, { env: { DATA_DIR: h!.dataDir }, now: h!.clock.now().toISOString() });
    const opened = await cli([
      'incident',
      'open',
      '--where',
      'Ramels väg 12',
      '--kind',
      'fire',
      '--text',
      'Brand på Ramels väg 12.',
      '--json',
    ]);
    const { id } = JSON.parse(opened.out) as { id: string };
    const started = Date.now();
    await until(() => h!.cardPosts().find((p) => JSON.stringify(p.body).includes(`Händelse ${id}`)), 10_000);
    // Within a few seconds the bot tells a tenant who names the place.
    await until(async () => {
      await h!.tenantSays('Vad har hänt på Ramels väg 12?', `web-${Date.now()}`);
      return h!.webTexts().some((t) => t.includes('Brand på Ramels väg 12.')) || undefined;
    }, 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    await h.tenantSays('Vad har hänt på Ramels väg?', 'web-sub');
    await h.tenantSays('ja', 'web-sub');
    const listed = JSON.parse((await cli(['incident', 'list', '--json'])).out) as {
      reports: number;
      subscribers: number;
    }[];
    expect(listed[0]).toMatchObject({ subscribers: 1 });
    expect(listed[0]!.reports).toBeGreaterThanOrEqual(2);

    await cli(['incident', 'update', id, '--text', 'Räddningstjänsten är klar.']);
    const updates = () => h!.web.messages().filter((m) => String(m.text).includes('Räddningstjänsten är klar.'));
    await until(() => (updates().length ? true : undefined), 10_000);
    await h.drained();
    expect(updates()).toHaveLength(1);
    expect((updates()[0]!.conversation as { id: string }).id).toBe('web-sub');
  });
});
