/**
 * Adaptive Cards for incidents (Swedish): the form `@Trygg incident` gives, the incident's one card (its
 * notices, how many tenants wrote, how many get updates, with update and close), and a proposal (the form,
 * filled in from a cluster of contacts). As on case cards, what staff or tenants wrote is shown in
 * `TextRun`s through `plain`, never as Markdown; only Trygg's own texts are `TextBlock`s.
 */
import { DateTime } from 'luxon';
import { translator } from '../../i18n.ts';
import { INCIDENT_KINDS, type Incident, type IncidentKind } from '../../store/index.ts';
import { plain } from './untrusted.ts';

/** The Action.Execute verbs of incident cards. */
export const INCIDENT_VERBS = ['incident.open', 'incident.update', 'incident.close'] as const;
export type IncidentVerb = (typeof INCIDENT_VERBS)[number];

const t = () => translator('sv', 'staff');
const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export const kindName = (kind: IncidentKind) => t()(`incident.kinds.${kind}`);

function execute(verb: IncidentVerb, title: string, data: Record<string, string>) {
  const all = { verb, ...data };
  return {
    type: 'Action.Execute',
    verb,
    title,
    data: all,
    style: 'positive',
    fallback: { type: 'Action.Submit', title, data: all },
  };
}

function text(
  id: string,
  label: string,
  options: { multiline?: boolean; required?: boolean; value?: string; placeholder?: string } = {},
) {
  return {
    type: 'Input.Text',
    id,
    label,
    maxLength: 2000,
    ...(options.multiline ? { isMultiline: true } : {}),
    ...(options.required ? { isRequired: true, errorMessage: label } : {}),
    ...(options.value ? { value: options.value } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
  };
}

/** The texts of a notice: Swedish (required), English and Arabic. */
function noticeInputs(svLabel: string, value?: string) {
  const s = t();
  return [
    text('text', svLabel, { multiline: true, required: true, ...(value ? { value } : {}) }),
    text('textEn', s('incident.form.textEn'), { multiline: true }),
    text('textAr', s('incident.form.textAr'), { multiline: true }),
  ];
}

function card(body: unknown[], actions: unknown[] = []): Record<string, unknown> {
  return { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.4', body, actions };
}

const heading = (textValue: string) => ({
  type: 'TextBlock',
  size: 'Medium',
  weight: 'Bolder',
  wrap: true,
  text: textValue,
});

/** A label of Trygg's and a value shown as typed. */
const labelled = (label: string, value: string) => ({
  type: 'RichTextBlock',
  inlines: [
    { type: 'TextRun', text: `${label}: `, weight: 'Bolder' },
    { type: 'TextRun', text: plain(value) || '—' },
  ],
});

/** The form to open an incident; a proposal fills in where, what and a suggested text. */
export function incidentForm(
  prefill: { where?: string; kind?: IncidentKind; text?: string; proposalId?: string } = {},
) {
  const s = t();
  return card(
    [
      heading(s('incident.form.title')),
      { type: 'TextBlock', wrap: true, isSubtle: true, text: s('incident.form.hint') },
      text('where', s('incident.form.where'), {
        required: true,
        placeholder: s('incident.form.wherePlaceholder'),
        ...(prefill.where ? { value: prefill.where } : {}),
      }),
      {
        type: 'Input.ChoiceSet',
        id: 'kind',
        label: s('incident.form.kind'),
        isRequired: true,
        errorMessage: s('incident.form.kind'),
        value: prefill.kind ?? 'fire',
        choices: INCIDENT_KINDS.map((k) => ({ title: kindName(k), value: k })),
      },
      ...noticeInputs(s('incident.form.text'), prefill.text),
      text('officeHours', s('incident.form.officeHours')),
    ],
    [execute('incident.open', s('incident.form.open'), prefill.proposalId ? { proposalId: prefill.proposalId } : {})],
  );
}

/** A proposal: why, and the form filled in. */
export function proposalCard(p: { kind: IncidentKind; where: string; contacts: number; proposalId: string }) {
  const s = t();
  const kind = kindName(p.kind).toLowerCase();
  const form = incidentForm({
    where: p.where,
    kind: p.kind,
    text: s('incident.proposal.suggested', { where: p.where }),
    proposalId: p.proposalId,
  });
  const body = form.body as unknown[];
  return card(
    [
      heading(s('incident.proposal.title', { kind: kindName(p.kind), where: p.where })),
      {
        type: 'TextBlock',
        wrap: true,
        text: s('incident.proposal.text', { contacts: p.contacts, kind, where: p.where }),
      },
      ...body.slice(2),
    ],
    form.actions as unknown[],
  );
}

/** The incident's card as it is now (posted once in its own thread, then redrawn in place). */
export function incidentCard(i: Incident, zone: string): Record<string, unknown> {
  const s = t();
  const at = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm');
  const latest = i.notices.at(-1)!;
  const body: unknown[] = [
    heading(s('incident.card.title', { id: i.id, kind: kindName(i.kind) })),
    {
      type: 'TextBlock',
      weight: 'Bolder',
      color: i.status === 'open' ? 'Attention' : 'Good',
      text:
        i.status === 'open'
          ? s('incident.card.open')
          : s('incident.card.closed', { at: at(i.closedAt ?? i.updatedAt) }),
    },
    labelled(s('incident.card.where'), i.where),
    labelled(s('incident.card.reports'), String(i.reports)),
    labelled(s('incident.card.subscribers'), String(i.subscribers)),
    ...(i.officeHours
      ? [
          labelled(
            s('incident.card.officeHours'),
            `${at(i.officeHours.from)}–${DateTime.fromISO(i.officeHours.to, { zone }).toFormat('HH:mm')}`,
          ),
        ]
      : []),
    { type: 'TextBlock', weight: 'Bolder', spacing: 'Medium', text: s('incident.card.latest', { at: at(latest.at) }) },
    ...(['sv', 'en', 'ar'] as const).flatMap((lang) =>
      latest.text[lang]
        ? [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${lang}: ${plain(latest.text[lang]!)}` }] }]
        : [],
    ),
  ];
  if (i.status !== 'open') return card(body);
  const data = { incidentId: i.id };
  return card(body, [
    {
      type: 'Action.ShowCard',
      title: s('incident.card.update'),
      card: {
        type: 'AdaptiveCard',
        body: noticeInputs(s('incident.form.text')),
        actions: [execute('incident.update', s('incident.card.send'), data)],
      },
    },
    {
      type: 'Action.ShowCard',
      title: s('incident.card.close'),
      card: {
        type: 'AdaptiveCard',
        body: [...noticeInputs(s('incident.card.closeText')), text('officeHours', s('incident.form.officeHours'))],
        actions: [execute('incident.close', s('incident.card.close'), data)],
      },
    },
  ]);
}

/** What the form becomes once the incident is open. */
export function openedCard(i: Incident): Record<string, unknown> {
  const line = t()('incident.form.opened', { id: i.id, where: i.where });
  return card([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', weight: 'Bolder', text: plain(line) }] }]);
}
