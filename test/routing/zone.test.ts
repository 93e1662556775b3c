// Memoised zone offsets give exactly luxon's answers, also around the transitions.
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/routing/policy.ts';
import { dutyChanges, dutyStatus, isoInZone } from '../../src/routing/schedule.ts';
import { luxonZone, memoZone, MemoZone, wallClockMillis } from '../../src/routing/zone.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const policy = loadPolicy();

/** Every `step` ms in [from, from + span). */
function* instants(from: string, span: number, step: number): Generator<number> {
  const start = Date.parse(from);
  for (let t = start; t < start + span; t += step) yield t;
}

describe('isoInZone writes what luxon writes', () => {
  it.each([
    ['spring 2026', '2026-03-29T00:00:00Z'],
    ['autumn 2026', '2026-10-25T00:00:00Z'],
    ['spring 2027', '2027-03-28T00:00:00Z'],
    ['autumn 2027', '2027-10-31T00:00:00Z'],
  ])('Europe/Stockholm, %s, minute by minute 00:00–03:00Z', (_label, from) => {
    for (const ms of instants(from, 3 * HOUR, MINUTE)) {
      expect(isoInZone(ms, 'Europe/Stockholm')).toBe(DateTime.fromMillis(ms, { zone: 'Europe/Stockholm' }).toISO());
    }
    // The transition itself is at 01:00Z.
    const change = Date.parse(from) + HOUR;
    expect(isoInZone(change - 1, 'Europe/Stockholm').slice(-6)).not.toBe(
      isoInZone(change, 'Europe/Stockholm').slice(-6),
    );
  });

  it.each([
    // Transitions off the quarter hour: the bucket holding them is computed instant by instant.
    ['America/St_Johns', '1990-04-01T03:31:00Z'],
    ['America/Goose_Bay', '1990-10-28T03:01:00Z'],
    // A half-hour summer time; a quarter-hour offset.
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
    ['Asia/Kathmandu', '2026-06-01T00:00:00Z'],
  ])('%s around %s, second by second', (zone, at) => {
    for (const ms of instants(new Date(Date.parse(at) - 20 * MINUTE).toISOString(), 40 * MINUTE, 1000)) {
      expect(isoInZone(ms, zone)).toBe(DateTime.fromMillis(ms, { zone }).toISO());
    }
  });
});

describe('MemoZone', () => {
  it.each([
    ['America/St_Johns', '1990-04-01T03:31:00Z'],
    ['America/Goose_Bay', '1990-10-28T03:01:00Z'],
    // From -0:44:30 to GMT at 00:44:30Z.
    ['Africa/Monrovia', '1972-01-07T00:44:30Z'],
    ['Europe/Stockholm', '2026-10-25T01:00:00Z'],
  ])('has luxon’s offsets in %s around %s, second by second', (zone, at) => {
    const memo = new MemoZone(zone);
    const plain = IANAZone.create(zone);
    for (const ms of instants(new Date(Date.parse(at) - 20 * MINUTE).toISOString(), 40 * MINUTE, 500)) {
      expect(memo.offset(ms)).toBe(plain.offset(ms));
    }
  });

  it('has the offsets of luxon’s IANAZone, hour by hour over two years (more buckets than it keeps)', () => {
    const memo = new MemoZone('Europe/Stockholm');
    const plain = IANAZone.create('Europe/Stockholm');
    for (const ms of instants('2026-01-01T00:00:00Z', 2 * 365 * 24 * HOUR, HOUR + 7 * MINUTE)) {
      expect(memo.offset(ms)).toBe(plain.offset(ms));
    }
  });

  it('is the same zone to luxon', () => {
    const zone = memoZone('Europe/Stockholm');
    expect(zone.name).toBe('Europe/Stockholm');
    expect(zone.type).toBe('iana');
    expect(zone.equals(IANAZone.create('Europe/Stockholm'))).toBe(true);
    const ms = Date.parse('2026-10-24T22:00:00Z');
    const memo = DateTime.fromMillis(ms, { zone });
    const plain = DateTime.fromMillis(ms, { zone: 'Europe/Stockholm' });
    expect(memo.equals(plain)).toBe(true);
    expect(memo.zoneName).toBe('Europe/Stockholm');
    // Arithmetic across the autumn change.
    expect(memo.plus({ days: 1 }).toISO()).toBe(plain.plus({ days: 1 }).toISO());
    expect(memo.plus({ hours: 5 }).toISO()).toBe(plain.plus({ hours: 5 }).toISO());
    expect(memo.startOf('day').plus({ hours: 26 }).toISO()).toBe(plain.startOf('day').plus({ hours: 26 }).toISO());
  });

  it('an unknown zone stays invalid', () => {
    expect(memoZone('Mars/Olympus').isValid).toBe(false);
    expect(Number.isNaN(memoZone('Mars/Olympus').offset(0))).toBe(true);
    expect(DateTime.fromMillis(0, { zone: luxonZone('Mars/Olympus') }).isValid).toBe(false);
  });

  it('"UTC" stays luxon’s fixed UTC', () => {
    expect(DateTime.fromMillis(0, { zone: luxonZone('UTC') }).toISO()).toBe(
      DateTime.fromMillis(0, { zone: 'UTC' }).toISO(),
    );
    expect(luxonZone('Europe/Stockholm')).toBe(memoZone('Europe/Stockholm'));
  });

  it('wallClockMillis is the local time read as UTC', () => {
    expect(new Date(wallClockMillis(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Stockholm')).toISOString()).toBe(
      '2026-03-29T01:59:59.000Z',
    );
    expect(new Date(wallClockMillis(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Stockholm')).toISOString()).toBe(
      '2026-03-29T03:00:00.000Z',
    );
  });
});

describe('dutyStatus and dutyChanges give luxon’s DateTimes in the policy’s zone', () => {
  it('around the changes of 2026', () => {
    for (const ms of instants('2026-10-24T12:00:00Z', 24 * HOUR, 13 * MINUTE)) {
      for (const route of ['office', 'trygghetsjour'] as const) {
        const status = dutyStatus(route, ms, policy);
        expect(status.nextOpening?.zoneName).toBe('Europe/Stockholm');
        if (status.nextOpening)
          expect(status.nextOpening.toISO()).toBe(
            DateTime.fromMillis(status.nextOpening.toMillis(), { zone: 'Europe/Stockholm' }).toISO(),
          );
      }
    }
    for (const change of dutyChanges('trygghetsjour', '2026-03-27T12:00:00Z', policy, 3)) {
      expect(change.at.toISO()).toBe(DateTime.fromMillis(change.at.toMillis(), { zone: 'Europe/Stockholm' }).toISO());
    }
  });
});
