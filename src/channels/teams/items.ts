/**
 * The outbox items of the staff side, as data: what each kind means is delivered in `delivery.ts`.
 * - `teams.card`: a new thread in the route's registered channel with the case card (once per case);
 * - `teams.thread`: a text in the case's thread (the tenant wrote, a re-alert);
 * - `teams.update`: the case card redrawn for everyone (claimed, closed);
 * - `teams.notice`: a text for operators in the `incidents` channel (an alert about a case);
 * - `tenant.message`: a proactive message to the tenant on their channel, in their language.
 */
import type { Case, NewOutboxItem, OutboxItem } from '../../store/index.ts';

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
/** A notice for operators in the incidents channel; `key` makes it once per case and reason. */
export const incidentsNotice = (caseId: string, text: string, key: string): NewOutboxItem => ({
  kind: 'teams.notice',
  key,
  caseId,
  payload: { caseId, text },
});

/** The thread an item is posted to, for Teams' per-thread rate limit. */
export function threadOf(item: OutboxItem): string | undefined {
  if (item.kind === 'teams.notice') return 'incidents';
  return item.kind.startsWith('teams.') && item.caseId ? `case:${item.caseId}` : undefined;
}
