/** The smaller stores: the decision audit log, redelivery dedupe, and extra shifts and closures. */
import type { Category, DangerKind, Lang, RouteId } from '../../routing/types.ts';
import type { Instant } from './common.ts';

/**
 * One routing decision, for statistics and for checking the policy afterwards. Deliberately holds no
 * message text and no identifiers: the conversation appears only as a hash computed by the caller.
 * The store rejects entries with any other field.
 */
export interface AuditEntry {
  /** When the decision was made (ISO, UTC on the way out). */
  at: string;
  /** Where the contact was routed. */
  route: RouteId;
  /** Id of the policy rule that decided. */
  rule: string;
  /** What triage made of the message. */
  category: Category;
  /** The kind of acute danger, when there was one. */
  danger: DangerKind | null;
  /** Bot Framework channel id. */
  channelId: string;
  /** The message's language. */
  language: Lang;
  /** Keyed hash of the conversation id, to count repeat contacts without storing who they were. */
  conversationHash: string;
}

/** Filters for listing audit entries; newest first. */
export interface AuditQuery {
  /** Only entries at or after this time. */
  since?: Instant;
  /** At most this many (default 1000). */
  limit?: number;
}

/** Append-only log of routing decisions. */
export interface AuditLog {
  /**
   * The `conversationHash` to store for a conversation id: an HMAC under the store's audit key (see
   * `src/store/audit-key.ts`), never reversible without the key. Synchronous: it computes, it reads nothing.
   */
  hashConversation(conversationId: string): string;
  /** Append one entry (`at` may be a `Date` or any ISO string with offset). */
  append(entry: Omit<AuditEntry, 'at'> & { at: Instant }): Promise<void>;
  /** Entries matching the query, newest first. */
  list(query?: AuditQuery): Promise<AuditEntry[]>;
}

/**
 * Channels redeliver activities when a reply is slow; this remembers which were handled. Only a hash of
 * conversation and activity id is kept, and only for the store's `processedTtlMs`.
 */
export interface ProcessedActivities {
  /**
   * Record that an activity is being handled. Resolves true the first time, false when the same activity
   * of the same conversation was already recorded within the time to live.
   */
  markProcessed(conversationId: string, activityId: string): Promise<boolean>;
  /**
   * Whether the activity was recorded within the time to live, recording nothing (true only after a
   * `markProcessed`). For a caller that records an activity when it has been handled, not when it starts.
   */
  seen(conversationId: string, activityId: string): Promise<boolean>;
}

/** `extra`: a route is staffed outside its schedule; `closed`: a route is shut although scheduled. */
export const SHIFT_KINDS = ['extra', 'closed'] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

/** An extra shift or closure to add. */
export interface NewShift {
  /** The route it applies to. */
  route: RouteId;
  /** Extra staffing or a closure. */
  kind: ShiftKind;
  /** Start, inclusive. */
  from: Instant;
  /** End, exclusive; must be after `from`. */
  to: Instant;
  /** Why, for the people reading the schedule. */
  note?: string;
  /** Who added it (a staff name or Teams id). */
  createdBy?: string;
}

/** An extra shift or closure as stored. */
export interface Shift {
  /** Store-assigned id, short enough to type (`trygg shift remove <id>`). */
  id: string;
  /** The route it applies to. */
  route: RouteId;
  /** Extra staffing or a closure. */
  kind: ShiftKind;
  /** Start, inclusive (ISO, UTC). */
  from: string;
  /** End, exclusive (ISO, UTC). */
  to: string;
  /** Why, if given. */
  note: string | null;
  /** Who added it, if given. */
  createdBy: string | null;
  /** When it was added (ISO, UTC). */
  createdAt: string;
}

/** Filters for listing shifts; earliest start first. All filters combine. */
export interface ShiftQuery {
  /** Only shifts running at this moment (`from <= activeAt < to`). */
  activeAt?: Instant;
  /** Only shifts that end after this moment. */
  from?: Instant;
  /** Only shifts that start before this moment. */
  to?: Instant;
}

/** Extra shifts and closures that override the policy's schedule. */
export interface ShiftStore {
  /** Add one; resolves with its id. */
  add(shift: NewShift): Promise<string>;
  /** Shifts matching the query, earliest start first. */
  list(query?: ShiftQuery): Promise<Shift[]>;
  /** Remove one; resolves false when there was no such id. */
  remove(id: string): Promise<boolean>;
}

/** What staff did in Teams that the staff audit records. */
export const STAFF_ACTIONS = [
  'teams.register',
  'teams.register.refused',
  'teams.shift.add',
  'teams.shift.refused',
  'teams.cardAction.refused',
  'teams.incident.open',
  'teams.incident.update',
  'teams.incident.close',
  'teams.incident.refused',
  'teams.report.acknowledged',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/**
 * One staff action: who (the Entra object id, no name), when, what, and the Teams ids and case ids it
 * concerned. Nothing else personal.
 */
export interface StaffAuditEntry {
  /** When (ISO, UTC on the way out). */
  at: string;
  /** What was done or refused. */
  action: StaffAction;
  /** The staff member's Entra object id (`aadObjectId`), or '' when Teams sent none. */
  actor: string;
  /** Ids the action concerned (route, channel and team ids, a case id, a verb), as short strings. */
  details: Record<string, string>;
}

/** Append-only log of staff actions; purged with the rest after the retention. */
export interface StaffAuditLog {
  /** Append one entry. */
  append(entry: Omit<StaffAuditEntry, 'at'> & { at: Instant }): Promise<void>;
  /** Entries matching the query, newest first. */
  list(query?: AuditQuery): Promise<StaffAuditEntry[]>;
}
