/**
 * Caps on new cases (policy `caseLimits`): per conversation, per phone number and in all, per clock hour.
 * Every new case would be a card in a Teams channel; without caps one sender could flood a channel (danger
 * messages skip the message limits) and push real cards out of sight. The caps are counted in the store's
 * shared counters and hold exactly across instances (every new case asks the store: cases are rare).
 *
 * What happens over a cap is the conversation's business (dialogs/context.ts): the tenant is answered as
 * always, the words go into the sender's open case or the case is kept without a card of its own, and the
 * cap is reported with {@link CASE_CAP_CODES}.
 */
import { createHash } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Policy } from '../routing/policy.ts';
import type { Quotas } from '../store/quotas.ts';
import type { Store } from '../store/types.ts';

/** Which cap stopped a new case. */
export type CaseCap = 'conversation' | 'phone' | 'hour';

/** Stable codes for logs and alerts, one per cap. */
export const CASE_CAP_CODES = {
  conversation: 'CASE_CAP_CONVERSATION',
  phone: 'CASE_CAP_PHONE',
  hour: 'CASE_CAP_HOUR',
} as const satisfies Record<CaseCap, string>;

/** Whether a new case may be opened; if not, which cap said no, its size, and whether it said so first. */
export type NewCaseVerdict =
  | { ok: true }
  | {
      ok: false;
      cap: CaseCap;
      max: number;
      /** The first refusal of this cap and key in its hour, across all instances: time to tell staff. */
      first: boolean;
    };

/** Who would open the case. */
export interface CaseOpener {
  /** Channel and conversation id. */
  conversation: string;
  /** The tenant's phone number when the channel gives one. */
  phone?: string;
}

const HOUR_MS = 3_600_000;

/**
 * Takes one new case from the caps, in the order conversation, phone number, all: a case refused by the
 * sender's own cap does not use up everyone's hourly budget.
 */
export async function takeNewCase(
  quotas: Quotas,
  caps: Policy['caseLimits'],
  who: CaseOpener,
): Promise<NewCaseVerdict> {
  const steps: [CaseCap, string, number][] = [
    ['conversation', `cases.conv:${who.conversation}`, caps.perConversationPerHour],
    ...(who.phone ? [['phone', `cases.phone:${who.phone}`, caps.perPhonePerHour] as [CaseCap, string, number]] : []),
    ['hour', 'cases.hour', caps.perHour],
  ];
  for (const [cap, key, max] of steps) {
    const v = await quotas.take(key, { max, windowMs: HOUR_MS }, { exact: true });
    if (!v.ok) return { ok: false, cap, max, first: v.firstRefusal };
  }
  return { ok: true };
}

/** The state key of a phone number's latest case: a hash, so the number itself is not a key. */
const phoneKey = (phone: string) => `trygg/cases/of-phone/${createHash('sha256').update(phone).digest('hex')}`;

/** The id of the latest case (with a card) a phone number opened, on any conversation. */
export async function latestCaseOfPhone(state: Storage, phone: string): Promise<string | undefined> {
  const key = phoneKey(phone);
  return ((await state.read([key]))[key] as { caseId?: string } | undefined)?.caseId;
}

/** Remembers a phone number's latest case, for the next cap. */
export async function rememberCaseOfPhone(state: Storage, phone: string, caseId: string): Promise<void> {
  await state.write({ [phoneKey(phone)]: { caseId, eTag: '*' } });
}

const quotasByStore = new WeakMap<Store, Quotas>();

/** One `Quotas` per store for callers not given one (case caps are exact: nothing is held in it). */
export function quotasOf(store: Store, make: () => Quotas): Quotas {
  let q = quotasByStore.get(store);
  if (!q) quotasByStore.set(store, (q = make()));
  return q;
}
