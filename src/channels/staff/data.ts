/**
 * What `/staff` shows, as JSON for its charts, and the CSV download: a night (`night=YYYY-MM-DD`, default the
 * latest morning report's) or a span (`from`, `to`, ISO; read in the policy's zone without an offset).
 */
import { DateTime } from 'luxon';
import { buildReport, type NightReport } from '../../report/build.ts';
import { kindOf, toCsv } from '../../report/format.ts';
import { getI18n } from '../../i18n.ts';
import { latestReportAt, policyWithShifts } from '../../report/job.ts';
import { localDate, nightOf, reportSpan, addDays, type Span } from '../../report/span.ts';
import { buildTrend, type TrendNight } from '../../report/trend.ts';
import { luxonZone } from '../../routing/zone.ts';
import type { CaseFacts } from '../../store/index.ts';
import type { StaffDeps } from './index.ts';

/** A night or span the page cannot show. */
export class SpanError extends Error {}

/** Bands of the time-to-claim chart, in seconds (upper bounds; the last is open). */
const CLAIM_BANDS = [60, 120, 300, 600, 1800];

/** What the page gets. */
export interface StaffData {
  /** The night asked for (or the latest morning's), or null for a span. */
  night: string | null;
  timeZone: string;
  report: Omit<NightReport, 'openFaults'> & {
    openFaults: { id: string; createdAt: string; address: string | null; status: string }[];
  };
  /** Cases claimed within each band: `<= 60 s`, … and `> 30 min`. */
  claimBands: { label: string; cases: number }[];
  /** Every case not closed now, newest first (no contact details, no text). */
  openCases: (Pick<CaseFacts, 'id' | 'route' | 'status' | 'claimedBy' | 'createdAt'> & { kind: string })[];
  trend: TrendNight[];
  /** The page's texts (locales/sv/staff.json `page`) and the routes' Swedish names. */
  texts: Record<string, string>;
  routeNames: Record<string, string>;
}

/** The page's texts, from locales/sv/staff.json. */
export function pageTexts(): Record<string, string> {
  return (getI18n().getResourceBundle('sv', 'staff') as { page: Record<string, string> }).page;
}

function spanOf(
  params: URLSearchParams,
  deps: StaffDeps,
  policy: StaffDeps['policy'],
): { span: Span; night: string | null } {
  const night = params.get('night');
  const from = params.get('from');
  const to = params.get('to');
  if (night) {
    if (!DateTime.fromFormat(night, 'yyyy-MM-dd').isValid) throw new SpanError();
    return { span: nightOf(night, policy), night };
  }
  if (from || to) {
    const zone = luxonZone(policy.timeZone);
    const f = DateTime.fromISO(from ?? '', { zone });
    const t = DateTime.fromISO(to ?? '', { zone });
    if (!f.isValid || !t.isValid || t <= f || t.diff(f, 'days').days > 92) throw new SpanError();
    return { span: { from: f.toJSDate(), to: t.toJSDate() }, night: null };
  }
  const at = latestReportAt(deps.now(), policy);
  // The latest morning's report covers the night that ended then: named by the evening it began.
  return { span: reportSpan(at, policy), night: addDays(localDate(at, policy), -1) };
}

function bands(rows: CaseFacts[]): StaffData['claimBands'] {
  const seconds = rows
    .filter((c) => c.claimedAt && c.route !== 'emergency')
    .map((c) => (Date.parse(c.claimedAt!) - Date.parse(c.createdAt)) / 1000);
  const labels = ['≤ 1 min', '1–2 min', '2–5 min', '5–10 min', '10–30 min', '> 30 min'];
  return labels.map((label, i) => ({
    label,
    cases: seconds.filter((s) => s > (CLAIM_BANDS[i - 1] ?? -1) && (i === CLAIM_BANDS.length || s <= CLAIM_BANDS[i]!))
      .length,
  }));
}

export async function staffData(deps: StaffDeps, params: URLSearchParams): Promise<StaffData> {
  const policy = await policyWithShifts(deps.policy, deps.store, deps.now());
  const { span, night } = spanOf(params, deps, policy);
  const [{ report, rows }, open, claimed, trend] = await Promise.all([
    buildReport(deps.store, span),
    deps.store.cases.list({ status: 'open', limit: 200 }),
    deps.store.cases.list({ status: 'claimed', limit: 200 }),
    buildTrend(deps.store, policy, night ?? localDate(span.from, policy)),
  ]);
  return {
    night,
    timeZone: policy.timeZone,
    report: {
      ...report,
      openFaults: report.openFaults.map((f) => ({
        id: f.id,
        createdAt: f.createdAt,
        address: f.address,
        status: f.status,
      })),
    },
    claimBands: bands(rows),
    openCases: [...open, ...claimed]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((c) => ({
        id: c.id,
        route: c.route,
        kind: kindOf(c),
        status: c.status,
        claimedBy: c.claimedBy,
        createdAt: c.createdAt,
      })),
    trend,
    texts: pageTexts(),
    routeNames: Object.fromEntries(Object.entries(policy.destinations).map(([route, d]) => [route, d.name.sv])),
  };
}

/** The span's cases as CSV, and a file name for it. */
export async function staffCsv(deps: StaffDeps, params: URLSearchParams): Promise<{ csv: string; name: string }> {
  const policy = await policyWithShifts(deps.policy, deps.store, deps.now());
  const { span, night } = spanOf(params, deps, policy);
  const { rows } = await buildReport(deps.store, span);
  return { csv: toCsv(rows, policy), name: `trygg-${night ?? localDate(span.from, policy)}.csv` };
}
