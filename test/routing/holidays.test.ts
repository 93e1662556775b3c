import { describe, expect, it } from 'vitest';
import { easterSunday, swedishHolidayOn, swedishHolidays } from '../../src/routing/holidays.ts';

describe('Easter (moves every year)', () => {
  it.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2028, 4, 16],
    [2038, 4, 25],
    [2285, 3, 22],
  ])('%i: Easter Sunday is %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });
});

describe('Swedish public holidays and eves', () => {
  it.each([
    ['2027-01-01', 'newYearsDay'],
    ['2027-01-06', 'epiphany'],
    ['2027-03-26', 'goodFriday'],
    ['2027-03-28', 'easterSunday'],
    ['2027-03-29', 'easterMonday'],
    ['2027-05-01', 'mayDay'],
    ['2027-05-06', 'ascensionDay'],
    ['2027-06-06', 'nationalDay'],
    ['2027-06-25', 'midsummerEve'],
    ['2027-06-26', 'midsummerDay'],
    ['2027-11-06', 'allSaintsDay'],
    ['2026-12-24', 'christmasEve'],
    ['2026-12-25', 'christmasDay'],
    ['2026-12-26', 'boxingDay'],
    ['2026-12-31', 'newYearsEve'],
    ['2026-06-19', 'midsummerEve'],
    ['2026-10-31', 'allSaintsDay'],
    ['2026-05-14', 'ascensionDay'],
  ])('%s is %s', (date, name) => {
    expect(swedishHolidayOn(date)?.name).toBe(name);
  });

  it.each(['2027-01-07', '2027-03-25', '2027-05-07', '2026-12-23', '2027-06-24', '2026-11-02'])(
    '%s is an ordinary day',
    (date) => {
      expect(swedishHolidayOn(date)).toBeUndefined();
    },
  );

  it('gives sixteen named days every year, in order', () => {
    for (let year = 2000; year <= 2100; year++) {
      const days = swedishHolidays(year);
      expect(days).toHaveLength(16);
      expect([...days].map((d) => d.date).sort()).toEqual(days.map((d) => d.date));
    }
  });
});
