/**
 * Swedish public holidays and the eves treated as holidays, computed for any year (Easter moves).
 * Dates are plain calendar dates (`YYYY-MM-DD`); time zones do not enter here.
 */

/** Names of the days this module knows; policy files refer to the eves by these names. */
export type HolidayName =
  | 'newYearsDay'
  | 'epiphany'
  | 'goodFriday'
  | 'easterSunday'
  | 'easterMonday'
  | 'mayDay'
  | 'ascensionDay'
  | 'pentecost'
  | 'nationalDay'
  | 'midsummerEve'
  | 'midsummerDay'
  | 'allSaintsDay'
  | 'christmasEve'
  | 'christmasDay'
  | 'boxingDay'
  | 'newYearsEve';

/** The eves that are not public holidays by law but are non-working days in practice. */
export const HOLIDAY_EVES = ['midsummerEve', 'christmasEve', 'newYearsEve'] as const;
export type HolidayEve = (typeof HOLIDAY_EVES)[number];

export interface Holiday {
  name: HolidayName;
  /** `YYYY-MM-DD` */
  date: string;
}

const iso = (y: number, m: number, d: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Easter Sunday (Gregorian calendar) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** The date `offset` days from y-m-d, computed in UTC so no time zone can shift it. */
function addDays(y: number, m: number, d: number, offset: number): string {
  const t = new Date(Date.UTC(y, m - 1, d + offset));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The first date from y-m-d on (inclusive) that falls on `weekday` (0 = Sunday … 6 = Saturday). */
function firstWeekdayFrom(y: number, m: number, d: number, weekday: number): string {
  const start = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return addDays(y, m, d, (weekday - start + 7) % 7);
}

const cache = new Map<number, Holiday[]>();

/** All Swedish public holidays and holiday eves of `year`, in calendar order. */
export function swedishHolidays(year: number): Holiday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const e = easterSunday(year);
  const list: Holiday[] = [
    { name: 'newYearsDay', date: iso(year, 1, 1) },
    { name: 'epiphany', date: iso(year, 1, 6) },
    { name: 'goodFriday', date: addDays(year, e.month, e.day, -2) },
    { name: 'easterSunday', date: iso(year, e.month, e.day) },
    { name: 'easterMonday', date: addDays(year, e.month, e.day, 1) },
    { name: 'mayDay', date: iso(year, 5, 1) },
    { name: 'ascensionDay', date: addDays(year, e.month, e.day, 39) },
    { name: 'pentecost', date: addDays(year, e.month, e.day, 49) },
    { name: 'nationalDay', date: iso(year, 6, 6) },
    // Midsummer Eve is the Friday between 19 and 25 June; Midsummer Day the Saturday after it.
    { name: 'midsummerEve', date: firstWeekdayFrom(year, 6, 19, 5) },
    { name: 'midsummerDay', date: firstWeekdayFrom(year, 6, 20, 6) },
    // All Saints' Day is the Saturday between 31 October and 6 November.
    { name: 'allSaintsDay', date: firstWeekdayFrom(year, 10, 31, 6) },
    { name: 'christmasEve', date: iso(year, 12, 24) },
    { name: 'christmasDay', date: iso(year, 12, 25) },
    { name: 'boxingDay', date: iso(year, 12, 26) },
    { name: 'newYearsEve', date: iso(year, 12, 31) },
  ];
  list.sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, list);
  return list;
}

/** The holiday or eve on `date` (`YYYY-MM-DD`), if any. */
export function swedishHolidayOn(date: string): Holiday | undefined {
  const year = Number(date.slice(0, 4));
  return swedishHolidays(year).find((h) => h.date === date);
}
