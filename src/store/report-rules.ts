/** Checks and limits shared by both stores' report queries and job occurrences. */
import { StoreValidationError } from './errors.ts';

/** How long occurrence rows are kept: past any catch-up, long enough to see the last month's runs. */
export const OCCURRENCE_KEEP_MS = 40 * 86_400_000;

/** Longest "what was reported" on an open fault. */
const REPORTED_MAX = 300;

/** Throws a `StoreValidationError` for a bad job name, occurrence key or lease length. */
export function checkOccurrence(name: string, occurrence: string, leaseMs: number): void {
  if (typeof name !== 'string' || !name || name.length > 200)
    throw new StoreValidationError('Invalid job name: expected 1 to 200 characters.');
  if (typeof occurrence !== 'string' || !occurrence || occurrence.length > 100)
    throw new StoreValidationError('Invalid occurrence: expected 1 to 100 characters.');
  if (!Number.isInteger(leaseMs) || leaseMs <= 0)
    throw new StoreValidationError('Invalid lease: expected whole ms > 0.');
}

/** The tenant's first words, shortened for a list. */
export function firstWords(text: string | null | undefined): string {
  const t = (text ?? '').trim();
  return t.length > REPORTED_MAX ? `${t.slice(0, REPORTED_MAX - 1)}…` : t;
}
