/**
 * What the night report and the operations page read (small read-only queries), and the claims of jobs that
 * run at a wall-clock time (`src/jobs.ts`), once per occurrence across every instance on the store.
 */
import type { Category, DangerKind, Lang, RouteId } from '../../routing/types.ts';
import type { CaseStatus } from './case.ts';
import type { Instant } from './common.ts';
import type { AuditEntry } from './records.ts';

/** A case as the report counts it: no contact details, no message text. */
export interface CaseFacts {
  id: string;
  route: RouteId;
  category: Category;
  danger: DangerKind | null;
  language: Lang;
  channelId: string;
  status: CaseStatus;
  /** Who has it (a staff member's Teams display name), once claimed. */
  claimedBy: string | null;
  /** What was done, once closed (one of the card's outcomes, as staff chose it). */
  outcome: string | null;
  /** When the case was created (ISO, UTC). */
  createdAt: string;
  /**
   * When it first left `open` (claimed, or closed without a claim), set by the store (ISO, UTC); null while
   * open. Cases claimed before Trygg recorded this carry their last change instead.
   */
  claimedAt: string | null;
  /** When it was closed (ISO, UTC); null unless closed. */
  closedAt: string | null;
}

/** A fault still to fix, for the morning's list. Personal (an address, the tenant's words): staff only. */
export interface OpenFault extends CaseFacts {
  /** Street address and stairwell as the tenant gave them, or null. */
  address: string | null;
  /** What the tenant reported: their first words in the case, at most 300 characters. */
  reported: string;
  /** Whether the tenant asked to be told when it is fixed (`CaseContact.hearBack`). */
  hearBack: boolean;
}

/** Read-only queries for the night report, `trygg report` and `/staff`. */
export interface ReportQueries {
  /** Routing decisions made in [from, to), oldest first (no message text: see `AuditEntry`). */
  decisions(from: Instant, to: Instant): Promise<AuditEntry[]>;
  /** Cases created in [from, to), oldest first. */
  cases(from: Instant, to: Instant): Promise<CaseFacts[]>;
  /**
   * Fault cases (`urgent_fault`, `minor_fault`) created before `before` that are not closed, oldest first, at
   * most `limit` (default 50).
   */
  openFaults(before: Instant, limit?: number): Promise<OpenFault[]>;
  /** Cases not yet claimed (status `open`), and the oldest one's creation time (ISO, UTC) or null. */
  unclaimed(): Promise<{ count: number; oldest: string | null }>;
  /** Outbox items waiting or being delivered (pending or leased), and the oldest one's enqueue time or null. */
  outboxBacklog(): Promise<{ depth: number; oldest: string | null }>;
}

/** Where a job occurrence is: being run (under a lease), done, or skipped (seen first after its time). */
export const OCCURRENCE_STATUSES = ['running', 'done', 'skipped'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

/** The outcome of a claim: the lease to run under, or where the occurrence already is. */
export type OccurrenceClaim = { lease: string } | { status: OccurrenceStatus };

/**
 * Runs of jobs at a wall-clock time: one row per job and occurrence (`2027-03-28T07:00`, the local time it
 * stands for), kept by the store so that every instance, and an instance after a restart, agrees which
 * occurrences have run. Rows older than 40 days are dropped when new ones are claimed.
 */
export interface JobOccurrences {
  /**
   * Claim occurrence `occurrence` of job `name` (due at `dueAt`) for `leaseMs`: a new lease for exactly one
   * caller when the occurrence is new, or running under a lease that has run out (a run that died, or was
   * given back for a retry); otherwise where it is.
   */
  claim(name: string, occurrence: string, dueAt: Instant, leaseMs: number): Promise<OccurrenceClaim>;
  /**
   * Settle a claimed occurrence if `lease` still holds it: `done` or `skipped` for good, or `{ retryAt }` to
   * let the next claim after that time run it again. Resolves false, changing nothing, when the lease was taken.
   */
  settle(
    name: string,
    occurrence: string,
    lease: string,
    outcome: 'done' | 'skipped' | { retryAt: Instant },
  ): Promise<boolean>;
  /** The job's latest recorded occurrence (by due time), or undefined when it never had one. */
  latest(name: string): Promise<{ occurrence: string; dueAt: string; status: OccurrenceStatus } | undefined>;
}
