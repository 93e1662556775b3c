/** Case ids people can read aloud on the phone: `T-2611-0042` is the 42nd case of November 2026. */
import { DateTime } from 'luxon';

/** Case numbers restart each month in the time zone the staff work in. */
const CASE_ID_ZONE = 'Europe/Stockholm';

/** The month part of a case id (`YYMM`) for a creation time in epoch ms. */
export function caseIdPeriod(ms: number): string {
  return DateTime.fromMillis(ms, { zone: CASE_ID_ZONE }).toFormat('yyMM');
}

/** A case id from its month and running number (at least four digits; more after 9999 cases a month). */
export function formatCaseId(period: string, n: number): string {
  return `T-${period}-${String(n).padStart(4, '0')}`;
}
