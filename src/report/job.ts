/**
 * The night report's schedule as a wall-clock job (`src/clock-jobs.ts`): when it is due each day, where it
 * goes, and the policy with the stored shifts that decide both. The job that posts it is the Teams side's
 * (`src/channels/teams/report.ts`).
 */
import { DateTime } from 'luxon';
import type { ClockJob } from '../clock-jobs.ts';
import { latestOccurrence } from '../clock-jobs.ts';
import { withOverrides, type Override, type Policy } from '../routing/policy.ts';
import { luxonZone } from '../routing/zone.ts';
import type { Store } from '../store/index.ts';
import { officeOpensOn, reportTime } from './span.ts';

/** The job's name in the store. */
export const REPORT_JOB = 'night-report';

/** Where the report goes: the office's channel, or Fastighetsjouren's on a day the office stays closed. */
export type ReportTarget = 'office' | 'fastighetsjour';

/** When the report runs: `reportTime` on every local date, in the policy's zone. */
export function reportSchedule(policy: Policy): Pick<ClockJob, 'zone' | 'timeOn'> {
  return { zone: policy.timeZone, timeOn: (date) => reportTime(date, policy) };
}

/** The time of the latest report due at or before `now`. */
export function latestReportAt(now: Date, policy: Policy): Date {
  return latestOccurrence(reportSchedule(policy), now)?.at ?? now;
}

/** The instant an occurrence key (`YYYY-MM-DDTHH:MM`, local) stands for, or undefined for a malformed key. */
export function occurrenceInstant(key: string, policy: Policy): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(key)) return undefined;
  const at = DateTime.fromISO(key, { zone: luxonZone(policy.timeZone) });
  return at.isValid ? at.toJSDate() : undefined;
}

/** Where the report of local date `date` goes. */
export function reportTarget(date: string, policy: Policy): ReportTarget {
  return officeOpensOn(date, policy) ? 'office' : 'fastighetsjour';
}

/** The policy with the extra shifts and closures stored around `at` (a week either side). */
export async function policyWithShifts(policy: Policy, store: Pick<Store, 'shifts'>, at: Date): Promise<Policy> {
  const week = 7 * 86_400_000;
  const shifts = await store.shifts.list({ from: new Date(at.getTime() - week), to: new Date(at.getTime() + week) });
  const overrides: Override[] = shifts.map((s) => ({
    id: s.id,
    route: s.route,
    kind: s.kind,
    from: s.from,
    to: s.to,
    ...(s.note ? { note: s.note } : {}),
  }));
  return withOverrides(policy, overrides);
}
