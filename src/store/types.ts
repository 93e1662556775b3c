/**
 * The store's vocabulary: small interfaces that every implementation (embedded SQLite today, PostgreSQL
 * later) fulfils, checked by one contract test suite (`test/store/contract.ts`).
 *
 * Conventions:
 * - Times going in are an `Instant` (a `Date` or an ISO 8601 string with offset); times coming out are
 *   ISO 8601 strings in UTC (`toISOString()`), so records print and serialize the same everywhere.
 * - Every method is async, even where the embedded implementation is synchronous underneath.
 * - Nothing personal goes into an error message: not a phone number, a state key or message text.
 */
import type { Storage } from 'botbuilder';
import type { Case, CaseStore } from './types/case.ts';
import type { OutboxItem, Outbox } from './types/outbox.ts';
import type { AuditEntry, AuditLog, ProcessedActivities, ShiftStore, StaffAuditLog } from './types/records.ts';
import type { Counters } from './types/counters.ts';
import type { StaffCards } from './types/cards.ts';
import type { IncidentStore, IncidentSubscription } from './types/incident.ts';
import type { JobOccurrences, ReportQueries } from './types/report.ts';
import type { CallStore } from './types/calls.ts';

export * from './types/common.ts';
export * from './types/case.ts';
export * from './types/outbox.ts';
export * from './types/records.ts';
export * from './types/counters.ts';
export * from './types/cards.ts';
export * from './types/incident.ts';
export * from './types/report.ts';
export * from './types/calls.ts';

/** Options every store implementation accepts. */
export interface StoreOptions {
  /** Clock for the times the store sets itself (`createdAt`, dedupe expiry). Defaults to the system clock. */
  now?: () => Date;
  /** How long `activities.markProcessed` remembers an activity, in ms. Default 24 hours. */
  processedTtlMs?: number;
  /**
   * The secret key of the audit log's conversation hashes (`AUDIT_HMAC_KEY`, or the key kept in DATA_DIR:
   * `loadAuditKey`). When given, hashes written before keys existed are rekeyed at open. Without it, a random
   * key for this store handle only (tests): `forgetPhone` then finds only the audit rows this handle wrote.
   */
  auditKey?: string | Buffer;
}

/** What `purge` deleted. */
export interface PurgeCounts {
  /** Cases whose last change was before the cut-off. */
  cases: number;
  /** Transcript lines of those cases. */
  transcriptEntries: number;
  /** Bot state items not written since the cut-off. */
  state: number;
  /** Audit entries from before the cut-off. */
  audit: number;
  /** Outbox items of purged cases, and delivered or dead items last changed before the cut-off. */
  outbox: number;
  /** Remembered activity ids from before the cut-off. */
  activities: number;
  /**
   * Incident subscriptions stopped, or of incidents closed, before the cut-off; and the contact records
   * behind proposals from before it.
   */
  incidentContacts: number;
}

/**
 * Everything the store holds that is tied to one phone number, for a data-subject access request.
 * Matching: the case's contact phone, the conversation reference, the contact and the transcript text,
 * the state keys and values, and outbox payloads are searched for the number however it is written
 * (`070-123 45 67`, `+46 70 123 45 67`, `0046701234567`, `+46 (0)70…`: the digits, whatever separates them),
 * as a whole number (a digit right before or after it makes it another number). Audit entries match by the
 * keyed hash of the conversations found (the SMS conversation of the number, and those of its cases and state).
 */
export interface PhoneExport {
  /** The number as searched, in E.164 form. */
  phone: string;
  /** Cases tied to the number, transcripts included. */
  cases: Case[];
  /** Bot state items tied to the number, by key. */
  state: Record<string, unknown>;
  /** Outbox items of those cases or mentioning the number. */
  outbox: OutboxItem[];
  /** Routing decisions made in the number's conversations. */
  audit: AuditEntry[];
  /** Incident updates the number asked for. */
  subscriptions: IncidentSubscription[];
}

/**
 * What `forgetPhone` erased. Cases whose card was posted in Teams also get a `staff.redact` outbox item
 * (`src/store/redaction.ts`): the staff side turns the card into a stub and deletes the bot's thread posts.
 */
export interface ForgetCounts {
  /** Cases erased. */
  cases: number;
  /** Transcript lines erased with them. */
  transcriptEntries: number;
  /** Bot state items erased. */
  state: number;
  /** Outbox items erased. */
  outbox: number;
  /**
   * Audit entries of the number's conversations whose conversation hash was erased: the routing statistics
   * stay, tied to nobody.
   */
  audit: number;
  /** Teams cards queued to be turned into stubs (`staff.redact` items). */
  teamsCards: number;
  /** Incident subscriptions erased; the number's incident reports stay counted, tied to nobody. */
  subscriptions: number;
}

/**
 * Scheduled jobs (retention purge, re-alerts of unclaimed cases) that must run once across all instances
 * sharing a database, not once per instance.
 */
export interface JobRunner {
  /**
   * Claim this interval's run of job `name`: resolves true for exactly one caller (across instances) once
   * `intervalMs` has passed since the last claimed run (or the first time), false otherwise. The caller that
   * gets true does the work; a failed run is retried at the next interval.
   */
  tryRun(name: string, intervalMs: number): Promise<boolean>;
  /**
   * Give back this instance's claim of job `name` whose run could not finish (shutdown): the job is due
   * again at once, for any instance. Does nothing when another instance has claimed it since.
   */
  release?(name: string): Promise<void>;
}

/**
 * Mutual exclusion by key, for work that must not interleave (two turns of one conversation). Where the
 * store is shared (PostgreSQL) the lock holds across instances; see `src/store/locks.ts`.
 */
export interface Locks {
  /**
   * Run `fn` while holding the lock named `key`, and release it when `fn` settles (resolves with or rejects
   * with what `fn` did). Waits at most `timeoutMs` (default 15 s) for the lock, then rejects with
   * `LockTimeoutError` without running `fn`; a holder that is stuck or gone can delay others, not block them.
   */
  withLock<T>(key: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T>;
}

/** Everything Trygg persists, behind one handle. */
export interface Store {
  /**
   * Bot Framework state storage (conversation and user state) with botbuilder's eTag semantics: a write
   * whose item carries the eTag last read succeeds and gives the stored item a new eTag; a stale eTag
   * rejects with `StoreConflictError`; no eTag or `'*'` overwrites. A batch is written all or nothing.
   */
  readonly state: Storage;
  /**
   * Configuration written at run time (the Teams channel registrations; keys start with `trygg/`), with the
   * same eTag rules as `state`. Kept apart from `state` so that retention (`purge`) never deletes it; it
   * holds no tenant data, so data-subject requests do not search it.
   */
  readonly config: Storage;
  /** Cases handed to staff. */
  readonly cases: CaseStore;
  /** Where the staff cards of cases and incidents were posted (Teams ids live here, not on the case). */
  readonly cards: StaffCards;
  /** Incidents, their notices, reports, subscriptions and proposals. */
  readonly incidents: IncidentStore;
  /** Routing decisions, without message text. */
  readonly audit: AuditLog;
  /** What staff did in Teams that changes where cases go, and what was refused. */
  readonly staffAudit: StaffAuditLog;
  /** Dedupe of redelivered activities. */
  readonly activities: ProcessedActivities;
  /** Extra shifts and closures. */
  readonly shifts: ShiftStore;
  /** Side effects to deliver at least once. */
  readonly outbox: Outbox;
  /** Windowed counts shared by every instance on the store (limits and caps; `src/store/quotas.ts`). */
  readonly counters: Counters;
  /** Phone call sessions: any instance takes any callback of any call (`src/channels/phone/sessions.ts`). */
  readonly calls: CallStore;
  /**
   * Run-once-per-interval claims for scheduled jobs; present where several instances can share the store
   * (PostgreSQL). When absent, the store has a single instance: run the job on your own timer.
   */
  readonly jobs?: JobRunner;
  /** Runs of jobs at a wall-clock time (the night report), once per occurrence across instances and restarts. */
  readonly jobOccurrences: JobOccurrences;
  /** Read-only queries of the night report and the operations page. */
  readonly reports: ReportQueries;
  /**
   * Keyed locks that hold across all instances sharing the store (PostgreSQL advisory locks behind an
   * in-process mutex). When absent, the store has a single instance: an in-process lock is enough
   * (`locksFor(store)` in `src/store/locks.ts` gives one).
   */
  readonly locks?: Locks;
  /**
   * Delete cases, transcripts, state, audit (routing and staff) and finished outbox items older than the
   * cut-off. A purged case whose card was posted in Teams gets a `staff.redact` outbox item. Configuration
   * (`config`) and shifts are never purged.
   */
  purge(olderThan: Date): Promise<PurgeCounts>;
  /** Export everything tied to a phone number (see {@link PhoneExport} for what matches). */
  findByPhone(phone: string): Promise<PhoneExport>;
  /** Erase everything `findByPhone` would export, in one transaction. */
  forgetPhone(phone: string): Promise<ForgetCounts>;
  /**
   * Resolves when the store answers and its schema is the version this code expects (the readiness probe,
   * `GET /readyz`); rejects with a `StoreError` saying which of the two is wrong. One cheap read.
   */
  ping(): Promise<void>;
  /** Close the store; later calls reject. Closing twice is harmless. */
  close(): Promise<void>;
}
