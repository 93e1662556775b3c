/**
 * The outbox items of the staff side, as data: what each kind means is delivered in `delivery.ts`.
 * - `teams.card`: a new thread in the route's registered channel with the case card (once per case);
 * - `teams.thread`: a text in the case's thread (the tenant wrote, a re-alert);
 * - `teams.update`: the case card redrawn for everyone (claimed, closed);
 * - `tenant.message`: a proactive message to the tenant on their channel, in their language;
 * - `teams.notice`: a staff text posted in a channel as a new thread (a route moved away from it; an alert
 *   about a case that cannot reach its channel, in the incidents channel);
 * - `teams.redact` (written by the store): an erased case's card becomes a stub, the bot's posts go.
 */
import type { Case, NewOutboxItem, OutboxItem } from '../../store/index.ts';
import type { ChannelRegistration } from './registrations.ts';

export type OutboxPayload =
  | { caseId: string }
  | { caseId: string; text: string }
  | { caseId: string; key: string; params?: Record<string, string | number>; staffText?: string };

/** The outbox items written in the same transaction as a new case. */
export function newCaseItems(c: Case): NewOutboxItem[] {
  return [{ kind: 'teams.card', key: `card:${c.id}`, caseId: c.id, payload: { caseId: c.id } }];
}

let seq = 0;
const unique = () => `${Date.now().toString(36)}-${(seq++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A post in the case's thread; `tenantText` (the tenant's own words) is translated into Swedish when a model is configured. */
export const threadPost = (
  caseId: string,
  text: string,
  key = `thread:${caseId}:${unique()}`,
  tenantText?: string,
): NewOutboxItem => ({
  kind: 'teams.thread',
  key,
  caseId,
  payload: { caseId, text, ...(tenantText ? { tenantText } : {}) },
});
export const cardUpdate = (caseId: string): NewOutboxItem => ({
  kind: 'teams.update',
  key: `update:${caseId}:${unique()}`,
  caseId,
  payload: { caseId },
});
export const tenantMessage = (
  caseId: string,
  key: string,
  params: Record<string, string | number> = {},
  staffText?: string,
  idempotencyKey = `tenant:${caseId}:${unique()}`,
): NewOutboxItem => ({
  kind: 'tenant.message',
  key: idempotencyKey,
  caseId,
  payload: { caseId, key, params, ...(staffText ? { staffText } : {}) },
});
/** The payload of a `teams.notice` item: where to post, and a staff text from `locales/sv/staff.json`. */
export interface NoticePayload {
  channelId: string;
  serviceUrl: string;
  key: string;
  params: Record<string, string | number>;
}

/** A notice posted as a new thread in a channel (not tied to a case): `key` in the Swedish staff texts. */
export const channelNotice = (
  reg: Pick<ChannelRegistration, 'channelId' | 'serviceUrl'>,
  key: string,
  params: Record<string, string | number>,
  idempotencyKey: string,
): NewOutboxItem => ({
  kind: 'teams.notice',
  key: idempotencyKey,
  payload: { channelId: reg.channelId, serviceUrl: reg.serviceUrl, key, params },
});

/** The thread an item is posted to, for Teams' per-thread rate limit. */
export function threadOf(item: OutboxItem): string | undefined {
  return item.kind.startsWith('teams.') && item.caseId ? `case:${item.caseId}` : undefined;
}
