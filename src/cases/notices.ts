/**
 * Notices as data: what must reach staff or a tenant, written to the outbox in the same transaction as the
 * change that causes it, and turned into cards and messages by the staff side (`channels/teams/delivery.ts`)
 * or the tenant's channel. The kinds name what is delivered, not the wire it goes over:
 * - `staff.card`: the card of a case in its route's staff channel, once per case;
 * - `staff.post`: a text in the thread of a case's card (the tenant wrote, a re-alert, a note);
 * - `staff.cardUpdate`: a case card redrawn for everyone (claimed, closed);
 * - `staff.notice`: a staff text posted as a new thread in a channel (an alert in the incidents channel, a
 *   route moved away from a channel);
 * - `tenant.message`: a proactive message to a case's tenant on their channel, in their language;
 * - `staff.redact` (written by the store): an erased case's card becomes a stub, the bot's posts go.
 */
import type { RouteId } from '../routing/types.ts';
import type { Case, NewOutboxItem } from '../store/index.ts';

export const NOTICE = {
  card: 'staff.card',
  post: 'staff.post',
  cardUpdate: 'staff.cardUpdate',
  staffNotice: 'staff.notice',
  tenantMessage: 'tenant.message',
} as const;

/** A staff channel: a route's, or `incidents` (emergencies, incidents, alerts for operators). */
export type StaffChannel = Exclude<RouteId, 'emergency'> | 'incidents';

/** The staff channel a case's card goes to: emergencies go to `incidents`. */
export const channelOfRoute = (route: RouteId): StaffChannel => (route === 'emergency' ? 'incidents' : route);

/** The payload of a notice about a case. */
export type CasePayload =
  | { caseId: string }
  | { caseId: string; text: string; tenantText?: string }
  | { caseId: string; key: string; params?: Record<string, string | number>; staffText?: string };

/**
 * The payload of a `staff.notice`: where to post (a staff channel, resolved when it is delivered, or a
 * channel named outright), and a staff text from `locales/sv/staff.json`.
 */
export type NoticePayload = ({ to: StaffChannel } | { channelId: string; serviceUrl: string }) & {
  key: string;
  params: Record<string, string | number>;
};

let seq = 0;
/** A key that is new every time: for notices that may well be sent twice on purpose (two replies). */
export const uniqueKey = (prefix: string) =>
  `${prefix}:${Date.now().toString(36)}-${(seq++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The card of a new case, written in the same transaction as the case. */
export function caseCardNotice(c: Pick<Case, 'id'>): NewOutboxItem {
  return { kind: NOTICE.card, key: `card:${c.id}`, caseId: c.id, payload: { caseId: c.id } };
}

/**
 * A post in the thread of the case's card; `tenantText` (the tenant's own words) is translated into Swedish
 * on the way when a model is configured.
 */
export const staffPost = (
  caseId: string,
  text: string,
  key = uniqueKey(`thread:${caseId}`),
  tenantText?: string,
): NewOutboxItem => ({
  kind: NOTICE.post,
  key,
  caseId,
  payload: { caseId, text, ...(tenantText ? { tenantText } : {}) },
});

/** The case's card redrawn as the case is now. */
export const cardUpdate = (caseId: string): NewOutboxItem => ({
  kind: NOTICE.cardUpdate,
  key: uniqueKey(`update:${caseId}`),
  caseId,
  payload: { caseId },
});

/**
 * A message to the case's tenant: `key` in `locales/{lng}/bot.json` with `params` (and the case id), and a
 * staff member's own words after it (translated when a model is configured).
 */
export const tenantMessage = (
  caseId: string,
  key: string,
  params: Record<string, string | number> = {},
  staffText?: string,
  idempotencyKey = uniqueKey(`tenant:${caseId}`),
): NewOutboxItem => ({
  kind: NOTICE.tenantMessage,
  key: idempotencyKey,
  caseId,
  payload: { caseId, key, params, ...(staffText ? { staffText } : {}) },
});

/** A staff text posted as a new thread in a channel (not tied to a case's thread). */
export const staffNotice = (
  where: { to: StaffChannel } | { channelId: string; serviceUrl: string },
  key: string,
  params: Record<string, string | number>,
  idempotencyKey: string,
): NewOutboxItem => ({
  kind: NOTICE.staffNotice,
  key: idempotencyKey,
  payload: { ...where, key, params } satisfies NoticePayload,
});
