// The schedule of domain.md, boundary by boundary. Times are local wall-clock times in Europe/Stockholm
// unless they end in Z. Each row reads: at this moment, this route is (or is not) on duty.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadPolicy, withOverrides } from '../../src/routing/policy.ts';
import { dutyChanges, dutyStatus, isOnDuty, isWorkingDay } from '../../src/routing/schedule.ts';
import type { RouteId } from '../../src/routing/types.ts';

const policy = loadPolicy();
/** '2027-01-19 19:30' as Stockholm wall-clock time, or an ISO instant with Z/offset. */
const at = (s: string) =>
  /Z$|[+-]\d\d:\d\d$/.test(s)
    ? DateTime.fromISO(s)
    : DateTime.fromISO(s.replace(' ', 'T'), { zone: 'Europe/Stockholm' });

const ON = true;
const OFF = false;

describe('Trygghetsjouren: every evening from 19:30, until 04:00 before a working day and 05:00 before a non-working day', () => {
  it.each<[string, string, boolean]>([
    ['Tuesday evening, a minute before', '2027-01-19 19:29', OFF],
    ['Tuesday evening, opening', '2027-01-19 19:30', ON],
    ['Tuesday night', '2027-01-19 23:59', ON],
    ['Wednesday morning (working), a minute before the end', '2027-01-20 03:59', ON],
    ['Wednesday morning (working), the end', '2027-01-20 04:00', OFF],
    ['Wednesday morning, 04:30', '2027-01-20 04:30', OFF],
    ['Friday night into Saturday, 04:00', '2027-01-23 04:00', ON],
    ['Saturday morning (non-working), a minute before the end', '2027-01-23 04:59', ON],
    ['Saturday morning (non-working), the end', '2027-01-23 05:00', OFF],
    ['Saturday night into Sunday, 04:30', '2027-01-24 04:30', ON],
    ['Sunday morning, 05:00', '2027-01-24 05:00', OFF],
    ['Sunday night into Monday (working), 03:59', '2027-01-25 03:59', ON],
    ['Sunday night into Monday (working), 04:00', '2027-01-25 04:00', OFF],
    ['Saturday daytime', '2027-01-23 12:00', OFF],
    ['Epiphany morning (Wednesday), 04:30', '2027-01-06 04:30', ON],
    ['Epiphany morning, 05:00', '2027-01-06 05:00', OFF],
    ['Thursday after Epiphany, 04:30', '2027-01-07 04:30', OFF],
    ['Ascension Day morning (Thursday), 04:59', '2027-05-06 04:59', ON],
    ['Ascension Day morning, 05:00', '2027-05-06 05:00', OFF],
    ['Easter Monday morning, 04:30', '2027-03-29 04:30', ON],
    ['Tuesday after Easter, 04:30', '2027-03-30 04:30', OFF],
    ['Good Friday morning, 04:30', '2027-03-26 04:30', ON],
    ['Christmas Eve morning (Thursday), 04:30', '2026-12-24 04:30', ON],
    ['Christmas Eve evening', '2026-12-24 20:00', ON],
    ['New Year night, 00:30', '2027-01-01 00:30', ON],
    ['Midsummer Eve morning (Friday), 04:30', '2027-06-25 04:30', ON],
    ['Monday 28 Dec 2026 after Christmas, 04:30', '2026-12-28 04:30', OFF],
  ])('%s (%s) → %s', (_label, when, expected) => {
    expect(isOnDuty('trygghetsjour', at(when), policy)).toBe(expected);
  });
});

describe('daylight-saving nights: shifts end at local wall-clock time', () => {
  it.each<[string, string, boolean]>([
    // 2026-03-29: clocks go forward 02:00 → 03:00 (CET → CEST). Sunday morning: shift ends 05:00 CEST = 03:00Z.
    ['spring 2026, 01:59 CET', '2026-03-29T00:59:00Z', ON],
    ['spring 2026, 03:30 CEST', '2026-03-29T01:30:00Z', ON],
    ['spring 2026, 04:59 CEST', '2026-03-29T02:59:00Z', ON],
    ['spring 2026, 05:00 CEST', '2026-03-29T03:00:00Z', OFF],
    // 2026-10-25: clocks go back 03:00 → 02:00 (CEST → CET). Sunday: shift ends 05:00 CET = 04:00Z.
    ['autumn 2026, first 02:30 (CEST)', '2026-10-25T00:30:00Z', ON],
    ['autumn 2026, second 02:30 (CET)', '2026-10-25T01:30:00Z', ON],
    ['autumn 2026, 04:59 CET', '2026-10-25T03:59:00Z', ON],
    ['autumn 2026, 05:00 CET', '2026-10-25T04:00:00Z', OFF],
    // 2027-03-28 is also Easter Sunday.
    ['spring 2027, 04:59 CEST', '2027-03-28T02:59:00Z', ON],
    ['spring 2027, 05:00 CEST', '2027-03-28T03:00:00Z', OFF],
    ['autumn 2027, 04:59 CET', '2027-10-31T03:59:00Z', ON],
    ['autumn 2027, 05:00 CET', '2027-10-31T04:00:00Z', OFF],
    // The Monday after the autumn change is a working morning: 04:00 CET.
    ['Monday after autumn 2027, 03:59 CET', '2027-11-01T02:59:00Z', ON],
    ['Monday after autumn 2027, 04:00 CET', '2027-11-01T03:00:00Z', OFF],
    // Opening at 19:30 on the evenings around the changes.
    ['evening before spring 2026, 19:30 CET', '2026-03-28T18:30:00Z', ON],
    ['evening of spring 2026, 19:29 CEST', '2026-03-29T17:29:00Z', OFF],
    ['evening of spring 2026, 19:30 CEST', '2026-03-29T17:30:00Z', ON],
  ])('%s (%s) → %s', (_label, when, expected) => {
    expect(isOnDuty('trygghetsjour', at(when), policy)).toBe(expected);
  });

  it('the autumn-2026 Saturday night shift is 10.5 hours long (an hour longer than usual)', () => {
    const [open, close] = dutyChanges('trygghetsjour', at('2026-10-24 19:00'), policy, 1);
    expect(open?.onDuty).toBe(true);
    expect(close?.onDuty).toBe(false);
    expect(close!.at.diff(open!.at, 'hours').hours).toBe(10.5);
    expect(close!.at.toFormat('HH:mm')).toBe('05:00');
  });
});

describe('the office: working days 07:00–16:00, closed on non-working days', () => {
  it.each<[string, string, boolean]>([
    ['Tuesday 06:59', '2027-01-19 06:59', OFF],
    ['Tuesday 07:00', '2027-01-19 07:00', ON],
    ['Tuesday 15:59', '2027-01-19 15:59', ON],
    ['Tuesday 16:00', '2027-01-19 16:00', OFF],
    ['Saturday 10:00', '2027-01-23 10:00', OFF],
    ['Good Friday 10:00', '2027-03-26 10:00', OFF],
    ['Ascension Day 10:00', '2027-05-06 10:00', OFF],
    ['Friday after Ascension 10:00', '2027-05-07 10:00', ON],
    ['National Day (Sunday 2027) 10:00', '2027-06-06 10:00', OFF],
    ['National Day 2028 (Tuesday) 10:00', '2028-06-06 10:00', OFF],
    ['Christmas Eve 10:00', '2026-12-24 10:00', OFF],
    ['New Year’s Eve 10:00', '2026-12-31 10:00', OFF],
    ['Midsummer Eve 10:00', '2027-06-25 10:00', OFF],
    ['All Saints’ Day is a Saturday anyway', '2026-10-31 10:00', OFF],
  ])('%s → %s', (_label, when, expected) => {
    expect(isOnDuty('office', at(when), policy)).toBe(expected);
  });
});

describe('Fastighetsjouren: whenever the office is closed', () => {
  it.each<[string, boolean]>([
    ['2027-01-19 06:59', ON],
    ['2027-01-19 07:00', OFF],
    ['2027-01-19 16:00', ON],
    ['2027-01-23 12:00', ON],
    ['2026-12-24 11:00', ON],
  ])('%s → %s', (when, expected) => {
    expect(isOnDuty('fastighetsjour', at(when), policy)).toBe(expected);
  });
});

describe('routes without a schedule are always reachable', () => {
  it.each<RouteId>(['emergency', 'police', 'stadsmission'])('%s', (route) => {
    expect(isOnDuty(route, at('2027-01-19 03:00'), policy)).toBe(true);
  });
});

describe('extra shifts and closures win over the weekly schedule', () => {
  const p = withOverrides(policy, [
    {
      route: 'trygghetsjour',
      kind: 'extra',
      from: '2027-02-09T14:00:00+01:00',
      to: '2027-02-09T18:00:00+01:00',
      note: 'Extra rundor',
    },
    { route: 'trygghetsjour', kind: 'closed', from: '2027-02-10T20:00:00+01:00', to: '2027-02-10T23:00:00+01:00' },
    { route: 'trygghetsjour', kind: 'extra', from: '2027-02-10T21:00:00+01:00', to: '2027-02-10T22:00:00+01:00' },
    {
      route: 'office',
      kind: 'closed',
      from: '2027-02-11T07:00:00+01:00',
      to: '2027-02-11T12:00:00+01:00',
      note: 'Personaldag',
    },
  ]);
  it.each<[string, RouteId, string, boolean]>([
    ['an extra afternoon shift', 'trygghetsjour', '2027-02-09 15:00', ON],
    ['the extra shift ends', 'trygghetsjour', '2027-02-09 18:00', OFF],
    ['a closure in the evening', 'trygghetsjour', '2027-02-10 20:30', OFF],
    ['a closure wins over an overlapping extra shift', 'trygghetsjour', '2027-02-10 21:30', OFF],
    ['after the closure the weekly shift goes on', 'trygghetsjour', '2027-02-10 23:00', ON],
    ['the office closed for the morning', 'office', '2027-02-11 08:00', OFF],
    ['… so the property on-call is on duty', 'fastighetsjour', '2027-02-11 08:00', ON],
    ['the office reopens at noon', 'office', '2027-02-11 12:00', ON],
  ])('%s: %s at %s → %s', (_label, route, when, expected) => {
    expect(isOnDuty(route, at(when), p)).toBe(expected);
  });
});

describe('when a route next opens or closes', () => {
  it.each<[RouteId, string, boolean, string | null]>([
    ['trygghetsjour', '2027-01-19 10:00', OFF, '2027-01-19 19:30'],
    ['trygghetsjour', '2027-01-19 22:00', ON, '2027-01-20 04:00'],
    ['trygghetsjour', '2027-01-22 22:00', ON, '2027-01-23 05:00'],
    ['office', '2027-01-22 17:00', OFF, '2027-01-25 07:00'],
    ['office', '2027-05-05 17:00', OFF, '2027-05-07 07:00'],
    ['office', '2026-12-23 17:00', OFF, '2026-12-28 07:00'],
    ['office', '2027-01-19 10:00', ON, '2027-01-19 16:00'],
    ['fastighetsjour', '2027-01-19 10:00', OFF, '2027-01-19 16:00'],
    ['emergency', '2027-01-19 10:00', ON, null],
  ])('%s at %s: on duty %s, next change %s', (route, when, onDuty, next) => {
    const status = dutyStatus(route, at(when), policy);
    expect(status.onDuty).toBe(onDuty);
    expect(status.nextChange ? status.nextChange.toFormat('yyyy-MM-dd HH:mm') : null).toBe(next);
    if (!onDuty) expect(status.nextOpening?.toFormat('yyyy-MM-dd HH:mm')).toBe(next);
  });
});

describe('working days', () => {
  it.each<[string, boolean]>([
    ['2027-01-19', true],
    ['2027-01-23', false],
    ['2027-01-06', false],
    ['2026-12-24', false],
    ['2026-12-23', true],
    ['2027-06-25', false],
  ])('%s working: %s', (date, expected) => {
    expect(isWorkingDay(date, policy)).toBe(expected);
  });

  it('the policy decides whether the eves count', () => {
    const noEves = { ...policy, calendar: { ...policy.calendar, holidayEves: [] } };
    expect(isWorkingDay('2026-12-24', noEves)).toBe(true);
    expect(isWorkingDay('2026-12-25', noEves)).toBe(false);
  });
});
