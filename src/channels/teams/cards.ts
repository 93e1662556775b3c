/**
 * Adaptive Cards for staff (Swedish): the case card with claim, reply and close, and the incident card for
 * emergencies. Universal Actions (`Action.Execute`) with an `Action.Submit` fallback for older clients.
 */
import { DateTime } from 'luxon';
import { translator } from '../../i18n.ts';
import { scrub } from '../../log.ts';
import type { Case } from '../../store/index.ts';

export type CardAction = 'claim' | 'reply' | 'close';
export const OUTCOMES = ['resolved', 'visited', 'referred', 'noAction'] as const;

const t = () => translator('sv', 'staff');
const sv = () => translator('sv', 'bot');

function action(verb: CardAction, title: string, caseId: string, style?: 'positive') {
  const data = { verb, caseId };
  return {
    type: 'Action.Execute',
    verb,
    title,
    data,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data },
  };
}

const masked = (s: string | undefined) =>
  s ? `${s.slice(0, 3)}${'•'.repeat(Math.max(3, s.length - 5))}${s.slice(-2)}` : '—';

/** The facts block; contact details only once someone has the case. */
function facts(c: Case, zone: string) {
  const s = t();
  const revealed = c.status !== 'open';
  const contact = [c.contact.name, c.contact.phone].filter(Boolean).join(', ');
  return [
    { title: s('card.case'), value: c.id },
    { title: s('card.time'), value: DateTime.fromISO(c.createdAt, { zone }).toFormat('yyyy-MM-dd HH:mm') },
    { title: s('card.language'), value: c.language },
    { title: s('card.channel'), value: c.channelId },
    { title: s('card.location'), value: [c.contact.address, c.contact.stairwell].filter(Boolean).join(', ') || '—' },
    {
      title: s('card.contact'),
      value: revealed
        ? contact || '—'
        : contact
          ? `${masked(c.contact.phone ?? c.contact.name)} (${s('card.contactMasked')})`
          : '—',
    },
  ];
}

function statusLine(c: Case, zone: string): string {
  const s = t();
  if (c.status === 'claimed')
    return s('card.status.claimed', {
      name: c.claimedBy ?? '?',
      time: DateTime.fromISO(c.updatedAt, { zone }).toFormat('HH:mm'),
    });
  if (c.status === 'closed')
    return s('card.status.closed', {
      name: c.claimedBy ?? '?',
      outcome: c.outcome ? s(`card.outcomes.${c.outcome}`, { defaultValue: c.outcome }) : '—',
    });
  return s('card.status.open');
}

/** The case card as it should look now (posted once, then updated in place for everyone). */
export function caseCard(c: Case, zone: string): Record<string, unknown> {
  const s = t();
  const kind = sv()(`summary.${c.danger ? `danger.${c.danger}` : c.category}`);
  // Until someone has the case, phone numbers and e-mail addresses are hidden in the text too.
  const hide = c.status === 'open' ? scrub : (x: string) => x;
  const transcript = c.transcript.slice(-12).map((e) => ({
    type: 'TextBlock',
    wrap: true,
    spacing: 'Small',
    text: `**${s(`card.from.${e.from}`)}** ${DateTime.fromISO(e.at, { zone }).toFormat('HH:mm')}: ${hide(e.text.length > 400 ? `${e.text.slice(0, 397)}…` : e.text)}`,
  }));
  const actions: unknown[] = [];
  if (c.status === 'open') actions.push(action('claim', s('card.claim'), c.id, 'positive'));
  if (c.status !== 'closed') {
    actions.push({
      type: 'Action.ShowCard',
      title: s('card.reply'),
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: 'replyText',
            isMultiline: true,
            placeholder: s('card.replyPlaceholder'),
            maxLength: 1000,
          },
        ],
        actions: [action('reply', s('card.reply'), c.id)],
      },
    });
    actions.push({
      type: 'Action.ShowCard',
      title: s('card.close'),
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.ChoiceSet',
            id: 'outcome',
            label: s('card.outcome'),
            value: 'resolved',
            choices: OUTCOMES.map((o) => ({ title: s(`card.outcomes.${o}`), value: o })),
          },
        ],
        actions: [action('close', s('card.close'), c.id)],
      },
    });
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      {
        type: 'TextBlock',
        size: 'Medium',
        weight: 'Bolder',
        wrap: true,
        text: s(c.route === 'emergency' ? 'card.titleEmergency' : 'card.title', { route: c.route, kind }),
      },
      { type: 'TextBlock', wrap: true, color: c.status === 'open' ? 'Attention' : 'Good', text: statusLine(c, zone) },
      ...(c.route === 'emergency' ? [{ type: 'TextBlock', wrap: true, text: s('card.emergencyInfo') }] : []),
      { type: 'FactSet', facts: facts(c, zone) },
      { type: 'TextBlock', weight: 'Bolder', text: s('card.summary'), spacing: 'Medium' },
      { type: 'TextBlock', wrap: true, text: hide(c.summary) || '—' },
      { type: 'TextBlock', weight: 'Bolder', text: s('card.transcript'), spacing: 'Medium' },
      ...transcript,
    ],
    actions: c.route === 'emergency' ? [] : actions,
  };
}
