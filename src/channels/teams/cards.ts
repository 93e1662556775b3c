/**
 * Adaptive Cards for staff (Swedish): the case card with claim, reply and close, and the incident card for
 * emergencies. Universal Actions (`Action.Execute`) with an `Action.Submit` fallback for older clients.
 *
 * Everything Trygg did not write itself (transcript, address, names, summary, outcome) goes into `TextRun`s,
 * which Teams shows as typed, never as Markdown, and through `plain` (no links, no line of its own). Only
 * Trygg's own texts from `locales/` are `TextBlock`s.
 */
import { DateTime } from 'luxon';
import { translator } from '../../i18n.ts';
import { scrub } from '../../log.ts';
import type { Case } from '../../store/index.ts';
import { plain } from './untrusted.ts';

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

/** A bold label of Trygg's and a value that is shown as typed (a RichTextBlock does not parse Markdown). */
function labelled(label: string, value: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'RichTextBlock',
    ...extra,
    inlines: [
      { type: 'TextRun', text: `${label}: `, weight: 'Bolder' },
      { type: 'TextRun', text: plain(value) || '—' },
    ],
  };
}

/** The facts; contact details only once someone has the case. */
function facts(c: Case, zone: string) {
  const s = t();
  const revealed = c.status !== 'open';
  const contact = [c.contact.name, c.contact.phone].filter(Boolean).join(', ');
  return [
    labelled(s('card.case'), c.id),
    labelled(s('card.time'), DateTime.fromISO(c.createdAt, { zone }).toFormat('yyyy-MM-dd HH:mm')),
    labelled(s('card.language'), c.language),
    labelled(s('card.channel'), c.channelId),
    labelled(s('card.location'), [c.contact.address, c.contact.stairwell].filter(Boolean).join(', ')),
    labelled(
      s('card.contact'),
      revealed ? contact : contact ? `${masked(c.contact.phone ?? c.contact.name)} (${s('card.contactMasked')})` : '',
    ),
  ];
}

/** Where the case is; the staff member's name (a Teams display name anyone can set) as typed. */
function statusLine(c: Case, zone: string) {
  const s = t();
  const color = c.status === 'open' ? 'Attention' : 'Good';
  const run = (text: string, plainText = false) => ({ type: 'TextRun', text: plainText ? plain(text) : text, color });
  if (c.status === 'claimed')
    return [
      run(s('card.status.claimedBy')),
      run(c.claimedBy ?? '?', true),
      run(s('card.status.claimedAt', { time: DateTime.fromISO(c.updatedAt, { zone }).toFormat('HH:mm') })),
    ];
  if (c.status === 'closed')
    return [
      run(s('card.status.closedBy')),
      run(c.claimedBy ?? '?', true),
      run(': '),
      run(c.outcome ? s(`card.outcomes.${c.outcome}`, { defaultValue: '' }) || c.outcome : '—', true),
    ];
  return [run(s('card.status.open'))];
}

/** The case card as it should look now (posted once, then updated in place for everyone). */
export function caseCard(c: Case, zone: string): Record<string, unknown> {
  const s = t();
  const kind = sv()(`summary.${c.danger ? `danger.${c.danger}` : c.category}`);
  // Until someone has the case, phone numbers and e-mail addresses are hidden in the text too.
  const hide = c.status === 'open' ? scrub : (x: string) => x;
  // One block per line, the sender's label first: a tenant cannot write a line that looks like Trygg's.
  const transcript = c.transcript
    .slice(-12)
    .map((e) =>
      labelled(
        `${s(`card.from.${e.from}`)} ${DateTime.fromISO(e.at, { zone }).toFormat('HH:mm')}`,
        hide(e.text.length > 400 ? `${e.text.slice(0, 397)}…` : e.text),
        { spacing: 'Small' },
      ),
    );
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
      { type: 'RichTextBlock', inlines: statusLine(c, zone) },
      ...(c.route === 'emergency' ? [{ type: 'TextBlock', wrap: true, text: s('card.emergencyInfo') }] : []),
      ...facts(c, zone),
      { type: 'TextBlock', weight: 'Bolder', text: s('card.summary'), spacing: 'Medium' },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: plain(hide(c.summary)) || '—' }] },
      { type: 'TextBlock', weight: 'Bolder', text: s('card.transcript'), spacing: 'Medium' },
      ...transcript,
    ],
    actions: c.route === 'emergency' ? [] : actions,
  };
}

/**
 * What a case card becomes when the case is erased (retention purge or a data-subject erasure): its id, what
 * happened, and nothing else. No actions, so nobody can act on a case that is gone.
 */
export function redactedCard(caseId: string, reason: 'purge' | 'forget'): Record<string, unknown> {
  const s = t();
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      { type: 'TextBlock', weight: 'Bolder', wrap: true, text: s('card.redacted.title', { caseId }) },
      { type: 'TextBlock', wrap: true, isSubtle: true, text: s(`card.redacted.${reason}`) },
    ],
    actions: [],
  };
}
