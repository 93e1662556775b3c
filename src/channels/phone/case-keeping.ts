/**
 * Keeping a call's words for staff when the call does not end as planned: a note on the bot's case (posted in
 * the thread of its card too), or a new case from what was said (with its card), through the same case desk
 * the conversation uses.
 */
import type { CaseDesk } from '../../cases/desk.ts';
import type { Logger } from '../../log.ts';
import type { Category, DangerKind, RouteId } from '../../routing/types.ts';
import type { Case, Store } from '../../store/index.ts';
import { staffNote } from './speech.ts';
import type { CallSession } from './types.ts';
import { TELEPHONY_CHANNEL, TELEPHONY_SERVICE_URL } from './voice-adapter.ts';

/** Routes whose handoff transfers the call to the number on duty. */
export const TRANSFER_ROUTES: ReadonlySet<RouteId> = new Set(['trygghetsjour', 'fastighetsjour']);

/** Why a call's case gets a note for staff. */
export type NoteReason = 'transferred' | 'transferFailed' | 'callerHungUp' | 'callFailed';

export interface CaseKeepingDeps {
  store: Store;
  log: Logger;
  now: () => Date;
  desk: CaseDesk;
}

/** The note's values: who the call went (or did not go) to, and the number to call back. */
function noteValues(session: CallSession): Record<string, string> {
  const t = session.transfer;
  return { name: t?.name ?? '', phone: t?.phone ?? '', callback: session.caller || '–' };
}

/**
 * A Swedish note for staff on the call's case: a transcript line, and a post in the case's thread when there
 * is a staff side (once per case and reason).
 */
export async function noteForStaff(
  deps: CaseKeepingDeps,
  session: CallSession,
  caseId: string,
  reason: NoteReason,
  values = noteValues(session),
): Promise<void> {
  const note = staffNote(reason, values);
  try {
    await deps.desk.noteForStaff(caseId, note, `phone:${caseId}:${reason}`);
  } catch (err) {
    deps.log.error({ err, caseId, reason }, 'phone: could not add a note for staff to the case');
  }
}

/** A case from what was said on a call that ended before the bot opened one; staff get its card. */
export async function caseFromCall(
  deps: CaseKeepingDeps,
  session: CallSession,
  reason: NoteReason,
): Promise<Case | undefined> {
  const route: RouteId = session.decision?.route ?? 'office';
  const firstWords = session.transcript.find((l) => l.from === 'tenant')?.text ?? '';
  try {
    const kase = await deps.desk.open({
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
      summary: staffNote('summary', {
        route,
        words: firstWords.length > 280 ? `${firstWords.slice(0, 277)}…` : firstWords,
      }),
      transcript: [
        ...session.transcript.map((l) => ({ at: l.at, from: l.from, text: l.text })),
        { at: deps.now(), from: 'bot', text: staffNote(reason, noteValues(session)) },
      ],
      contact: session.caller ? { phone: session.caller } : {},
    });
    session.caseId = kase.id;
    return kase;
  } catch (err) {
    deps.log.error({ err, route, reason }, 'phone: could not keep the call as a case');
    return undefined;
  }
}

/**
 * Keeps a call's words for staff when it ends, once: with a transfer pending or a failed line, the bot's case
 * gets a note; without a case, a dialog in progress or a jour or danger decision becomes one. A caller who
 * hangs up after the bot's case was made needs nothing more.
 */
export async function keepWhatWasSaid(deps: CaseKeepingDeps, session: CallSession, reason: NoteReason): Promise<void> {
  if (session.finalized || session.transferred) return;
  session.finalized = true;
  if (session.caseId) {
    if (reason !== 'callerHungUp') await noteForStaff(deps, session, session.caseId, reason);
    return;
  }
  const saidSomething = session.transcript.some((l) => l.from === 'tenant');
  const route = session.decision?.route;
  const matters =
    session.awaitingAnswer ||
    route === 'emergency' ||
    (route !== undefined && TRANSFER_ROUTES.has(route)) ||
    reason !== 'callerHungUp';
  if (saidSomething && matters) await caseFromCall(deps, session, reason);
}
