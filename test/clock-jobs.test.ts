// Occurrences of a job at a wall-clock time in Europe/Stockholm, across both daylight-saving changes.
import { describe, expect, it } from 'vitest';
import { latestOccurrence } from '../src/clock-jobs.ts';

const at = (time: string) => ({ zone: 'Europe/Stockholm', timeOn: () => time });

describe('latestOccurrence', () => {
  it.each([
    // [job time, now (UTC), expected key, expected instant (UTC)]
    ['07:00', '2027-03-28T04:59:59Z', '2027-03-27T07:00', '2027-03-27T06:00:00.000Z'], // before, CET
    ['07:00', '2027-03-28T05:00:00Z', '2027-03-28T07:00', '2027-03-28T05:00:00.000Z'], // the spring-forward morning
    ['07:00', '2027-10-31T05:59:59Z', '2027-10-30T07:00', '2027-10-30T05:00:00.000Z'], // the fall-back morning, before
    ['07:00', '2027-10-31T06:00:00Z', '2027-10-31T07:00', '2027-10-31T06:00:00.000Z'],
    ['02:30', '2027-03-28T01:30:00Z', '2027-03-28T02:30', '2027-03-28T01:30:00.000Z'], // 02:30 does not exist: 03:30
    ['02:30', '2027-10-31T00:45:00Z', '2027-10-30T02:30', '2027-10-30T00:30:00.000Z'], // twice: not the first…
    ['02:30', '2027-10-31T01:30:00Z', '2027-10-31T02:30', '2027-10-31T01:30:00.000Z'], // …the second, once
  ])('%s at %s: %s', (time, now, key, instant) => {
    const o = latestOccurrence(at(time), new Date(now));
    expect([o?.key, o?.at.toISOString()]).toEqual([key, instant]);
  });

  it('no run on days without a time; looks back three days at most', () => {
    const weekdays = { zone: 'Europe/Stockholm', timeOn: (d: string) => (d === '2027-01-18' ? '07:00' : undefined) };
    expect(latestOccurrence(weekdays, new Date('2027-01-20T12:00:00Z'))?.key).toBe('2027-01-18T07:00');
    expect(latestOccurrence(weekdays, new Date('2027-01-25T12:00:00Z'))).toBeUndefined();
  });
});
