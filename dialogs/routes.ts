/**
 * One dialog per route. They are thin: they ask only what staff need, store the case, and say what happens
 * next. The decision itself comes from the routing core.
 */
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { destinationAt, type Decision } from '../src/routing/decide.ts';
import { dutyStatus } from '../src/routing/schedule.ts';
import { translator } from '../src/i18n.ts';
import type { Turn } from './context.ts';
import { CHOICE, FREE_TEXT, choiceResult, type ChoiceValidations } from './prompts.ts';
import type { ReplyOption } from './reply.ts';
import { sayThenOfferHearBack } from './hear-back.ts';

/** Where the current turn is kept for the dialogs (set by the conversation before it runs them). */
export const TURN = Symbol('trygg.turn');
export const turnOf = (step: WaterfallStepContext): Turn => step.context.turnState.get(TURN) as Turn;

/** What a route dialog starts with. */
export interface RouteDialogOptions {
  decision: Decision;
}

type Values = { decision: Decision; phone?: string; address?: string; dangerNow?: boolean };
const values = (step: WaterfallStepContext) => step.values as Values;

/** Ask a choice: numbered on SMS, buttons on web chat; one retry that repeats the 112 advice where needed. */
function ask(
  step: WaterfallStepContext,
  text: string,
  options: ReplyOption[],
  retry: string,
): Promise<DialogTurnResult> {
  const turn = turnOf(step);
  return step.prompt(CHOICE, {
    prompt: turn.promptActivity(text, options),
    retryPrompt: turn.promptActivity(retry, options, { retry: true }),
    validations: { options, maxAttempts: 2 } satisfies ChoiceValidations,
  });
}

export function askText(step: WaterfallStepContext, text: string, options?: ReplyOption[]): Promise<DialogTurnResult> {
  const turn = turnOf(step);
  return step.prompt(FREE_TEXT, {
    prompt: turn.promptActivity(text, options),
    retryPrompt: turn.promptActivity(text, options, { retry: true }),
  });
}

/** Sends the 112 reply for an answer that turns a contact into an emergency. */
export async function sayCall112(turn: Turn): Promise<void> {
  await turn.say(turn.t('emergency.first'), { emergency: true });
}

/**
 * Trygghetsjouren / Fastighetsjouren on duty: is anyone in danger (yes → 112), where, a callback number
 * where the channel has none; then the case, and what happens next.
 */
export function handoffDialog(): WaterfallDialog {
  return new WaterfallDialog('handoff', [
    async (step) => {
      const turn = turnOf(step);
      const { decision } = step.options as RouteDialogOptions;
      values(step).decision = decision;
      const name = decision.destination.name;
      const intro = decision.route === 'trygghetsjour' ? 'handoff.introDisturbance' : 'handoff.introFault';
      turn.prefix(
        turn.t(intro, { name }) +
          (decision.advice.some((a) => a.id === 'locksmith') ? `\n\n${turn.t('handoff.lockedOut')}` : ''),
      );
      return ask(step, turn.t('handoff.dangerQuestion'), turn.yesNo(), turn.t('handoff.dangerRetry'));
    },
    async (step) => {
      const turn = turnOf(step);
      if (choiceResult(step.result, turn.yesNo()) === 'yes') {
        // A yes turns it into an emergency: 112 now; the jour still gets the case, marked as danger.
        await sayCall112(turn);
        await turn.say(turn.t('emergency.staffWillKnow'));
        values(step).dangerNow = true;
      }
      return askText(step, turn.t('handoff.askAddress'));
    },
    async (step) => {
      const turn = turnOf(step);
      values(step).address = String(step.result ?? '').trim();
      if (turn.channelPhone) return step.next(turn.channelPhone);
      return askText(step, turn.t('handoff.askPhone'), [{ value: 'skip', title: turn.t('options.skip') }]);
    },
    async (step) => {
      const turn = turnOf(step);
      const v = values(step);
      const phone =
        choiceResult(step.result, [{ value: 'skip', title: turn.t('options.skip') }]) === 'skip'
          ? undefined
          : String(step.result ?? '').trim();
      const d = v.decision;
      const kase = await turn.openCase(d, {
        route: d.route,
        contact: { ...(phone ? { phone } : {}), ...(v.address ? { address: v.address } : {}) },
        ...(v.dangerNow
          ? {
              category: 'acute_danger' as const,
              danger: d.danger ?? 'violence',
              note: translator('sv', 'bot')('summary.dangerConfirmed'),
            }
          : {}),
      });
      const minutes = turn.policy.destinations[d.route].expectedResponseMinutes;
      return sayThenOfferHearBack(
        step,
        kase,
        turn.t('handoff.done', { caseId: kase.id, name: d.destination.name, phone: d.destination.phone }) +
          (minutes ? ` ${turn.t('handoff.expect', { minutes })}` : '') +
          `\n\n${turn.t('handoff.meanwhile')}`,
      );
    },
  ]);
}

/** The office: when it opens, and an offer to leave the case now. */
export function officeDialog(): WaterfallDialog {
  return new WaterfallDialog('office', [
    async (step) => {
      const turn = turnOf(step);
      const { decision: d } = step.options as RouteDialogOptions;
      values(step).decision = d;
      const lines: string[] = [];
      if (d.offDuty) lines.push(turn.t(`office.offDuty.${d.offDuty.route}`, { when: turn.when(d.offDuty.opensAt) }));
      if (d.category === 'minor_fault') lines.push(turn.t('office.minorFault'));
      if (d.category === 'urgent_fault' && d.destination.onDuty)
        lines.push(turn.t('office.urgentNow', { phone: d.destination.phone }));
      lines.push(
        d.destination.onDuty
          ? turn.t('office.open', {
              name: d.destination.name,
              phone: d.destination.phone,
              until: turn.when(d.destination.closesAt),
            })
          : turn.t('office.closed', { name: d.destination.name, when: turn.when(d.destination.opensAt) }),
      );
      turn.prefix(lines.join('\n\n'));
      return ask(step, turn.t('office.offer'), turn.yesNo(), turn.t('office.offer'));
    },
    async (step) => {
      const turn = turnOf(step);
      if (choiceResult(step.result, turn.yesNo()) !== 'yes') {
        await turn.say(turn.t('office.notSaved', { phone: values(step).decision.destination.phone }));
        return step.endDialog();
      }
      return askText(step, turn.t('office.askDetails'));
    },
    async (step) => {
      const turn = turnOf(step);
      const d = values(step).decision;
      const kase = await turn.openCase(d, { route: 'office', contact: { address: String(step.result ?? '').trim() } });
      return sayThenOfferHearBack(
        step,
        kase,
        turn.t('office.saved', {
          caseId: kase.id,
          when: d.destination.onDuty ? turn.t('time.soon') : turn.when(d.destination.opensAt),
        }),
      );
    },
  ]);
}

/** Skåne Stadsmission: the outreach in two lines, and consent to pass on contact details. */
export function supportDialog(): WaterfallDialog {
  return new WaterfallDialog('stadsmission', [
    async (step) => {
      const turn = turnOf(step);
      const { decision: d } = step.options as RouteDialogOptions;
      values(step).decision = d;
      turn.prefix(turn.t('stadsmission.intro'));
      return ask(step, turn.t('stadsmission.consent'), turn.yesNo(), turn.t('stadsmission.consent'));
    },
    async (step) => {
      const turn = turnOf(step);
      const d = values(step).decision;
      if (choiceResult(step.result, turn.yesNo()) !== 'yes') {
        await turn.say(turn.t('stadsmission.declined', { phone: d.destination.phone, web: d.destination.web ?? '' }));
        return step.endDialog();
      }
      if (turn.channelPhone) return step.next(turn.channelPhone);
      return askText(step, turn.t('stadsmission.askPhone'));
    },
    async (step) => {
      const turn = turnOf(step);
      const d = values(step).decision;
      const kase = await turn.openCase(d, {
        route: 'stadsmission',
        contact: { phone: String(step.result ?? '').trim(), consent: true },
      });
      const days = Math.max(
        1,
        Math.round((turn.policy.destinations.stadsmission.expectedResponseMinutes ?? 4320) / 1440),
      );
      await turn.say(turn.t('stadsmission.done', { caseId: kase.id, days }));
      return step.endDialog();
    },
  ]);
}

/** Uncertain danger: 112 has been said; ask whether anyone is in danger now. */
export function confirmDangerDialog(): WaterfallDialog {
  return new WaterfallDialog('confirmDanger', [
    async (step) => {
      const turn = turnOf(step);
      return ask(step, turn.t('emergency.confirmQuestion'), turn.yesNo(), turn.t('emergency.confirmQuestion'));
    },
    async (step) => {
      const turn = turnOf(step);
      const answer = choiceResult(step.result, turn.yesNo());
      // Anything but a clear "no" is treated as danger: never talk danger down.
      if (answer === 'no') await turn.say(turn.t('emergency.confirmNo'));
      else await sayCall112(turn);
      return step.endDialog();
    },
  ]);
}

/** What the `unknownDanger` dialog ends with when the answer was not a yes or a no. */
export const NEW_CONTACT = 'trygg.newContact';
/** What it ends with when the tenant says someone is in danger. */
export const DANGER_CONFIRMED = 'trygg.dangerConfirmed';

/**
 * A message nobody could place: the reply asks first whether anyone is in danger right now (112), then
 * offers to say it in other words or reach a person. "Yes" is danger (the conversation answers it as such);
 * "no" is answered; anything else is taken as a new message.
 */
export function unknownDangerDialog(): WaterfallDialog {
  return new WaterfallDialog('unknownDanger', [
    async (step) => {
      const turn = turnOf(step);
      return askText(step, turn.t('unknown.reply'), turn.yesNo());
    },
    async (step) => {
      const turn = turnOf(step);
      const answer = choiceResult(step.result, turn.yesNo());
      if (answer === 'yes') return step.endDialog(DANGER_CONFIRMED);
      if (answer === 'no') {
        await turn.say(turn.t('emergency.confirmNo'));
        return step.endDialog();
      }
      return step.endDialog(NEW_CONTACT);
    },
  ]);
}

/** "personal" / "human": the staffed route on duty now, or the numbers and the office's next opening. */
export async function reachHuman(
  turn: Turn,
  decision: Decision,
  begin: (id: string, d: Decision) => Promise<unknown>,
): Promise<void> {
  const at = turn.deps.now();
  const jour = dutyStatus('trygghetsjour', at, turn.policy);
  if (jour.onDuty) {
    const destination = destinationAt('trygghetsjour', turn.policy, at, turn.lang);
    await begin('handoff', {
      ...decision,
      route: 'trygghetsjour',
      destination,
      reason: { ...decision.reason, rule: 'human' },
    });
    return;
  }
  const office = dutyStatus('office', at, turn.policy);
  const p = turn.policy.destinations;
  await turn.say(
    office.onDuty
      ? turn.t('human.office', { phone: p.office.phone })
      : turn.t('human.none', {
          fault: p.fastighetsjour.phone,
          office: p.office.phone,
          when: turn.when(office.nextOpening?.toISO() ?? undefined),
        }),
  );
  if (!office.onDuty)
    await begin('office', {
      ...decision,
      route: 'office',
      destination: destinationAt('office', turn.policy, at, turn.lang),
      reason: { ...decision.reason, rule: 'human' },
    });
}
