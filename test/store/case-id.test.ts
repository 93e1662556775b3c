/** Case ids: month in Swedish time, then a running number. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { caseIdPeriod, formatCaseId } from '../../src/store/case-id.ts';

describe('case ids', () => {
  it.each([
    ['2026-11-14T21:00:00Z', '2611'],
    ['2026-11-30T22:59:59Z', '2611'], // 23:59:59 in Malmö
    ['2026-11-30T23:00:00Z', '2612'], // midnight in Malmö: December
    ['2026-06-30T22:00:00Z', '2607'], // summer time: 00:00 on 1 July
    ['2026-12-31T23:30:00Z', '2701'],
  ])('%s is in month %s', (iso, period) => {
    expect(caseIdPeriod(Date.parse(iso))).toBe(period);
  });

  it('matches plain luxon minute by minute around month ends and the clock changes', () => {
    for (const from of [
      '2026-03-28T22:00:00Z',
      '2026-03-31T20:00:00Z',
      '2026-10-24T22:00:00Z',
      '2026-12-31T20:00:00Z',
      '2027-10-31T20:00:00Z',
    ]) {
      for (let ms = Date.parse(from); ms < Date.parse(from) + 6 * 3_600_000; ms += 60_000) {
        expect(caseIdPeriod(ms)).toBe(DateTime.fromMillis(ms, { zone: 'Europe/Stockholm' }).toFormat('yyMM'));
      }
    }
  });

  it.each([
    [1, 'T-2611-0001'],
    [42, 'T-2611-0042'],
    [9999, 'T-2611-9999'],
    [10000, 'T-2611-10000'],
  ])('number %i → %s', (n, id) => {
    expect(formatCaseId('2611', n)).toBe(id);
  });
});
