/**
 * The answer when the store cannot be used (the database went away, or a turn failed on it), made from the
 * message and the policy alone, so that nobody is left without an answer:
 * - acute danger (or "akut") that has not had its 112 reply in this turn: the 112 reply (flagged, first),
 *   then the advice numbers and that MKB has not been told;
 * - anything else, or after that: a short reply with the phone numbers (the jour, the property on-call,
 *   customer service) and 112.
 * Nothing is stored: the channel's redelivery, or the tenant's next message once the store is back, gets
 * the full answer.
 */
import type { TurnContext } from 'botbuilder';
import { decideRoute } from '../src/routing/decide.ts';
import type { Lang, Triage } from '../src/routing/types.ts';
import { StoreError } from '../src/store/errors.ts';
import { Turn, type ConversationDeps } from './context.ts';
import { adviceLines, say112 } from './emergency.ts';

/** What a turn sent before it failed. */
export interface SentSoFar {
  /** The 112 reply (a reply flagged `emergency`). */
  emergency: boolean;
}

/** The message as the rules read it, without the conversation's state. */
export interface Reading {
  lang: Lang;
  triage: Triage | undefined;
  /** Acute danger by the rules, or "akut". */
  acute: boolean;
}

/** Answers without the store (see the module comment). */
export async function answerWithoutStore(
  ctx: TurnContext,
  deps: ConversationDeps,
  reading: Reading,
  sent: SentSoFar,
): Promise<void> {
  const { lang, triage: t, acute } = reading;
  const policy = deps.policy;
  const turn = new Turn(ctx, deps, {}, lang, policy);
  const line = (route: 'trygghetsjour' | 'fastighetsjour' | 'office') => {
    const d = policy.destinations[route];
    return turn.t('emergency.adviceLine', { name: d.name[lang] ?? d.name.en ?? d.name.sv, phone: d.phone });
  };
  const numbers = turn.t('degraded.numbers', {
    jour: line('trygghetsjour'),
    property: line('fastighetsjour'),
    office: line('office'),
  });
  if (acute && !sent.emergency) {
    const danger: Triage = { ...(t ?? blank(lang)), category: 'acute_danger', language: lang };
    const d = decideRoute(danger, policy, deps.now());
    await say112(turn, d);
    await turn.say([...adviceLines(turn, d), turn.t('degraded.notPassedOn')].join('\n\n'));
    return;
  }
  await turn.say(numbers);
}

/**
 * A turn failed. Danger gets its 112 reply all the same (unless it had it). When the store failed (the
 * database went away), the tenant gets the answer without the store and the turn counts as answered: nothing
 * is stored, and a redelivery is answered in full once the store is back. Any other failure is thrown on,
 * after the 112 reply where danger needs one (the adapter then apologises).
 */
export async function answerFailedTurn(
  ctx: TurnContext,
  deps: ConversationDeps,
  error: unknown,
  sent: SentSoFar,
  reading: Reading,
): Promise<void> {
  if (!(error instanceof StoreError)) {
    if (reading.acute && !sent.emergency) await answerWithoutStore(ctx, deps, reading, sent);
    throw error;
  }
  deps.log?.error(
    { code: 'STORE_UNAVAILABLE', err: error, channelId: ctx.activity.channelId },
    'the store failed during a turn: answered without it (112 for danger, else the phone numbers)',
  );
  await answerWithoutStore(ctx, deps, reading, sent);
}

function blank(language: Triage['language']): Triage {
  return {
    language,
    category: 'unknown',
    danger: null,
    uncertain: true,
    domestic: false,
    lockedOut: false,
    matches: [],
    discounted: [],
  };
}
