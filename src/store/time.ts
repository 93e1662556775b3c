/** Conversions between what callers give (`Instant`) and what the store keeps (epoch milliseconds). */
import { StoreValidationError } from './errors.ts';
import type { Instant } from './types.ts';

/** Epoch milliseconds of an instant; rejects an invalid date. */
export function toMs(at: Instant, what = 'time'): number {
  const ms = at instanceof Date ? at.getTime() : Date.parse(at);
  if (!Number.isFinite(ms)) throw new StoreValidationError(`Invalid ${what}: expected a Date or an ISO 8601 string.`);
  return ms;
}

/** ISO 8601 in UTC, the form every record carries. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO 8601 in UTC, or null for a missing value. */
export function toIsoOrNull(ms: number | null): string | null {
  return ms === null ? null : toIso(ms);
}
