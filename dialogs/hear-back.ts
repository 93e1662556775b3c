/**
 * After a fault is saved: would the tenant like a message when it is fixed? A yes is kept on the case
 * (`contact.hearBack`); the night report's "Åtgärdat" then sends it. Anything that is not a yes or a no is a
 * new message (the conversation goes on with it), so the question never stands in the tenant's way. Not on
 * the phone, which cannot be messaged after the call.
 */
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Case } from '../src/store/index.ts';
import type { Turn } from './context.ts';
import { choiceResult } from './prompts.ts';
import { askText, NEW_CONTACT, turnOf } from './routes.ts';

/** Whether to offer a message when the case's fault is fixed. */
export function offersHearBack(turn: Turn, kase: Case): boolean {
  return turn.channelId !== 'telephony' && (kase.category === 'urgent_fault' || kase.category === 'minor_fault');
}

/** Says `text` with the question, or just says it when the case is not a fault (or on the phone). */
export async function sayThenOfferHearBack(
  step: WaterfallStepContext,
  kase: Case,
  text: string,
): Promise<DialogTurnResult> {
  const turn = turnOf(step);
  if (!offersHearBack(turn, kase)) {
    await turn.say(text);
    return step.endDialog();
  }
  turn.prefix(text);
  return step.replaceDialog('hearBack', { caseId: kase.id });
}

export function hearBackDialog(): WaterfallDialog {
  return new WaterfallDialog('hearBack', [
    async (step) => {
      const turn = turnOf(step);
      return askText(step, turn.t('hearBack.question'), turn.yesNo());
    },
    async (step) => {
      const turn = turnOf(step);
      const answer = choiceResult(step.result, turn.yesNo());
      if (answer === 'unclear') return step.endDialog(NEW_CONTACT);
      const { caseId } = step.options as { caseId: string };
      if (answer === 'yes') await turn.deps.store.cases.update(caseId, { contact: { hearBack: true } });
      await turn.say(turn.t(answer === 'yes' ? 'hearBack.yes' : 'hearBack.no'));
      return step.endDialog();
    },
  ]);
}
