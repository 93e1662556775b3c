/**
 * The answer to acute danger, in the tenant's language: 112 first, every time, before anything else; then
 * advice, what MKB does afterwards, and that staff are told.
 */
import type { Decision } from '../src/routing/decide.ts';
import type { Case } from '../src/store/index.ts';
import type { Turn } from './context.ts';
import { answerWithIncident, tellIncident, type IncidentMatch } from './incidents.ts';

/**
 * 112 first, in the tenant's language, every time; then advice, what MKB does afterwards, and that staff
 * are told. A further danger message within `caseLimits.emergencyFollowUpMinutes` of the previous one goes
 * into the conversation's open emergency case (its transcript and Teams thread) rather than a new case
 * and card; a new case is within the new-case caps (`Turn.openCase`).
 *
 * `incident` is asked only once 112 has been said: a danger message about an open incident (the fire staff
 * already know of) gets its notice and is counted on the incident's card instead of a card of its own; one
 * about something else there gets the notice too, and its own case.
 */
export async function answerEmergency(
  turn: Turn,
  d: Decision,
  incident?: () => Promise<IncidentMatch | undefined>,
): Promise<void> {
  await say112(turn, d);
  await turn.recordDecision(d);
  const advice = adviceLines(turn, d);
  // SMS does not guarantee order: the follow-up says 112 too, in case it is the one that arrives first.
  const reminder = turn.channelId === 'sms' ? [turn.t('emergency.smsReminder')] : [];
  const match = await incident?.();
  if (match?.related) {
    await answerWithIncident(turn, match.incident, { before: reminder, after: advice });
    if (!turn.profile.greeted) turn.profile.greeted = true;
    return;
  }
  const open = await openEmergencyCase(turn);
  let caseId: string;
  if (open) {
    await turn.addToCase(open);
    turn.profile.openCaseId = caseId = open.id;
    await turn.say([...reminder, ...advice, turn.t('case.added', { caseId })].join('\n\n'));
  } else {
    const kase = await turn.openCase(d, { route: 'emergency' });
    caseId = kase.id;
    const notice = match && (await tellIncident(turn, match.incident, { caseId }));
    await turn.say(
      [
        ...reminder,
        ...(notice ? [notice] : []),
        ...advice,
        turn.t('emergency.after'),
        turn.t('emergency.staffInformed', { caseId }),
      ].join('\n\n'),
    );
    // Over a new-case cap the words may have gone into a case of another route: not one to follow up.
    if (kase.route !== 'emergency') caseId = '';
  }
  if (caseId) turn.profile.emergencyCase = { id: caseId, at: turn.deps.now().toISOString() };
  if (!turn.profile.greeted) turn.profile.greeted = true;
}

/** The 112 reply: first, alone, flagged `emergency`, with the kind of danger's advice. Needs no store. */
export async function say112(turn: Turn, d: Decision): Promise<void> {
  const tip = d.danger ? turn.t(`emergency.kind.${d.danger}`, { defaultValue: '' }) : '';
  await turn.say(turn.t('emergency.first') + (tip ? `\n\n${tip}` : ''), { emergency: true });
}

/** The decision's advice numbers (Mind, Kvinnofridslinjen, …), a line each. */
export function adviceLines(turn: Turn, d: Decision): string[] {
  return d.advice.filter((a) => a.phone).map((a) => turn.t('emergency.adviceLine', { name: a.name, phone: a.phone }));
}

/** The conversation's emergency case, if the previous danger message was recent and the case is not closed. */
async function openEmergencyCase(turn: Turn): Promise<Case | undefined> {
  const last = turn.profile.emergencyCase;
  const within = turn.policy.caseLimits.emergencyFollowUpMinutes * 60_000;
  if (!last || turn.deps.now().getTime() - Date.parse(last.at) > within) return undefined;
  const kase = await turn.deps.store.cases.get(last.id);
  return kase && kase.status !== 'closed' ? kase : undefined;
}
