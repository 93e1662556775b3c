import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.ts';

describe('trygg schedule', () => {
  it('lists who is on duty and the next changes', async () => {
    const r = await runCli(['schedule', '--at', '2027-01-22T22:00', '--days', '2']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/trygghetsjour\s+i tjänst/);
    expect(r.out).toMatch(/office\s+inte i tjänst/);
    expect(r.out).toMatch(/2027-01-23 05:00\s+slutar/);
  });

  it('as JSON, for scripts', async () => {
    const r = await runCli(['schedule', '--json', '--at', '2027-01-19T10:00', '--days', '1']);
    const s = JSON.parse(r.out);
    const office = s.routes.find((x: { route: string }) => x.route === 'office');
    expect(office.onDuty).toBe(true);
    expect(office.nextChange).toBe('2027-01-19T16:00:00.000+01:00');
  });

  it('refuses a bad --days', async () => {
    expect((await runCli(['schedule', '--days', 'many'])).code).toBe(2);
  });
});
