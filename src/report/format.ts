/**
 * The night report as text: Markdown for people (Swedish, the staff's texts), JSON for scripts, and CSV with
 * one row per case for a spreadsheet. The CSV holds no phone number and no message text, and every cell
 * that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first) is
 * neutralised with a leading apostrophe.
 */
import { incidentLineValues } from '../cases/incidents/in-span.ts';
import { DateTime } from 'luxon';
import { translator } from '../i18n.ts';
import { scrub } from '../log.ts';
import type { Policy } from '../routing/policy.ts';
import { luxonZone } from '../routing/zone.ts';
import type { CaseFacts } from '../store/index.ts';
import type { NightReport } from './build.ts';

const s = () => translator('sv', 'staff');

/** "HH:mm" (or "yyyy-MM-dd HH:mm" when `withDate`) of an ISO time in the policy's zone. */
export function localTime(iso: string, policy: Policy, withDate = false): string {
  return DateTime.fromISO(iso, { zone: luxonZone(policy.timeZone) }).toFormat(withDate ? 'yyyy-MM-dd HH:mm' : 'HH:mm');
}

/** Seconds as "4 min 10 s" / "52 s". */
export function duration(seconds: number | null): string {
  if (seconds === null) return '–';
  const m = Math.floor(seconds / 60);
  return m ? `${m} min${seconds % 60 ? ` ${seconds % 60} s` : ''}` : `${seconds} s`;
}

/** What kind of case, in Swedish ("Akut fel", "Brand eller rök"). */
export function kindOf(c: Pick<CaseFacts, 'danger' | 'category'>): string {
  return translator('sv', 'bot')(`summary.${c.danger ? `danger.${c.danger}` : c.category}`);
}

/** The route's Swedish name from the policy. */
export const routeName = (route: string, policy: Policy) =>
  policy.destinations[route as keyof Policy['destinations']]?.name.sv ?? route;

/** A case's line: id, time, route, kind, where it is. */
export function caseLine(c: CaseFacts, policy: Policy): string {
  const t = s();
  const outcome = c.outcome ? t(`card.outcomes.${c.outcome}`, { defaultValue: c.outcome }) : '–';
  return t('report.caseLine', {
    caseId: c.id,
    time: localTime(c.createdAt, policy),
    route: routeName(c.route, policy),
    kind: kindOf(c),
    status: t(`report.status.${c.status}`, { name: c.claimedBy ?? '?', outcome }),
  });
}

/** "Kontakter 12 · Trygghetsjouren 5, …": non-zero counts, largest first. */
export function counts(tallies: Record<string, number>, name: (k: string) => string = (k) => k): string {
  const shown = Object.entries(tallies)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return shown.length ? shown.map(([k, n]) => `${name(k)} ${n}`).join(', ') : '–';
}

/** The report in Markdown (Swedish). */
export function toMarkdown(report: NightReport, policy: Policy, title?: string): string {
  const t = s();
  const heading = title ?? t('report.title', { date: localTime(report.to, policy, true).slice(0, 10) });
  const list = (items: string[]) => (items.length ? items.map((i) => `- ${i}`) : [t('report.none')]);
  const lines = [
    `# ${heading}`,
    '',
    t('report.span', { from: localTime(report.from, policy, true), to: localTime(report.to, policy, true) }),
    '',
    `**${t('report.contacts')}: ${report.contacts}**`,
    `- ${t('report.byRoute')}: ${counts(report.byRoute, (r) => routeName(r, policy))}`,
    `- ${t('report.byChannel')}: ${counts(report.byChannel)}`,
    `- ${t('report.byLanguage')}: ${counts(report.byLanguage)}`,
    '',
    t('report.cases', report.cases),
    report.timeToClaimSeconds.median === null
      ? t('report.noClaims')
      : t('report.timeToClaim', {
          median: duration(report.timeToClaimSeconds.median),
          p90: duration(report.timeToClaimSeconds.p90),
        }),
    '',
    `## ${t('report.emergencies')}`,
    ...list(report.emergencies.map((c) => caseLine(c, policy))),
    '',
    `## ${t('report.handled')}`,
    ...list(report.handled.map((c) => caseLine(c, policy))),
    '',
    `## ${t('report.unclaimed')}`,
    ...list(report.unclaimed.map((c) => caseLine(c, policy))),
    '',
    `## ${t('report.openFaults')}`,
    ...list(
      report.openFaults.map(
        (f) =>
          `${t('report.fault', { caseId: f.id, time: localTime(f.createdAt, policy, true), kind: kindOf(f) })}. ` +
          `${t('report.where')}: ${f.address ?? '–'}. ${t('report.reported')}: "${f.reported}". ` +
          (f.status === 'open' ? t('report.waiting') : t('report.fixing', { name: f.claimedBy ?? '?' })),
      ),
    ),
    '',
    `## ${t('report.incidents')}`,
    ...list(report.incidents.map((i) => t('report.incidentLine', incidentLineValues(i)))),
  ];
  return lines.join('\n') + '\n';
}

/** The CSV columns, one row per case. */
export const CSV_COLUMNS = [
  'case',
  'created_at',
  'route',
  'category',
  'danger',
  'channel',
  'language',
  'status',
  'claimed_at',
  'seconds_to_claim',
  'closed_at',
  'outcome',
] as const;

/** One CSV cell: neutralised when a spreadsheet would read it as a formula, quoted when it must be. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report's cases as CSV (RFC 4180, CRLF): no phone numbers, no message text, no names. */
export function toCsv(rows: CaseFacts[], policy: Policy): string {
  const iso = (v: string | null) =>
    v ? DateTime.fromISO(v, { zone: luxonZone(policy.timeZone) }).toISO({ suppressMilliseconds: true }) : null;
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of rows) {
    const seconds = c.claimedAt
      ? Math.max(0, Math.round((Date.parse(c.claimedAt) - Date.parse(c.createdAt)) / 1000))
      : null;
    // The outcome is free text in the store: only phone-free text goes out, however it was written.
    const cells = [
      c.id,
      iso(c.createdAt),
      c.route,
      c.category,
      c.danger,
      c.channelId,
      c.language,
      c.status,
      iso(c.claimedAt),
      seconds,
      iso(c.closedAt),
      c.outcome === null ? null : scrub(c.outcome).slice(0, 100),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
