/**
 * Opening a case for a turn, within the new-case caps (policy `caseLimits`, src/cases/caps.ts), and adding
 * a tenant's further words to a case.
 *
 * Over a cap, nothing the tenant wrote is lost and nothing happens silently:
 * - the words go into the sender's open case (this conversation's latest, else the phone number's latest):
 *   its transcript grows, staff see the words in its Teams thread, and no new card is posted;
 * - when there is no such case, the case is stored without a card of its own (`trygg cases`, `@Trygg
 *   status`), except the first one over the cap in its hour, which gets its card with a notice;
 * - every time, an error (the first in the hour) or a warning is logged with the cap's stable code, and the
 *   first time in the hour staff get a notice in the thread of the case the words went to.
 * The tenant's reply does not change: 112 comes first for danger whatever the caps say.
 */
import { TurnContext } from 'botbuilder';
import { CASE_CAP_CODES, latestCaseOfPhone, quotasOf, rememberCaseOfPhone, takeNewCase } from '../src/cases/caps.ts';
import type { NewCaseVerdict } from '../src/cases/caps.ts';
import { CaseDesk } from '../src/cases/desk.ts';
import { translator } from '../src/i18n.ts';
import type { Decision } from '../src/routing/decide.ts';
import type { Case, NewCase } from '../src/store/index.ts';
import { Quotas } from '../src/store/quotas.ts';
import type { Profile, Turn } from './context.ts';
import { linkCase } from './incidents.ts';

type Refusal = Extract<NewCaseVerdict, { ok: false }>;

/** See the module comment. Resolves with the case the tenant's words are in. */
export async function openCase(
  turn: Turn,
  decision: Decision,
  caseInput: Partial<NewCase> & { route: NewCase['route']; note?: string },
): Promise<Case> {
  const { deps, profile } = turn;
  const { note, ...input } = caseInput;
  const quotas =
    deps.quotas ?? quotasOf(deps.store, () => new Quotas(deps.store.counters, { now: () => deps.now().getTime() }));
  const verdict = await takeNewCase(quotas, turn.policy.caseLimits, {
    conversation: `${turn.channelId}|${turn.ctx.activity.conversation.id}`,
    ...(turn.channelPhone ? { phone: turn.channelPhone } : {}),
  });
  const desk = deskOf(turn);
  if (!verdict.ok) {
    const existing = await sendersOpenCase(turn);
    if (existing) {
      await addToCase(turn, existing);
      reportCap(turn, verdict, existing, 'attached');
      if (verdict.first && profile.heldCaseId !== existing.id)
        await desk.tellStaff(existing.id, capNotice(verdict, 'attached'));
      profile.openCaseId = profile.lastCaseId = existing.id;
      tellHandoff(turn, existing);
      return existing;
    }
  }
  // The first case over a cap in its hour still gets its card, carrying the notice; later ones none.
  const carded = verdict.ok || verdict.first;
  const notice = verdict.ok ? undefined : capNotice(verdict, 'held');
  const kase = await desk.open(
    {
      category: decision.category,
      danger: decision.danger,
      language: turn.lang,
      channelId: turn.channelId,
      conversation: TurnContext.getConversationReference(turn.ctx.activity),
      summary: summaryFor(decision, input.route, profile) + (note ? ` ${note}` : ''),
      transcript: (profile.transcript ?? []).map((e) => ({ at: e.at, from: e.from, text: e.text })),
      ...input,
      contact: { ...(turn.channelPhone ? { phone: turn.channelPhone } : {}), ...input.contact },
    },
    { card: carded, ...(notice ? { staffNotice: notice } : {}) },
  );
  profile.openCaseId = profile.lastCaseId = kase.id;
  if (carded) {
    delete profile.heldCaseId;
    if (turn.channelPhone) await rememberCaseOfPhone(deps.store.state, turn.channelPhone, kase.id);
  } else profile.heldCaseId = kase.id;
  if (!verdict.ok) reportCap(turn, verdict, kase, carded ? 'carded' : 'held');
  // A case at an incident's place (told earlier, or the address given now) is counted on the incident too.
  await linkCase(turn, kase.id, input.contact?.address);
  tellHandoff(turn, kase);
  return kase;
}

/**
 * Adds to a case the tenant's words it does not have yet (by time and text), and posts them in its Teams
 * thread, unless the case was kept without a card.
 */
export async function addToCase(turn: Turn, kase: Case): Promise<void> {
  const have = new Set(kase.transcript.map((e) => `${e.at}\n${e.text}`));
  const fresh = (turn.profile.transcript ?? []).filter((e) => e.from === 'tenant' && !have.has(`${e.at}\n${e.text}`));
  await deskOf(turn).addTenantWords(kase, fresh, turn.profile.heldCaseId !== kase.id);
}

const desks = new WeakMap<object, CaseDesk>();

/** The conversation's case desk: the app's (with its staff side), or one without a staff side per store. */
export function deskOf(turn: Turn): CaseDesk {
  const { deps } = turn;
  if (deps.desk) return deps.desk;
  let desk = desks.get(deps.store);
  if (!desk) desks.set(deps.store, (desk = new CaseDesk({ store: deps.store, policy: deps.policy, now: deps.now })));
  return desk;
}

/** The sender's latest case that is still open: this conversation's, else the phone number's. */
async function sendersOpenCase(turn: Turn): Promise<Case | undefined> {
  const { store } = turn.deps;
  const ids = [turn.profile.lastCaseId, turn.channelPhone && (await latestCaseOfPhone(store.state, turn.channelPhone))];
  for (const id of ids) {
    const kase = id ? await store.cases.get(id) : undefined;
    if (kase && kase.status !== 'closed') return kase;
  }
  return undefined;
}

/** Logs a cap with its stable code: an error the first time in its hour, a warning after. No personal data. */
function reportCap(turn: Turn, v: Refusal, kase: Case, outcome: 'attached' | 'carded' | 'held'): void {
  turn.deps.log?.[v.first ? 'error' : 'warn'](
    { code: CASE_CAP_CODES[v.cap], cap: v.cap, max: v.max, outcome, caseId: kase.id, route: kase.route },
    `new-case cap reached (${v.cap}): ${outcome === 'attached' ? 'added to the open case' : outcome === 'carded' ? 'card with a notice' : 'kept without a card'}`,
  );
}

/** The staff notice (Swedish): which cap, and where the words go from now on. */
function capNotice(v: Refusal, outcome: 'attached' | 'held'): string {
  const s = translator('sv', 'staff');
  return `${s(`caseCap.${v.cap}`, { max: v.max })} ${s(`caseCap.${outcome}`)}`;
}

/** The reply that follows tells of the handoff, and carries it (the phone line transfers the call on it). */
function tellHandoff(turn: Turn, kase: Case): void {
  const destination = turn.policy.destinations[kase.route];
  turn.act({
    kind: 'handoff',
    caseId: kase.id,
    route: kase.route,
    phone: destination.phone,
    ...(destination.placeholder ? { placeholder: true } : {}),
  });
}

/** A short Swedish summary for staff: what kind of case, and the tenant's first words. */
function summaryFor(decision: Decision, route: string, profile: Profile): string {
  const sv = translator('sv', 'bot');
  const first = profile.transcript?.find((e) => e.from === 'tenant')?.text ?? '';
  const kind = sv(`summary.${decision.danger ? `danger.${decision.danger}` : decision.category}`);
  return sv('summary.line', { kind, route, words: first.length > 280 ? `${first.slice(0, 277)}…` : first });
}
