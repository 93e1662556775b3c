/**
 * Who is on duty when. Pure functions of the policy and an instant: no clock reads.
 * All opening times are local wall-clock times in the policy's time zone (luxon does the zone arithmetic),
 * so a shift ending "05:00" ends at 05:00 local also on the nights the clocks change.
 */
import { DateTime } from 'luxon';
import { swedishHolidayOn } from './holidays.ts';
import type { Policy, ScheduleRule } from './policy.ts';
import type { RouteId } from './types.ts';

/** An instant, given as a JS Date, epoch milliseconds, an ISO string or a luxon DateTime. */
export type Instant = Date | number | string | DateTime;

const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Epoch milliseconds of an instant; throws on an unparseable string. */
export function toMillis(at: Instant): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  if (typeof at === 'string') {
    const dt = DateTime.fromISO(at, { setZone: true });
    if (!dt.isValid) throw new RangeError(`not an ISO-8601 time: ${JSON.stringify(at)}`);
    return dt.toMillis();
  }
  return at.toMillis();
}

/** `YYYY-MM-DD` plus `days` calendar days (pure calendar arithmetic, no zone). */
function addDays(date: string, days: number): string {
  const t = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
  return t.toISOString().slice(0, 10);
}

/** Whether a local calendar date (`YYYY-MM-DD`) is a working day under the policy's calendar. */
export function isWorkingDay(date: string, policy: Policy): boolean {
  const cal = policy.calendar;
  const weekday = WEEKDAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
  if ((cal.nonWorkingWeekdays as string[]).includes(weekday)) return false;
  if (cal.extraNonWorkingDays.includes(date)) return false;
  if (cal.publicHolidays === 'sweden') {
    const holiday = swedishHolidayOn(date);
    if (holiday) {
      const isEve = holiday.name === 'midsummerEve' || holiday.name === 'christmasEve' || holiday.name === 'newYearsEve';
      if (!isEve || (cal.holidayEves as string[]).includes(holiday.name)) return false;
    }
  } else if ((cal.holidayEves as string[]).length) {
    const holiday = swedishHolidayOn(date);
    if (holiday && (cal.holidayEves as string[]).includes(holiday.name)) return false;
  }
  return true;
}

type Interval = readonly [start: number, end: number];

/** Per policy object: the weekly intervals that start on each local date, per route. */
const intervalCache = new WeakMap<Policy, Map<string, Interval[]>>();

function localMillis(date: string, time: string, zone: string): number {
  // A wall-clock time that does not exist (the spring-forward hour) is moved forward by luxon.
  return DateTime.fromISO(`${date}T${time}`, { zone }).toMillis();
}

function ruleAppliesOn(rule: ScheduleRule, date: string, policy: Policy): boolean {
  if (rule.days === 'all') return true;
  if (rule.days === 'working') return isWorkingDay(date, policy);
  if (rule.days === 'nonWorking') return !isWorkingDay(date, policy);
  return (rule.days as string[]).includes(WEEKDAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()]!);
}

/** The intervals of `route`'s weekly rules that open on the local date `date`. */
function weeklyIntervalsStarting(route: RouteId, date: string, policy: Policy): Interval[] {
  let perPolicy = intervalCache.get(policy);
  if (!perPolicy) intervalCache.set(policy, (perPolicy = new Map()));
  const key = `${route}|${date}`;
  const hit = perPolicy.get(key);
  if (hit) return hit;
  const schedule = policy.schedules[route as keyof Policy['schedules']];
  const out: Interval[] = [];
  if (schedule && 'weekly' in schedule) {
    for (const rule of schedule.weekly) {
      if (!ruleAppliesOn(rule, date, policy)) continue;
      const overnight = typeof rule.closes === 'string' ? rule.closes <= rule.opens : true;
      const endDate = overnight ? addDays(date, 1) : date;
      const closes =
        typeof rule.closes === 'string'
          ? rule.closes
          : isWorkingDay(endDate, policy)
            ? rule.closes.workingMorning
            : rule.closes.nonWorkingMorning;
      const start = localMillis(date, rule.opens, policy.timeZone);
      const end = localMillis(endDate, closes, policy.timeZone);
      if (end > start) out.push([start, end]);
    }
  }
  perPolicy.set(key, out);
  return out;
}

/** A route's on-duty state over a window of time, as intervals and the instants where it may change. */
interface Timeline {
  on(ms: number): boolean;
  boundaries: number[];
}

const inside = (list: readonly Interval[], ms: number) => list.some(([s, e]) => ms >= s && ms < e);

function timeline(route: RouteId, fromMs: number, toMs: number, policy: Policy, depth = 0): Timeline {
  const overrides = policy.overrides
    .filter((o) => o.route === route)
    .map((o) => ({ kind: o.kind, iv: [Date.parse(o.from), Date.parse(o.to)] as Interval }))
    .filter(({ iv }) => iv[1] > fromMs && iv[0] < toMs);
  const extra = overrides.filter((o) => o.kind === 'extra').map((o) => o.iv);
  const closed = overrides.filter((o) => o.kind === 'closed').map((o) => o.iv);
  const boundaries = overrides.flatMap((o) => [...o.iv]);

  const schedule = policy.schedules[route as keyof Policy['schedules']];
  let weekly: (ms: number) => boolean;
  if (!schedule || 'always' in schedule) {
    weekly = () => true;
  } else if ('whenClosed' in schedule) {
    if (depth > 4) throw new RangeError(`schedule of ${route} refers to itself through whenClosed`);
    const other = timeline(schedule.whenClosed, fromMs, toMs, policy, depth + 1);
    weekly = (ms) => !other.on(ms);
    boundaries.push(...other.boundaries);
  } else {
    const intervals: Interval[] = [];
    const zone = policy.timeZone;
    const first = DateTime.fromMillis(fromMs, { zone }).minus({ days: 1 }).toISODate()!;
    const last = DateTime.fromMillis(toMs, { zone }).toISODate()!;
    for (let d = first; d <= last; d = addDays(d, 1)) intervals.push(...weeklyIntervalsStarting(route, d, policy));
    weekly = (ms) => inside(intervals, ms);
    for (const iv of intervals) boundaries.push(iv[0], iv[1]);
  }
  return {
    on: (ms) => !inside(closed, ms) && (inside(extra, ms) || weekly(ms)),
    boundaries: boundaries.filter((b) => b > fromMs && b <= toMs).sort((a, b) => a - b),
  };
}

/** Whether `route` is on duty (open, reachable) at `at`. Routes without a schedule are always on duty. */
export function isOnDuty(route: RouteId, at: Instant, policy: Policy): boolean {
  const ms = toMillis(at);
  return timeline(route, ms, ms + 1, policy).on(ms);
}

/** A route's state at an instant and when it next changes. */
export interface DutyStatus {
  route: RouteId;
  onDuty: boolean;
  /** When the state next changes (closes if on duty, opens if not), within the horizon; null if not. */
  nextChange: DateTime | null;
  /** When it is next on duty: `at` itself if on duty now; null if not within the horizon. */
  nextOpening: DateTime | null;
}

/** The route's state at `at` and its next change, looking `horizonDays` ahead (default 21). */
export function dutyStatus(route: RouteId, at: Instant, policy: Policy, horizonDays = 21): DutyStatus {
  const ms = toMillis(at);
  const line = timeline(route, ms, ms + horizonDays * DAY_MS, policy);
  const onDuty = line.on(ms);
  const change = line.boundaries.find((b) => line.on(b) !== onDuty);
  const zone = policy.timeZone;
  const asLocal = (x: number) => DateTime.fromMillis(x, { zone });
  return {
    route,
    onDuty,
    nextChange: change === undefined ? null : asLocal(change),
    nextOpening: onDuty ? asLocal(ms) : change === undefined ? null : asLocal(change),
  };
}

/** The changes of `route`'s state from `at` over `days` days: each instant it opens or closes. */
export function dutyChanges(route: RouteId, at: Instant, policy: Policy, days: number): { at: DateTime; onDuty: boolean }[] {
  const ms = toMillis(at);
  const line = timeline(route, ms, ms + days * DAY_MS, policy);
  const out: { at: DateTime; onDuty: boolean }[] = [];
  let state = line.on(ms);
  for (const b of line.boundaries) {
    const next = line.on(b);
    if (next !== state) out.push({ at: DateTime.fromMillis(b, { zone: policy.timeZone }), onDuty: next });
    state = next;
  }
  return out;
}
