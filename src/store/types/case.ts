/** Cases: a tenant's contact handed to staff, with its transcript. */
import type { ConversationReference } from 'botbuilder';
import type { Category, DangerKind, Lang, RouteId } from '../../routing/types.ts';
import type { Instant } from './common.ts';
import type { NewOutboxItem } from './outbox.ts';

/** Where a case is in its life. */
export const CASE_STATUSES = ['open', 'claimed', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who wrote a transcript line. */
export const TRANSCRIPT_SENDERS = ['tenant', 'bot', 'staff'] as const;
export type TranscriptSender = (typeof TRANSCRIPT_SENDERS)[number];

/** One line of a case's conversation. */
export interface TranscriptEntry {
  /** When the line was said (ISO, UTC). */
  at: string;
  /** Who said it. */
  from: TranscriptSender;
  /** What was said, as sent. Personal data: purged with the case and erased by `forgetPhone`. */
  text: string;
}

/** A transcript line to append; `at` defaults to the store's clock. */
export interface NewTranscriptEntry {
  /** When the line was said; the store's clock when left out. */
  at?: Instant;
  /** Who said it. */
  from: TranscriptSender;
  /** What was said, as sent. */
  text: string;
}

/** How to reach the tenant, as far as they told us. Every field is optional: tenants may stay anonymous. */
export interface CaseContact {
  /** Phone number as given; the store also keeps a normalized copy (E.164) for data-subject requests. */
  phone?: string;
  /** Name as given. */
  name?: string;
  /** Street address as given. */
  address?: string;
  /** Stairwell (trappuppgång), door code or floor as given. */
  stairwell?: string;
  /** True when the tenant agreed that staff may contact them; false when they declined; unset when not asked. */
  consent?: boolean;
  /** True when the tenant asked to be told when the fault is fixed (the night report's "Åtgärdat"). */
  hearBack?: boolean;
}

/** A tenant's contact handed to staff. */
export interface Case {
  /** Short human-friendly id, `T-YYMM-NNNN` (month in Swedish time, then a running number). Unique. */
  id: string;
  /** Where the contact was routed. */
  route: RouteId;
  /** What triage made of it. */
  category: Category;
  /** The kind of acute danger, when there was one. */
  danger: DangerKind | null;
  /** The tenant's language. */
  language: Lang;
  /** Bot Framework channel the tenant wrote or called from (`webchat`, `sms`, `directline`, …). */
  channelId: string;
  /**
   * Bot Framework conversation reference (from `TurnContext.getConversationReference`): enough to message
   * the tenant proactively. Personal data: it can hold the tenant's phone number as user id.
   */
  conversation: Partial<ConversationReference>;
  /** One-paragraph summary for staff. */
  summary: string;
  /** The conversation so far, oldest first. */
  transcript: TranscriptEntry[];
  /** How to reach the tenant. */
  contact: CaseContact;
  /** Where the case is in its life. */
  status: CaseStatus;
  /** Who took the case (a staff member's name or Teams id), once claimed. */
  claimedBy: string | null;
  /** What was done, once closed (free text written by staff). */
  outcome: string | null;
  /** When the case was created (ISO, UTC). */
  createdAt: string;
  /** When anything about the case last changed, transcript included (ISO, UTC). */
  updatedAt: string;
}

/** What the caller supplies to create a case; the store sets id, status, times and empty defaults. */
export interface NewCase {
  /** Where the contact was routed. */
  route: RouteId;
  /** What triage made of it. */
  category: Category;
  /** The kind of acute danger, when there was one. */
  danger?: DangerKind | null;
  /** The tenant's language. */
  language: Lang;
  /** Bot Framework channel id. */
  channelId: string;
  /** Conversation reference for proactive messages. */
  conversation: Partial<ConversationReference>;
  /** Summary for staff; empty when left out. */
  summary?: string;
  /** First transcript lines, if any. */
  transcript?: NewTranscriptEntry[];
  /** How to reach the tenant; empty when left out. */
  contact?: CaseContact;
}

/**
 * Changes to a case. Fields left out stay as they are; `contact` is merged field by field (to drop contact
 * fields, pass the whole new contact with `replaceContact: true`). Where its staff card is posted is not the
 * case's business: see `store.cards`.
 */
export interface CasePatch {
  /** New route, e.g. after staff re-route the case. */
  route?: RouteId;
  /** New category. */
  category?: Category;
  /** New danger kind, or null to clear it. */
  danger?: DangerKind | null;
  /** New language. */
  language?: Lang;
  /** New conversation reference (the tenant came back on another conversation). */
  conversation?: Partial<ConversationReference>;
  /** New summary. */
  summary?: string;
  /** Contact fields to merge into the current contact. */
  contact?: CaseContact;
  /** When true, `contact` replaces the current contact instead of being merged into it. */
  replaceContact?: boolean;
  /** New status. */
  status?: CaseStatus;
  /** Who took the case, or null to release it. */
  claimedBy?: string | null;
  /** What was done. */
  outcome?: string | null;
}

/** Filters for listing cases; newest first. */
export interface CaseQuery {
  /** Only cases with this status. */
  status?: CaseStatus;
  /** Only cases routed here. */
  route?: RouteId;
  /** At most this many (default 100). */
  limit?: number;
  /** Continue after the page that gave this cursor (`CasePage.next`); with the same filters. */
  cursor?: string;
}

/** One page of a listing, and where the next one starts. */
export interface CasePage {
  /** The cases of this page, newest first. */
  cases: Case[];
  /** Pass as `cursor` for the next page; null when this was the last. */
  next: string | null;
}

/**
 * Outbox items to write in the same transaction as a case change: either a list, or a function of the case
 * as written (to put the new case id into keys and payloads). The function is synchronous because it runs
 * inside the transaction; if it throws, nothing is written. Items get the case's id as `caseId` unless they
 * name one.
 */
export type CaseOutbox = NewOutboxItem[] | ((written: Case) => NewOutboxItem[]);

/** Options for a case write. */
export interface CaseWriteOptions {
  /** Outbox items committed atomically with the case write. */
  outbox?: CaseOutbox;
}

/** Options for a case update. */
export interface CaseUpdateOptions extends CaseWriteOptions {
  /**
   * Apply the patch only if the case has this status now (e.g. claim only an `open` case); otherwise the
   * update rejects with a `StoreConflictError` and nothing is written.
   */
  ifStatus?: CaseStatus;
}

/** Cases handed to staff. */
export interface CaseStore {
  /** Create a case (and, atomically, its outbox items). Resolves with the case as stored. */
  create(input: NewCase, options?: CaseWriteOptions): Promise<Case>;
  /** The case with this id, or undefined. */
  get(id: string): Promise<Case | undefined>;
  /** Cases matching the query, newest first: the first page only (see `page`). */
  list(query?: CaseQuery): Promise<Case[]>;
  /**
   * A page of the cases matching the query, newest first, and a cursor for the next. Paging by cursor is
   * stable: a case created meanwhile does not shift the pages, and none is listed twice.
   */
  page(query?: CaseQuery): Promise<CasePage>;
  /** How many cases match the query (`limit` and `cursor` are ignored). */
  count(query?: Omit<CaseQuery, 'limit' | 'cursor'>): Promise<number>;
  /** Apply a patch; rejects with `StoreNotFoundError` for an unknown id. Resolves with the updated case. */
  update(id: string, patch: CasePatch, options?: CaseUpdateOptions): Promise<Case>;
  /** Append one transcript line and touch `updatedAt`; rejects with `StoreNotFoundError` for an unknown id. */
  appendTranscript(id: string, entry: NewTranscriptEntry): Promise<void>;
}
