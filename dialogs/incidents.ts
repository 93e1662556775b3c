/**
 * Incidents in the conversation: a tenant who names the place of an open incident is told first what MKB
 * knows (after 112 when there is danger), is counted on the incident's card, and is offered updates (JA /
 * YES); STOPP / STOP in any language ends them at once. A contact about the incident itself makes no card
 * of its own; one about something else (damage in the flat) goes on to its route as usual, the notice first.
 * Contacts about an event at a place without an incident count towards a proposal to staff.
 * Nothing here may keep a tenant from their answer: a failing incident lookup is logged and skipped.
 */
import { TurnContext } from 'botbuilder';
import { aboutOwnHome, eventKindOf } from '../src/cases/incidents/kinds.ts';
import { knownIncident } from '../src/cases/incidents/texts.ts';
import { StoreConflictError, type Incident } from '../src/store/index.ts';
import type { Triage } from '../src/routing/types.ts';
import type { Turn } from './context.ts';
import { chosenOption, fold, stopWord } from './words.ts';

/** An open incident a message is about, and whether it is about that very event. */
export interface IncidentMatch {
  incident: Incident;
  /** The contact is about the incident itself (or only asks): it is linked, without a card of its own. */
  related: boolean;
}

/** The phone line cannot send updates later: it hears the notice, without the offer. */
const canSubscribe = (turn: Turn) => turn.channelId !== 'telephony';

const contactOf = (turn: Turn) => ({ channelId: turn.channelId, conversationId: turn.ctx.activity.conversation.id });

async function safely<T>(turn: Turn, what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    turn.deps.log?.error({ err }, `incidents: ${what} failed; the tenant is answered without it`);
    return undefined;
  }
}

/**
 * The open incident a new contact's message (or an address given in a dialog) names. When none does but it
 * names a place and a kind of event, the contact counts towards a proposal.
 */
export async function incidentOfContact(turn: Turn, text: string, t?: Triage): Promise<IncidentMatch | undefined> {
  const desk = turn.deps.incidents;
  if (!desk || !text) return undefined;
  return safely(turn, 'the lookup', async () => {
    const kind = eventKindOf(t, text);
    const at = await desk.at(text);
    if (at) {
      // About the incident itself (its kind, or only asking), and not about the tenant's own home.
      const info = !kind && (t?.category === 'information' || t?.category === 'unknown' || !t);
      return { incident: at.incident, related: (kind === at.incident.kind || info) && !aboutOwnHome(t, text) };
    }
    const found = kind && desk.places.find(text);
    if (found) await desk.signal(found, kind, contactOf(turn));
    return undefined;
  });
}

/**
 * Counts the contact on the incident (with its case, if it made one) and queues the offer of updates.
 * Resolves with the latest notice for the tenant when this conversation has not been told it yet (the
 * caller puts it first in the reply), else with nothing.
 */
export async function tellIncident(
  turn: Turn,
  incident: Incident,
  options: { caseId?: string } = {},
): Promise<string | undefined> {
  const { profile } = turn;
  const seq = incident.notices.at(-1)!.seq;
  await safely(turn, 'linking the contact', () =>
    turn.deps.incidents!.link(incident.id, {
      ...contactOf(turn),
      ...(options.caseId ? { caseId: options.caseId } : {}),
    }),
  );
  profile.linkedIncident = incident.id;
  const told = (profile.toldIncidents ??= {});
  const fresh = (told[incident.id] ?? 0) < seq;
  told[incident.id] = seq;
  if (canSubscribe(turn) && !profile.subscribed?.includes(incident.id) && profile.incidentOffer?.id !== incident.id)
    profile.incidentOffer = { id: incident.id, seq, offered: false };
  return fresh ? knownIncident(incident, turn.lang) : undefined;
}

/**
 * A contact about the incident itself: linked, and answered with the latest notice (after `before`, e.g.
 * the SMS reminder of 112; then `after`, e.g. advice) and the offer of updates, without a case of its own.
 */
export async function answerWithIncident(
  turn: Turn,
  incident: Incident,
  extra: { before?: string[]; after?: string[] } = {},
): Promise<void> {
  const notice = await tellIncident(turn, incident);
  const offer = turn.profile.incidentOffer;
  const offering = offer !== undefined && !offer.offered;
  if (offering) offer.offered = true;
  const text = [
    ...(extra.before ?? []),
    notice ?? knownIncident(incident, turn.lang),
    ...(extra.after ?? []),
    ...(offering ? [turn.t('incident.offer')] : []),
  ];
  await turn.say(text.join('\n\n'), { notice: true, ...(offering ? yesButton(turn) : {}) });
}

/** A "Ja" button for the offer on web chat; SMS has the words in the text already. */
const yesButton = (turn: Turn) =>
  turn.channelId === 'sms' ? {} : { options: [{ value: 'yes', title: turn.t('options.yes') }], keywords: true };

/** Links the case a dialog opened to the incident the conversation was told about, or that its address names. */
export async function linkCase(turn: Turn, caseId: string, address: string | undefined): Promise<void> {
  const desk = turn.deps.incidents;
  if (!desk) return;
  const id = turn.profile.linkedIncident;
  if (id) {
    await safely(turn, 'linking the case', () => desk.link(id, { ...contactOf(turn), caseId }));
    return;
  }
  const match = address ? await incidentOfContact(turn, address) : undefined;
  if (!match) return;
  const notice = await tellIncident(turn, match.incident, { caseId });
  if (notice) await putFirst(turn, notice);
}

/**
 * A notice before the rest of the reply: in the same message, or on the phone a message of its own (which
 * the caller may skip).
 */
export async function putFirst(turn: Turn, notice: string): Promise<void> {
  if (turn.channelId === 'telephony') await turn.say(notice, { notice: true });
  else turn.prefix(notice);
}

/** The offer of updates, when one waits and no question is open. */
export async function offerUpdates(turn: Turn, questionOpen: boolean): Promise<void> {
  const offer = turn.profile.incidentOffer;
  if (!offer || offer.offered || questionOpen || !canSubscribe(turn)) return;
  offer.offered = true;
  await turn.say(turn.t('incident.offer'), yesButton(turn));
}

/** JA / YES to the offer: the conversation gets the updates. True when the message was that answer. */
export async function acceptOffer(turn: Turn, text: string): Promise<boolean> {
  const { profile } = turn;
  const offer = profile.incidentOffer;
  if (!offer?.offered || !turn.deps.incidents) return false;
  delete profile.incidentOffer;
  if (
    chosenOption(text, [{ value: 'yes', title: turn.t('options.yes') }]) !== 'yes' ||
    fold(text).split(' ').length > 3
  )
    return false;
  const conversation = TurnContext.getConversationReference(turn.ctx.activity);
  try {
    await turn.deps.incidents.subscribe(offer.id, offer.seq, {
      channelId: turn.channelId,
      conversation,
      language: turn.lang,
    });
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err;
    // Closed meanwhile: the closing notice is what there is to know.
    const closed = await turn.deps.store.incidents.get(offer.id);
    if (closed) await turn.say(knownIncident(closed, turn.lang), { notice: true });
    return true;
  }
  profile.subscribed = [...(profile.subscribed ?? []), offer.id];
  const incident = await turn.deps.store.incidents.get(offer.id);
  await turn.say(turn.t('incident.subscribed', { where: incident?.where ?? '' }));
  return true;
}

/** STOPP / STOP (in any language): every update to this conversation ends at once. True when it did. */
export async function stopUpdates(turn: Turn, text: string): Promise<boolean> {
  const desk = turn.deps.incidents;
  if (!desk || !stopWord(text)) return false;
  const stopped = await desk.stop(contactOf(turn));
  if (!stopped && !turn.profile.subscribed?.length && !turn.profile.incidentOffer) return false;
  delete turn.profile.subscribed;
  delete turn.profile.incidentOffer;
  await turn.say(turn.t('incident.stopped'));
  return true;
}
