/** Case ids people can read aloud on the phone: `T-2611-0042` is the 42nd case of November 2026. */
import { DateTime } from 'luxon';
import { luxonZone, wallClockMillis } from '../routing/zone.ts';

/** Case numbers restart each month in the time zone the staff work in. */
const CASE_ID_ZONE = 'Europe/Stockholm';

/** `YYMM` per local month (year * 12 + month). */
const periods = new Map<number, string>();

/** The month part of a case id (`YYMM`) for a creation time in epoch ms. */
export function caseIdPeriod(ms: number): string {
  const local = new Date(wallClockMillis(ms, CASE_ID_ZONE));
  const month = local.getUTCFullYear() * 12 + local.getUTCMonth();
  if (Number.isNaN(month)) return DateTime.fromMillis(ms, { zone: CASE_ID_ZONE }).toFormat('yyMM');
  let period = periods.get(month);
  if (period === undefined) {
    period = DateTime.fromMillis(ms, { zone: luxonZone(CASE_ID_ZONE) }).toFormat('yyMM');
    if (periods.size >= 64) periods.clear();
    periods.set(month, period);
  }
  return period;
}

/** A case id from its month and running number (at least four digits; more after 9999 cases a month). */
export function formatCaseId(period: string, n: number): string {
  return `T-${period}-${String(n).padStart(4, '0')}`;
}
