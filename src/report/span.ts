/**
 * When the night report is due and which stretch of time it covers. Pure functions of the policy (with
 * the stored shifts added where the caller has them) and dates; all times are local wall-clock times in
 * the policy's zone, so the nights the clocks change are nights like any other.
 *
 * - The report is due at `report.at`, or by default at the office's opening on working days and at 07:00
 *   on other days (`reportTime`).
 * - The report posted at T covers the time since the office last closed, up to T (`reportSpan`): on a
 *   working morning the night before; on a weekend or holiday morning everything since the office closed.
 * - The night of a date (`trygg report --night`) runs from the office's closing that day to its next
 *   opening; on a day the office does not close (a weekend, a holiday) from that day's report time.
 * - The trend on `/staff` counts per night without overlaps: a night ends at the next report instead.
 */
import { DateTime } from 'luxon';
import type { Policy } from '../routing/policy.ts';
import { dutyChanges, isWorkingDay } from '../routing/schedule.ts';
import { luxonZone } from '../routing/zone.ts';

/** The time used on days the office does not open, when the policy sets no `report.at`. */
export const DEFAULT_REPORT_TIME = '07:00';

/** A stretch of time, [from, to). */
export interface Span {
  from: Date;
  to: Date;
}

const local = (date: string, policy: Policy) => DateTime.fromISO(date, { zone: luxonZone(policy.timeZone) });

/** The office's state changes on local date `date` (the day's first opening, its closing). */
function officeChangesOn(date: string, policy: Policy): { at: DateTime; onDuty: boolean }[] {
  const start = local(date, policy).startOf('day');
  const end = start.plus({ days: 1 });
  return dutyChanges('office', start.toMillis() - 1, policy, 2).filter((c) => c.at >= start && c.at < end);
}

/** The office's first opening on `date` (`HH:MM`), or undefined when it does not open that day. */
export function officeOpeningOn(date: string, policy: Policy): string | undefined {
  return officeChangesOn(date, policy)
    .find((c) => c.onDuty)
    ?.at.toFormat('HH:mm');
}

/** Whether the office opens at all on `date`: when it does not, the report goes to Fastighetsjouren. */
export function officeOpensOn(date: string, policy: Policy): boolean {
  return officeOpeningOn(date, policy) !== undefined;
}

/** When the report is due on `date` (`HH:MM`, local): `report.at`, else the office's opening on working days, else 07:00. */
export function reportTime(date: string, policy: Policy): string {
  if (policy.report.at) return policy.report.at;
  return (isWorkingDay(date, policy) && officeOpeningOn(date, policy)) || DEFAULT_REPORT_TIME;
}

/** The instant the report is due on `date`. */
export function reportInstant(date: string, policy: Policy): Date {
  return DateTime.fromISO(`${date}T${reportTime(date, policy)}`, { zone: luxonZone(policy.timeZone) }).toJSDate();
}

/** The office's last closing at or before `at`, looking back three weeks; undefined if none. */
function lastClosing(at: Date, policy: Policy): Date | undefined {
  const from = at.getTime() - 21 * 86_400_000;
  const closings = dutyChanges('office', from, policy, 21).filter((c) => !c.onDuty && c.at.toMillis() <= at.getTime());
  return closings.at(-1)?.at.toJSDate();
}

/** What the report posted at `at` covers: since the office last closed (at most a week back), up to `at`. */
export function reportSpan(at: Date, policy: Policy): Span {
  const weekAgo = at.getTime() - 7 * 86_400_000;
  const closed = lastClosing(at, policy)?.getTime() ?? at.getTime() - 86_400_000;
  return { from: new Date(Math.max(closed, weekAgo)), to: at };
}

/** When the night of `date` starts: the office's closing that day, else that day's report time. */
function nightStart(date: string, policy: Policy): Date {
  const closing = officeChangesOn(date, policy).findLast((c) => !c.onDuty);
  return closing ? closing.at.toJSDate() : reportInstant(date, policy);
}

/** The night of `date` (`YYYY-MM-DD`): from the office's closing that day to its next opening. */
export function nightOf(date: string, policy: Policy): Span {
  const from = nightStart(date, policy);
  const opening = dutyChanges('office', from, policy, 21).find((c) => c.onDuty);
  return { from, to: opening ? opening.at.toJSDate() : new Date(from.getTime() + 86_400_000) };
}

/** The night of `date` for a trend: as `nightOf`, but ending at the next morning's report, so nights do not overlap. */
export function trendNight(date: string, policy: Policy): Span {
  const night = nightOf(date, policy);
  const next = reportInstant(local(date, policy).plus({ days: 1 }).toISODate()!, policy);
  return {
    from: night.from,
    to: new Date(Math.min(night.to.getTime(), Math.max(next.getTime(), night.from.getTime()))),
  };
}

/** The local date (`YYYY-MM-DD`) of an instant in the policy's zone. */
export function localDate(at: Date, policy: Policy): string {
  return DateTime.fromJSDate(at, { zone: luxonZone(policy.timeZone) }).toISODate()!;
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}
