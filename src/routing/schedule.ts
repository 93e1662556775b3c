/**
 * Who is on duty when. Pure functions of the policy and an instant: no clock reads.
 * All opening times are local wall-clock times in the policy's time zone (luxon does the zone arithmetic),
 * so a shift ending "05:00" ends at 05:00 local also on the nights the clocks change.
 */
import { DateTime } from 'luxon';
import { swedishHolidayOn } from './holidays.ts';
import type { Policy, ScheduleRule } from './policy.ts';
import type { RouteId } from './types.ts';
import { luxonZone, zoneOffset } from './zone.ts';

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
      const isEve =
        holiday.name === 'midsummerEve' || holiday.name === 'christmasEve' || holiday.name === 'newYearsEve';
      if (!isEve || (cal.holidayEves as string[]).includes(holiday.name)) return false;
    }
  } else if ((cal.holidayEves as string[]).length) {
    const holiday = swedishHolidayOn(date);
    if (holiday && (cal.holidayEves as string[]).includes(holiday.name)) return false;
  }
  return true;
}

type Interval = readonly [start: number, end: number];

/**
 * Per schedule (shared by every policy copy that only adds overrides): the weekly intervals that open on each
 * local date, per route.
 */
const intervalCache = new WeakMap<object, Map<string, Interval[]>>();

function localMillis(date: string, time: string, zone: string): number {
  // A wall-clock time that does not exist (the spring-forward hour) is moved forward by luxon.
  return DateTime.fromISO(`${date}T${time}`, { zone: luxonZone(zone) }).toMillis();
}

function ruleAppliesOn(rule: ScheduleRule, date: string, policy: Policy): boolean {
  if (rule.days === 'all') return true;
  if (rule.days === 'working') return isWorkingDay(date, policy);
  if (rule.days === 'nonWorking') return !isWorkingDay(date, policy);
  return (rule.days as string[]).includes(WEEKDAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()]!);
}

/** The intervals of `route`'s weekly rules that open on the local date `date`. */
function weeklyIntervalsStarting(route: RouteId, date: string, policy: Policy): Interval[] {
  let perSchedule = intervalCache.get(policy.schedules);
  if (!perSchedule) intervalCache.set(policy.schedules, (perSchedule = new Map()));
  const key = `${route}|${date}`;
  const hit = perSchedule.get(key);
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
  perSchedule.set(key, out);
  return out;
}

/** Sorted, non-overlapping, non-touching intervals. */
function normalize(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** `list` minus `cut` (both normalized). */
function subtract(list: Interval[], cut: Interval[]): Interval[] {
  let out = list;
  for (const [cs, ce] of cut) {
    const next: Interval[] = [];
    for (const [s, e] of out) {
      if (ce <= s || cs >= e) next.push([s, e]);
      else {
        if (s < cs) next.push([s, cs]);
        if (ce < e) next.push([ce, e]);
      }
    }
    out = next;
  }
  return out;
}

/** The window a cache entry covers: a week's bucket, from two days before to 29 days after its start. */
const BUCKET_MS = 7 * DAY_MS;
const windowOf = (ms: number): [number, number] => {
  const start = Math.floor(ms / BUCKET_MS) * BUCKET_MS;
  return [start - 2 * DAY_MS, start + BUCKET_MS + 22 * DAY_MS];
};

const onCache = new WeakMap<Policy, Map<string, Interval[]>>();

/**
 * When `route` is on duty within [fromMs, toMs): its weekly schedule (or the complement of another route's),
 * plus extra shifts, minus closures, as sorted intervals.
 */
function onDutyIntervals(route: RouteId, fromMs: number, toMs: number, policy: Policy, depth = 0): Interval[] {
  let perPolicy = onCache.get(policy);
  if (!perPolicy) onCache.set(policy, (perPolicy = new Map()));
  const key = `${route}|${fromMs}|${toMs}`;
  const hit = perPolicy.get(key);
  if (hit) return hit;

  const schedule = policy.schedules[route as keyof Policy['schedules']];
  let weekly: Interval[];
  if (!schedule || 'always' in schedule) {
    weekly = [[fromMs, toMs]];
  } else if ('whenClosed' in schedule) {
    if (depth > 4) throw new RangeError(`schedule of ${route} refers to itself through whenClosed`);
    weekly = subtract([[fromMs, toMs]], onDutyIntervals(schedule.whenClosed, fromMs, toMs, policy, depth + 1));
  } else {
    const zone = luxonZone(policy.timeZone);
    const first = DateTime.fromMillis(fromMs, { zone }).minus({ days: 1 }).toISODate()!;
    const last = DateTime.fromMillis(toMs, { zone }).toISODate()!;
    const list: Interval[] = [];
    for (let d = first; d <= last; d = addDays(d, 1)) list.push(...weeklyIntervalsStarting(route, d, policy));
    weekly = list;
  }
  const mine = policy.overrides.filter((o) => o.route === route);
  const extra = mine.filter((o) => o.kind === 'extra').map((o) => [Date.parse(o.from), Date.parse(o.to)] as Interval);
  const closed = normalize(
    mine.filter((o) => o.kind === 'closed').map((o) => [Date.parse(o.from), Date.parse(o.to)] as Interval),
  );
  // Clip to the window so that an interval reaching its edge reads as "goes on beyond what we know".
  const result = subtract(normalize([...weekly, ...extra]), closed)
    .map(([s, e]) => [Math.max(s, fromMs), Math.min(e, toMs)] as Interval)
    .filter(([s, e]) => e > s);
  if (perPolicy.size > 512) perPolicy.clear();
  perPolicy.set(key, result);
  return result;
}

/** The state at `ms` and the instant it next changes (undefined: not before the window ends). */
function stateAt(
  route: RouteId,
  ms: number,
  policy: Policy,
): { on: boolean; change: number | undefined; intervals: Interval[]; windowEnd: number } {
  const [from, to] = windowOf(ms);
  const intervals = onDutyIntervals(route, from, to, policy);
  // Binary search for the last interval starting at or before ms.
  let lo = 0;
  let hi = intervals.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]![0] <= ms) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const current = idx >= 0 && ms < intervals[idx]![1] ? intervals[idx] : undefined;
  if (current) return { on: true, change: current[1] < to ? current[1] : undefined, intervals, windowEnd: to };
  const next = intervals[idx + 1];
  return { on: false, change: next ? next[0] : undefined, intervals, windowEnd: to };
}

/** The state at `at` and the epoch-ms instant it next changes (undefined: not within three weeks). Fast path. */
export function dutyAt(route: RouteId, at: Instant, policy: Policy): { onDuty: boolean; changeMs: number | undefined } {
  const { on, change } = stateAt(route, toMillis(at), policy);
  return { onDuty: on, changeMs: change };
}

/** ISO-8601 with the zone's offset (as luxon's toISO() writes it), without building a DateTime. */
export function isoInZone(ms: number, zone: string): string {
  const offset = zoneOffset(zone, ms);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${new Date(ms + offset * 60_000).toISOString().slice(0, 23)}${sign}${hh}:${mm}`;
}

/** Whether `route` is on duty (open, reachable) at `at`. Routes without a schedule are always on duty. */
export function isOnDuty(route: RouteId, at: Instant, policy: Policy): boolean {
  return stateAt(route, toMillis(at), policy).on;
}

/** A route's state at an instant and when it next changes. */
export interface DutyStatus {
  route: RouteId;
  onDuty: boolean;
  /** When the state next changes (closes if on duty, opens if not), within three weeks; null if not. */
  nextChange: DateTime | null;
  /** When it is next on duty: `at` itself if on duty now; null if not within three weeks. */
  nextOpening: DateTime | null;
}

/** The route's state at `at` and its next change, looking at least three weeks ahead. */
export function dutyStatus(route: RouteId, at: Instant, policy: Policy): DutyStatus {
  const ms = toMillis(at);
  const { on, change } = stateAt(route, ms, policy);
  // The DateTimes keep the memoised zone: their own arithmetic and formatting reuse its offsets.
  const zone = luxonZone(policy.timeZone);
  const asLocal = (x: number) => DateTime.fromMillis(x, { zone });
  return {
    route,
    onDuty: on,
    nextChange: change === undefined ? null : asLocal(change),
    nextOpening: on ? asLocal(ms) : change === undefined ? null : asLocal(change),
  };
}

/** The changes of `route`'s state from `at` over `days` days: each instant it opens or closes. */
export function dutyChanges(
  route: RouteId,
  at: Instant,
  policy: Policy,
  days: number,
): { at: DateTime; onDuty: boolean }[] {
  const ms = toMillis(at);
  const end = ms + days * DAY_MS;
  const out: { at: DateTime; onDuty: boolean }[] = [];
  let t = ms;
  for (let guard = 0; guard < 1000; guard++) {
    const { on, change } = stateAt(route, t, policy);
    if (change === undefined) {
      // Nothing changes before this window ends: continue from the window's end.
      const [, to] = windowOf(t);
      if (to >= end) break;
      t = to;
      continue;
    }
    if (change > end) break;
    out.push({ at: DateTime.fromMillis(change, { zone: luxonZone(policy.timeZone) }), onDuty: !on });
    t = change;
  }
  return out;
}
