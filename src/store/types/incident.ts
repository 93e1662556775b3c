/**
 * Incidents: a serious event that many tenants write about (a fire, a burst main, police in the yard). Staff
 * open one with a notice; tenants who name its place get the latest notice, are counted as its reports, and
 * may subscribe to updates until it is closed. Read by the night report too: `list` and `get` give everything
 * an incident is (its notices in order, how many reported and subscribed), without personal data.
 */
import type { ConversationReference } from 'botbuilder';
import type { Lang } from '../../routing/types.ts';
import type { Instant } from './common.ts';
import type { NewOutboxItem } from './outbox.ts';

/** What kind of event. */
export const INCIDENT_KINDS = [
  'fire',
  'explosion',
  'water',
  'power',
  'heating',
  'police',
  'burglary',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * Where: an area of `config/areas.yaml` (by its id), or a street with an optional number (as staff wrote
 * it; `street` is the street's name as the areas file spells it when it is one of its streets).
 */
export type IncidentPlace = { area: string } | { street: string; number?: string; area?: string };

/** A notice's text: Swedish always (staff write it), English and Arabic when staff wrote them. */
export interface NoticeText {
  sv: string;
  en?: string;
  ar?: string;
}

/** Extra office hours MKB announces with an incident (shown in the closing notice). */
export interface OfficeHours {
  /** Start (ISO, UTC). */
  from: string;
  /** End (ISO, UTC). */
  to: string;
}

/** One notice, in order: the first opens the incident, the last of a closed one closes it. */
export interface IncidentNotice {
  /** 1, 2, 3, … within the incident. */
  seq: number;
  kind: 'open' | 'update' | 'close';
  text: NoticeText;
  /** When it was written (ISO, UTC). */
  at: string;
  /** Who wrote it: a staff member's Entra object id, or `cli`. */
  by: string;
}

/** An incident as stored. */
export interface Incident {
  /** `H-YYMM-NNNN` (month in Swedish time, then a running number). */
  id: string;
  kind: IncidentKind;
  place: IncidentPlace;
  /** The place as people read it ("Rosengård", "Ramels väg 12"). */
  where: string;
  status: IncidentStatus;
  /** Extra office hours, when given. */
  officeHours: OfficeHours | null;
  /** Every notice, oldest first. */
  notices: IncidentNotice[];
  /** How many contacts (conversations) were linked to it. */
  reports: number;
  /** How many conversations subscribe to its updates now. */
  subscribers: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** What opening an incident takes. */
export interface NewIncident {
  kind: IncidentKind;
  place: IncidentPlace;
  where: string;
  text: NoticeText;
  officeHours?: { from: Instant; to: Instant };
  by: string;
}

/** A conversation that asked for an incident's updates. Personal data: purged and erased by `forgetPhone`. */
export interface IncidentSubscription {
  id: string;
  incidentId: string;
  /** The tenant's channel (`sms`, `webchat`, …). */
  channelId: string;
  /** How to message the tenant proactively. May hold the tenant's phone number. */
  conversation: Partial<ConversationReference>;
  language: Lang;
  status: 'active' | 'stopped';
  createdAt: string;
  stoppedAt: string | null;
}

/** A contact in a conversation, as the incident store counts it (a keyed hash of it, nothing more). */
export interface IncidentContact {
  channelId: string;
  conversationId: string;
}

/**
 * Outbox items written in the same transaction as an incident change, from the incident as written and the
 * subscriptions active then (a new notice goes to each of them exactly once). Synchronous: it runs inside
 * the transaction.
 */
export type IncidentOutbox = (written: Incident, active: IncidentSubscription[]) => NewOutboxItem[];

/** A proposal: several contacts about the same kind of event at the same place within a short time. */
export interface IncidentProposal {
  id: string;
  kind: IncidentKind;
  /** The place key contacts had in common (an area id, or a street). */
  placeKey: string;
  /** Distinct contacts within the window when it was proposed. */
  contacts: number;
  createdAt: string;
}

export interface IncidentStore {
  /** Opens an incident with its first notice (and, atomically, the outbox items of `outbox`). */
  open(input: NewIncident, options?: { outbox?: IncidentOutbox }): Promise<Incident>;
  /** The incident with this id, or undefined. */
  get(id: string): Promise<Incident | undefined>;
  /** Incidents, newest first; `status` filters, `limit` defaults to 100. */
  list(query?: { status?: IncidentStatus; limit?: number }): Promise<Incident[]>;
  /**
   * Adds a notice (`close: true` closes the incident with it; `officeHours` replaces the extra hours).
   * `outbox` gets the subscriptions active at that moment. Rejects with `StoreNotFoundError` for an unknown
   * id and `StoreConflictError` when the incident is closed already.
   */
  addNotice(
    id: string,
    notice: { text: NoticeText; by: string; close?: boolean; officeHours?: { from: Instant; to: Instant } },
    options?: { outbox?: IncidentOutbox },
  ): Promise<Incident>;
  /**
   * Links a contact to the incident (counted once per conversation); `caseId` when the contact also made a
   * case. Resolves with the incident and whether this conversation is counted for the first time.
   */
  link(id: string, contact: IncidentContact & { caseId?: string }): Promise<{ incident: Incident; first: boolean }>;
  /**
   * Subscribes a conversation to an open incident's updates (again, if it had stopped). Notices after
   * `seenSeq` (the one the tenant was shown) that it would otherwise miss are written for it at once, by
   * `outbox`, in the same transaction. Rejects with `StoreConflictError` when the incident is closed.
   */
  subscribe(
    id: string,
    subscriber: Omit<IncidentSubscription, 'id' | 'incidentId' | 'status' | 'createdAt' | 'stoppedAt'> & {
      seenSeq: number;
    },
    options?: {
      outbox?: (written: Incident, subscription: IncidentSubscription, missed: IncidentNotice[]) => NewOutboxItem[];
    },
  ): Promise<IncidentSubscription>;
  /** Stops every active subscription of a conversation at once; resolves with how many it stopped. */
  unsubscribe(contact: IncidentContact): Promise<number>;
  /** The subscription with this id, or undefined (erased). */
  subscription(id: string): Promise<IncidentSubscription | undefined>;
  /**
   * Records a contact about `kind` at `placeKey` and, when `threshold` distinct contacts came within
   * `windowMs` and no proposal for the same kind and place was made within the window (a cluster gets one),
   * creates a proposal and writes `outbox(proposal)` with it. Resolves with the proposal when one was made.
   * Once across instances.
   */
  signal(
    signal: IncidentContact & { kind: IncidentKind; placeKey: string },
    rule: { threshold: number; windowMs: number },
    options?: { outbox?: (proposal: IncidentProposal) => NewOutboxItem[] },
  ): Promise<IncidentProposal | undefined>;
}
