/**
 * Jobs at a wall-clock time in a time zone (the night report at 07:00 Swedish time), as data and one pure
 * function: which occurrence is the latest at an instant. Times are local wall-clock times, so a job at
 * 07:00 runs at 07:00 local on the nights the clocks change (05:00 UTC in summer, 06:00 in winter), once: an
 * occurrence is named by its local date and time, which exist once even when the clocks go back.
 */
import { DateTime } from 'luxon';
import { luxonZone } from './routing/zone.ts';

/** A job that runs at a local time on some days. Run by `Scheduler.pollClock`, once per occurrence. */
export interface ClockJob {
  /** Unique among jobs; the store keeps its occurrences under it. */
  name: string;
  /** IANA time zone in which `timeOn` is read (the policy's). */
  zone: string;
  /**
   * The local time (`HH:MM`) the job runs on the local date `date` (`YYYY-MM-DD`), or undefined for no run
   * that day. A time that does not exist that day (skipped by a spring-forward change) runs when the clocks
   * reach it, e.g. 02:30 runs at 03:30.
   */
  timeOn(date: string): string | undefined;
  /** How long after its time an occurrence that was missed (instance down, store unreachable) still runs. Default 12 h. */
  catchUpMs?: number;
  /** How long one run may take before another instance may take it over. Default 5 minutes. */
  leaseMs?: number;
  /** The work; a rejection is alerted and the occurrence is run again after a backoff, within the catch-up. */
  run(occurrence: Occurrence): Promise<unknown>;
}

/** One occurrence of a clock job. */
export interface Occurrence {
  /** `YYYY-MM-DDTHH:MM`, the local date and time it stands for: the same on every instance. */
  key: string;
  /** The local date. */
  date: string;
  /** The instant it is due. */
  at: Date;
}

/** The occurrence of `job` on local date `date`, if it runs that day. */
export function occurrenceOn(job: Pick<ClockJob, 'zone' | 'timeOn'>, date: string): Occurrence | undefined {
  const time = job.timeOn(date);
  if (!time) return undefined;
  const at = DateTime.fromISO(`${date}T${time}`, { zone: luxonZone(job.zone) });
  if (!at.isValid) throw new RangeError(`not a local time: ${date}T${time} in ${job.zone}`);
  return { key: `${date}T${time}`, date, at: at.toJSDate() };
}

/** The latest occurrence of `job` at or before `now`, looking back up to three local days. */
export function latestOccurrence(job: Pick<ClockJob, 'zone' | 'timeOn'>, now: Date): Occurrence | undefined {
  const today = DateTime.fromJSDate(now, { zone: luxonZone(job.zone) }).startOf('day');
  for (let back = 0; back <= 3; back++) {
    const occurrence = occurrenceOn(job, today.minus({ days: back }).toISODate()!);
    if (occurrence && occurrence.at.getTime() <= now.getTime()) return occurrence;
  }
  return undefined;
}
