/**
 * Time-zone offsets without asking Intl on every call. luxon's IANAZone.offset runs Intl formatToParts each
 * time; a zone's offset changes a few times a year, so it is looked up once per quarter hour of UTC and reused.
 */
import { IANAZone, Info, type Zone } from 'luxon';

const BUCKET_MS = 15 * 60_000;
const MAX_BUCKETS = 512;
/** The range of a JS Date. */
const MAX_MS = 8.64e15;

/**
 * An IANA zone whose offsets are memoised per 15 minutes of UTC: same name, type and offsets as luxon's.
 * A bucket is reused only when the offsets at its first and last millisecond agree. Most transitions fall on a
 * quarter hour of UTC (Europe/Stockholm's at 01:00Z), so on a bucket's edge; the few that do not (St John's and
 * Goose Bay 1987-2011 at 00:01 local, Monrovia 1972 at 00:44:30Z) leave a bucket that is computed exactly for
 * every instant. Assumes no zone changes its offset twice within 15 minutes.
 */
export class MemoZone extends IANAZone {
  /** Offset in minutes per bucket; NaN: not the same throughout the bucket. */
  private readonly buckets = new Map<number, number>();

  override offset(ts: number): number {
    if (!(Math.abs(ts) <= MAX_MS) || !this.isValid) return super.offset(ts);
    const bucket = Math.floor(ts / BUCKET_MS);
    let offset = this.buckets.get(bucket);
    if (offset === undefined) {
      const start = bucket * BUCKET_MS;
      offset = super.offset(start);
      if (offset !== super.offset(start + BUCKET_MS - 1)) offset = NaN;
      if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
      this.buckets.set(bucket, offset);
    }
    return Number.isNaN(offset) ? super.offset(ts) : offset;
  }
}

const memoZones = new Map<string, MemoZone>();
const luxonZones = new Map<string, Zone>();

/** The memoised IANA zone named `name` (invalid, with NaN offsets, if there is no such zone). */
export function memoZone(name: string): MemoZone {
  let zone = memoZones.get(name);
  if (!zone) {
    if (memoZones.size >= 64) memoZones.clear();
    memoZones.set(name, (zone = new MemoZone(name)));
  }
  return zone;
}

/** What luxon makes of `{ zone: name }` (so "UTC" stays luxon's fixed UTC), with IANA zones memoised. */
export function luxonZone(name: string): Zone {
  const hit = luxonZones.get(name);
  if (hit) return hit;
  const normal = Info.normalizeZone(name);
  // "default" and the like follow luxon's Settings: not memoised.
  if (!(normal instanceof IANAZone) || normal.name !== name) return normal;
  if (luxonZones.size >= 64) luxonZones.clear();
  const zone = memoZone(name);
  luxonZones.set(name, zone);
  return zone;
}

/** The UTC offset in minutes of the IANA zone `name` at `ms`, as luxon's IANAZone.offset gives it. */
export function zoneOffset(name: string, ms: number): number {
  return memoZone(name).offset(ms);
}

/** The wall-clock time at `ms` in luxon's `{ zone: name }`, as epoch milliseconds read in UTC (NaN for an invalid zone). */
export function wallClockMillis(ms: number, name: string): number {
  return ms + luxonZone(name).offset(ms) * 60_000;
}
