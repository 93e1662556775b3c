import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.ts';

describe('trygg route', () => {
  it('the issue’s example: loud music at 01:10 goes to the jour, at 04:10 to the office', async () => {
    const night = await runCli(['route', '--at', '2027-02-10T00:10:00Z', 'grannen spelar hög musik']);
    expect(night.code).toBe(0);
    expect(JSON.parse(night.out).route).toBe('trygghetsjour');
    const morning = await runCli(['route', '--at', '2027-02-10T03:10:00Z', 'grannen spelar hög musik']);
    expect(JSON.parse(morning.out).route).toBe('office');
  });

  it('a time without offset is read in the policy’s time zone', async () => {
    const r = await runCli(['route', '--at', '2027-02-10T19:29', 'grannen spelar hög musik']);
    expect(JSON.parse(r.out).route).toBe('office');
    const r2 = await runCli(['route', '--at', '2027-02-10T19:30', 'grannen spelar hög musik']);
    expect(JSON.parse(r2.out).route).toBe('trygghetsjour');
  });

  it('prints the decision with its reason and destination', async () => {
    const r = await runCli(['route', '--at', '2027-02-10T00:10:00Z', '--channel', 'sms', 'DET BRINNER I TRAPPHUSET']);
    const d = JSON.parse(r.out);
    expect(d).toMatchObject({ route: 'emergency', danger: 'fire', channel: 'sms', destination: { phone: '112' } });
    expect(d.reason.rule).toBe('danger.fire');
    expect(d.reason.matched.length).toBeGreaterThan(0);
  });

  it('--explain prints for a human, in Swedish or English', async () => {
    const sv = await runCli(['route', '--explain', '--at', '2027-02-10T00:10:00Z', 'grannen spelar hög musik']);
    expect(sv.out).toMatch(/Rutt: trygghetsjour/);
    expect(sv.out).toMatch(/pågående störning/);
    const en = await runCli([
      'route',
      '--explain',
      '--lang',
      'en',
      '--at',
      '2027-02-10T00:10:00Z',
      'grannen spelar hög musik',
    ]);
    expect(en.out).toMatch(/Route: trygghetsjour/);
    expect(en.out).toMatch(/ongoing disturbance/);
  });

  it.each([
    ['DET BRINNER I TRAPPHUSET', /Decided by: the lexicons/],
    ['KOM HIT NU!!! 🔥🔥', /Decided by: the safety net: signs of distress \(.*🔥, !!!, CAPITALS\)/],
    ['ehm hallå', /Decided by: (the classifier|the safety net)/],
  ])('--explain says which layer decided "%s"', async (text, layer) => {
    const r = await runCli(['route', '--explain', '--lang', 'en', text]);
    expect(r.out).toMatch(layer);
  });

  it('the JSON decision names the layer and what the classifier saw', async () => {
    const d = JSON.parse((await runCli(['route', 'ehm hallå'])).out);
    expect(['classifier', 'safety-net']).toContain(d.reason.layer);
    expect(d.reason.classifier).toMatchObject({ acute: expect.any(Number), kind: expect.any(String) });
  });

  it('refuses bad input with exit code 2 and a reason', async () => {
    expect((await runCli(['route'])).code).toBe(2);
    const badAt = await runCli(['route', '--at', 'igår', 'hej']);
    expect(badAt.code).toBe(2);
    expect(badAt.err).toMatch(/--at/);
    expect((await runCli(['route', '--channel', 'fax', 'hej'])).code).toBe(2);
    expect((await runCli(['nonsense'])).code).toBe(2);
  });

  it('a bad policy file stops it with the file and the field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trygg-policy-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, 'timeZone: Europe/Stockholm\ncalendar: {}\n');
    const r = await runCli(['route', '--policy', file, 'hej']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).toMatch(/calendar\.nonWorkingWeekdays/);
  });
});

describe('trygg route --jsonl', () => {
  it('one decision per line, in input order, with the input id; bad lines give an error line', async () => {
    const r = await runCli(['route', '--jsonl'], {
      stdin: [
        JSON.stringify({ id: 'a', text: 'Det brinner i köket', at: '2027-01-19T12:00:00Z' }),
        'not json',
        JSON.stringify({ id: 'b', text: '' }),
        '',
        JSON.stringify({ id: 7, text: 'grannen spelar hög musik', at: '2027-02-10T00:10:00Z', channel: 'sms' }),
        JSON.stringify({ id: 'c', text: 'hej', at: 'yesterday' }),
        JSON.stringify({ id: 'd', text: 'Hur fungerar grannsamverkan?' }),
      ],
    });
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'b', 7, 'c', 'd']);
    expect(lines[0].route).toBe('emergency');
    expect(lines[1].error).toMatch(/JSON/);
    expect(lines[2].error).toMatch(/text/);
    expect(lines[3]).toMatchObject({ route: 'trygghetsjour', channel: 'sms' });
    expect(lines[4].error).toMatch(/ISO/);
    expect(lines[5].route).toBe('office');
  });
});

describe('the installed command', () => {
  it('`npx trygg` runs on Node 24 from the project', () => {
    const out = execFileSync(
      'npx',
      ['--no-install', 'trygg', 'route', '--at', '2027-02-10T00:10:00Z', 'grannen spelar hög musik'],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-data-')) },
      },
    );
    expect(JSON.parse(out).route).toBe('trygghetsjour');
  });
});
