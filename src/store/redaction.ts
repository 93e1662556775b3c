/**
 * When `purge` or `forgetPhone` erases a case whose card is in Teams, the card and the bot's posts in its
 * thread must go too: the store writes a `staff.redact` outbox item in the same transaction, with only what
 * the staff side needs to find them (Teams ids from `staff_cards`, no personal data), for the worker to
 * deliver later.
 */
import type { RouteId } from '../routing/types.ts';
import type { NewOutboxItem } from './types.ts';

/** The outbox kind of a redaction: the case card becomes a stub, the bot's thread posts are deleted. */
export const STAFF_REDACT_KIND = 'staff.redact';

/** The payload of a `staff.redact` item. */
export interface TeamsRedaction {
  /** The erased case's id (the card stub names it, so staff know which case went). */
  caseId: string;
  /** Its route, for the registered channel's service URL. */
  route: RouteId;
  /** The thread that holds the card. */
  threadId: string;
  /** The card's activity id. */
  activityId: string;
  /** Activity ids of the bot's own posts in the thread (`cards.recordPost`). */
  postIds: string[];
  /** Why: the retention purge or a data-subject erasure. */
  reason: 'purge' | 'forget';
}

/** A case row as far as a redaction needs it. */
export interface RedactableCase {
  id: string;
  route: RouteId;
  threadId: string | null;
  activityId: string | null;
  postIds: string[];
}

/** The redaction items for erased cases: one per case whose card was posted, none for the others. */
export function teamsRedactionItems(cases: RedactableCase[], reason: TeamsRedaction['reason']): NewOutboxItem[] {
  return cases
    .filter((c) => c.threadId && c.activityId)
    .map((c) => {
      const payload: TeamsRedaction = {
        caseId: c.id,
        route: c.route,
        threadId: c.threadId!,
        activityId: c.activityId!,
        postIds: c.postIds,
        reason,
      };
      return { kind: STAFF_REDACT_KIND, key: `redact:${c.id}`, caseId: c.id, payload: { ...payload } };
    });
}
