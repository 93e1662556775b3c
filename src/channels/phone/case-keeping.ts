/**
 * Keeping a call's words for staff when the call does not end as planned: a note on the bot's case, or a new
 * case from what was said, and an alert for staff (the outbox item `staff.alert`, and `notifyStaff` when the
 * app has one).
 */
import type { Case, NewOutboxItem, Store } from '../../store/index.ts';
import type { Category, DangerKind, RouteId } from '../../routing/types.ts';
import type { Logger } from '../../log.ts';
import { staffNote } from './speech.ts';
import type { CallSession } from './types.ts';
import { TELEPHONY_CHANNEL, TELEPHONY_SERVICE_URL } from './voice-adapter.ts';

/** Routes whose handoff transfers the call to the number on duty. */
export const TRANSFER_ROUTES: ReadonlySet<RouteId> = new Set(['trygghetsjour', 'fastighetsjour']);

/** Why staff are alerted about a call. */
export type AlertReason = 'transferFailed' | 'callerHungUp' | 'callFailed';

export interface CaseKeepingDeps {
  store: Store;
  log: Logger;
  now: () => Date;
  notifyStaff?: (kase: Case, event: 'created' | 'message') => Promise<void>;
}

/** The outbox item the staff side delivers (a Teams alert): which case, why, and the number to call back. */
export function staffAlert(caseId: string, reason: AlertReason, callback: string): NewOutboxItem {
  return {
    kind: 'staff.alert',
    key: `staff.alert:${caseId}:${reason}`,
    caseId,
    payload: { caseId, reason, channelId: TELEPHONY_CHANNEL, callback: callback || null },
  };
}

/** Appends a Swedish note for staff to the call's case. */
export async function noteOnCase(deps: CaseKeepingDeps, caseId: string, note: string): Promise<void> {
  try {
    await deps.store.cases.appendTranscript(caseId, { at: deps.now(), from: 'bot', text: note });
  } catch (err) {
    deps.log.error({ err, caseId }, 'phone: could not add a note to the case');
  }
}

/** Alerts staff about an existing case: the outbox item, then `notifyStaff` if there is one. */
export async function alertStaff(deps: CaseKeepingDeps, session: CallSession, caseId: string, reason: AlertReason): Promise<void> {
  try {
    await deps.store.outbox.enqueue([staffAlert(caseId, reason, session.caller)]);
    const kase = await deps.store.cases.get(caseId);
    if (kase && deps.notifyStaff) await deps.notifyStaff(kase, 'message');
  } catch (err) {
    deps.log.error({ err, caseId, reason }, 'phone: could not alert staff');
  }
}

/** A case from what was said on a call that ended before the bot opened one; staff are alerted with it. */
export async function caseFromCall(deps: CaseKeepingDeps, session: CallSession, reason: AlertReason): Promise<Case | undefined> {
  const route: RouteId = session.decision?.route ?? 'office';
  const firstWords = session.transcript.find((l) => l.from === 'tenant')?.text ?? '';
  try {
    const kase = await deps.store.cases.create(
      {
        route,
        category: (session.decision?.category ?? 'unknown') as Category,
        danger: (session.decision?.danger ?? null) as DangerKind | null,
        language: session.lang,
        channelId: TELEPHONY_CHANNEL,
        conversation: {
          channelId: TELEPHONY_CHANNEL,
          serviceUrl: TELEPHONY_SERVICE_URL,
          conversation: { id: session.conversationId, isGroup: false, conversationType: 'personal', name: '' },
          user: { id: session.caller, name: '' },
          bot: { id: 'trygg', name: 'Trygg' },
        },
        summary: staffNote('summary', { route, words: firstWords.length > 280 ? `${firstWords.slice(0, 277)}…` : firstWords }),
        transcript: [...session.transcript.map((l) => ({ at: l.at, from: l.from, text: l.text })), { at: deps.now(), from: 'bot', text: staffNote(reason, { name: '', phone: '', callback: session.caller || '–' }) }],
        contact: session.caller ? { phone: session.caller } : {},
      },
      { outbox: (written) => [staffAlert(written.id, reason, session.caller)] },
    );
    session.caseId = kase.id;
    if (deps.notifyStaff) await deps.notifyStaff(kase, 'created');
    return kase;
  } catch (err) {
    deps.log.error({ err, route, reason }, 'phone: could not keep the call as a case');
    return undefined;
  }
}

/**
 * Keeps a call's words for staff when it ends, once: with a transfer pending or a failed line, the bot's case
 * gets a note and staff an alert; without a case, a dialog in progress or a jour or danger decision becomes one.
 * A caller who hangs up after the bot's case was made needs nothing more.
 */
export async function keepWhatWasSaid(deps: CaseKeepingDeps, session: CallSession, reason: AlertReason): Promise<void> {
  if (session.finalized || session.transferred) return;
  session.finalized = true;
  if (session.caseId) {
    if (reason === 'callerHungUp') return;
    const t = session.transfer;
    await noteOnCase(deps, session.caseId, staffNote(reason, { name: t?.name ?? '', phone: t?.phone ?? '', callback: session.caller || '–' }));
    await alertStaff(deps, session, session.caseId, reason);
    return;
  }
  const saidSomething = session.transcript.some((l) => l.from === 'tenant');
  const route = session.decision?.route;
  const matters = session.awaitingAnswer || route === 'emergency' || (route !== undefined && TRANSFER_ROUTES.has(route)) || reason !== 'callerHungUp';
  if (saidSomething && matters) await caseFromCall(deps, session, reason);
}
