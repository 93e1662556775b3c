/**
 * The night report's Adaptive Card ("Nattens rapport"): the night's numbers, the 112 events, what the jours
 * had, the unclaimed cases and the incidents, then each open fault as an item with "Jag åtgärdar" and
 * "Åtgärdat", and "Kvittera" for the whole report. Everything Trygg did not write (addresses, the tenant's
 * words, staff names) goes into `TextRun`s through `plain`, as on the case card (`cards.ts`).
 */
import { incidentLineValues } from '../../cases/incidents/in-span.ts';
import { translator } from '../../i18n.ts';
import type { Policy } from '../../routing/policy.ts';
import type { NightReport } from '../../report/build.ts';
import { caseLine, counts, duration, kindOf, localTime, routeName } from '../../report/format.ts';
import type { OpenFault } from '../../store/index.ts';
import { plain } from './untrusted.ts';

/** The report card's action verbs. */
export const REPORT_VERBS = ['reportFix', 'reportFixed', 'reportAck'] as const;
export type ReportVerb = (typeof REPORT_VERBS)[number];

/** What the card's actions carry: the verb, the report's occurrence key, the fault's case. */
export interface ReportActionData {
  verb?: string;
  report?: string;
  caseId?: string;
}

/** Who acknowledged the report, and when (ISO). */
export interface ReportAck {
  name: string;
  at: string;
}

/** Open faults shown as items; the rest are counted ("… och 4 till"). */
const MAX_FAULTS = 15;
/** Cases listed per section. */
const MAX_LINES = 12;

const t = () => translator('sv', 'staff');

function action(verb: ReportVerb, title: string, data: ReportActionData, style?: 'positive') {
  const all = { ...data, verb };
  return {
    type: 'Action.Execute',
    verb,
    title,
    data: all,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: all },
  };
}

const heading = (text: string) => ({ type: 'TextBlock', weight: 'Bolder', wrap: true, spacing: 'Medium', text });
const mine = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', wrap: true, text, ...extra });
/** A line that may hold text Trygg did not write, shown as typed. */
const typed = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'RichTextBlock',
  ...extra,
  inlines: [{ type: 'TextRun', text: plain(text) || '—' }],
});

function section(title: string, lines: string[]) {
  const shown = lines.slice(0, MAX_LINES).map((l) => typed(l, { spacing: 'Small' }));
  const more = lines.length - shown.length;
  return [
    heading(title),
    ...(shown.length ? shown : [mine(t()('report.none'), { isSubtle: true })]),
    ...(more > 0 ? [mine(t()('report.more', { count: more }), { isSubtle: true })] : []),
  ];
}

function faultItem(f: OpenFault, key: string, policy: Policy) {
  const s = t();
  const status = f.status === 'open' ? s('report.waiting') : s('report.fixing', { name: f.claimedBy ?? '?' });
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      mine(s('report.fault', { caseId: f.id, time: localTime(f.createdAt, policy, true), kind: kindOf(f) }), {
        weight: 'Bolder',
      }),
      typed(`${s('report.where')}: ${f.address ?? '–'}`, { spacing: 'Small' }),
      typed(`${s('report.reported')}: ${f.reported || '–'}`, { spacing: 'Small' }),
      typed(status, { spacing: 'Small', color: f.status === 'open' ? 'Attention' : 'Good' }),
      ...(f.hearBack ? [mine(s('report.hearBack'), { isSubtle: true, spacing: 'Small' })] : []),
      {
        type: 'ActionSet',
        actions: [
          action('reportFix', s('report.fix'), { report: key, caseId: f.id }),
          action('reportFixed', s('report.fixed'), { report: key, caseId: f.id }, 'positive'),
        ],
      },
    ],
  };
}

/** The card for the report of occurrence `key`, as it is now. */
export function reportCard(
  report: NightReport,
  key: string,
  policy: Policy,
  ack: ReportAck | undefined,
): Record<string, unknown> {
  const s = t();
  const faults = report.openFaults.slice(0, MAX_FAULTS);
  const claim = report.timeToClaimSeconds;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      mine(s('report.title', { date: key.slice(0, 10) }), { size: 'Large', weight: 'Bolder' }),
      mine(s('report.span', { from: localTime(report.from, policy, true), to: localTime(report.to, policy, true) }), {
        isSubtle: true,
        spacing: 'None',
      }),
      ack
        ? typed(s('report.acknowledged', { name: ack.name, time: localTime(ack.at, policy) }), { color: 'Good' })
        : mine(s('report.notAcknowledged'), { color: 'Attention' }),
      heading(`${s('report.contacts')}: ${report.contacts}`),
      mine(`${s('report.byRoute')}: ${counts(report.byRoute, (r) => routeName(r, policy))}`, { spacing: 'Small' }),
      mine(`${s('report.byChannel')}: ${counts(report.byChannel)}`, { spacing: 'Small' }),
      mine(`${s('report.byLanguage')}: ${counts(report.byLanguage)}`, { spacing: 'Small' }),
      mine(s('report.cases', report.cases)),
      mine(
        claim.median === null
          ? s('report.noClaims')
          : s('report.timeToClaim', { median: duration(claim.median), p90: duration(claim.p90) }),
        { spacing: 'Small' },
      ),
      ...section(
        s('report.emergencies'),
        report.emergencies.map((c) => caseLine(c, policy)),
      ),
      ...section(
        s('report.handled'),
        report.handled.map((c) => caseLine(c, policy)),
      ),
      ...section(
        s('report.unclaimed'),
        report.unclaimed.map((c) => caseLine(c, policy)),
      ),
      ...section(
        s('report.incidents'),
        report.incidents.map((i) => s('report.incidentLine', incidentLineValues(i))),
      ),
      heading(`${s('report.openFaults')}: ${report.openFaults.length}`),
      ...(faults.length ? faults.map((f) => faultItem(f, key, policy)) : [mine(s('report.none'), { isSubtle: true })]),
      ...(report.openFaults.length > faults.length
        ? [mine(s('report.more', { count: report.openFaults.length - faults.length }), { isSubtle: true })]
        : []),
    ],
    actions: ack ? [] : [action('reportAck', s('report.acknowledge'), { report: key }, 'positive')],
  };
}
