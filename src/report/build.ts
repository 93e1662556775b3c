/**
 * The night report as data, from the store's read-only queries: the same numbers for the Teams card,
 * `trygg report` (md, json, csv) and `/staff`. Holds no phone number and no message text, except the open
 * faults' address and first words, which day staff need to fix them.
 */
import { ROUTES, type RouteId } from '../routing/types.ts';
import type { AuditEntry, CaseFacts, OpenFault, Store } from '../store/index.ts';
import { incidentsInSpan } from '../cases/incidents/in-span.ts';
import type { Span } from './span.ts';

/** An incident as the report lists it (the store's incidents open during the span). */
export interface ReportIncident {
  id: string;
  kind: string;
  where: string;
  status: string;
  reports: number;
}

/** Where the report gets incidents, when not from the store (`incidentsInSpan`). */
export type IncidentSource = (span: Span) => Promise<ReportIncident[]>;

/** The night report. Counts are of contacts (conversations) unless named otherwise. */
export interface NightReport {
  /** The span covered, ISO (UTC). */
  from: string;
  to: string;
  /** Conversations that got a routing decision in the span. */
  contacts: number;
  /** Contacts by the most urgent route each was given (emergency first, office last). */
  byRoute: Record<string, number>;
  /** Contacts by channel (`webchat`, `sms`, `telephony`, …) of that decision. */
  byChannel: Record<string, number>;
  /** Contacts by language of that decision. */
  byLanguage: Record<string, number>;
  /** Contacts per hour, by the hour of each contact's first message (ISO hour, UTC). */
  perHour: { hour: string; contacts: number }[];
  /** Cases created in the span: opened; claimed (since); closed (since); unclaimed (still open, emergencies aside). */
  cases: { opened: number; claimed: number; closed: number; unclaimed: number };
  /** From creation to the first claim, over the span's claimed cases; null when none was claimed. */
  timeToClaimSeconds: { median: number | null; p90: number | null };
  /** The 112 events (their cards carry no claim). */
  emergencies: CaseFacts[];
  /** What the jours (Trygghetsjouren, Fastighetsjouren) had, with where each case is and its outcome. */
  handled: CaseFacts[];
  /** Cases of the span nobody has claimed yet (emergencies aside). */
  unclaimed: CaseFacts[];
  /** Faults not fixed yet, reported before the span's end (any night): day staff's list. */
  openFaults: OpenFault[];
  incidents: ReportIncident[];
}

const URGENCY: RouteId[] = ['emergency', 'trygghetsjour', 'fastighetsjour', 'police', 'stadsmission', 'office'];
const JOURS: RouteId[] = ['trygghetsjour', 'fastighetsjour'];
const HOUR = 3_600_000;

/** The nearest-rank percentile `p` (0–1) of sorted numbers, or null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** One decision per contact: the most urgent, and the contact's first time. Forgotten hashes count alone. */
function contactsOf(decisions: AuditEntry[]): { decision: AuditEntry; first: string }[] {
  const byConversation = new Map<string, { decision: AuditEntry; first: string }>();
  decisions.forEach((d, i) => {
    const key = d.conversationHash || `#${i}`;
    const seen = byConversation.get(key);
    if (!seen) byConversation.set(key, { decision: d, first: d.at });
    else if (URGENCY.indexOf(d.route) < URGENCY.indexOf(seen.decision.route)) seen.decision = d;
  });
  return [...byConversation.values()];
}

function tally(values: string[], keys: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Hours from `from` to `to`, each with its contacts (zero included, so a chart shows the whole night). */
function perHour(span: Span, firsts: string[]): NightReport['perHour'] {
  const start = Math.floor(span.from.getTime() / HOUR) * HOUR;
  const hours = Math.min(24 * 8, Math.max(1, Math.ceil((span.to.getTime() - start) / HOUR)));
  const counts = new Array<number>(hours).fill(0);
  for (const at of firsts) {
    const i = Math.floor((Date.parse(at) - start) / HOUR);
    if (i >= 0 && i < hours) counts[i]!++;
  }
  return counts.map((contacts, i) => ({ hour: new Date(start + i * HOUR).toISOString(), contacts }));
}

/** Builds the report for `span` from the store; `rows` are the span's cases, for the CSV. */
export async function buildReport(
  store: Pick<Store, 'reports'> & Partial<Pick<Store, 'incidents'>>,
  span: Span,
  options: { incidents?: IncidentSource; faultLimit?: number } = {},
): Promise<{ report: NightReport; rows: CaseFacts[] }> {
  const [decisions, rows, openFaults, incidents] = await Promise.all([
    store.reports.decisions(span.from, span.to),
    store.reports.cases(span.from, span.to),
    store.reports.openFaults(span.to, options.faultLimit ?? 50),
    options.incidents
      ? options.incidents(span)
      : store.incidents
        ? incidentsInSpan({ incidents: store.incidents }, span)
        : [],
  ]);
  const contacts = contactsOf(decisions);
  const claimSeconds = rows
    .filter((c) => c.claimedAt && c.route !== 'emergency')
    .map((c) => Math.max(0, Math.round((Date.parse(c.claimedAt!) - Date.parse(c.createdAt)) / 1000)))
    .sort((a, b) => a - b);
  const unclaimed = rows.filter((c) => c.status === 'open' && c.route !== 'emergency');
  const report: NightReport = {
    from: span.from.toISOString(),
    to: span.to.toISOString(),
    contacts: contacts.length,
    byRoute: tally(
      contacts.map((c) => c.decision.route),
      ROUTES,
    ),
    byChannel: tally(contacts.map((c) => c.decision.channelId)),
    byLanguage: tally(contacts.map((c) => c.decision.language)),
    perHour: perHour(
      span,
      contacts.map((c) => c.first),
    ),
    cases: {
      opened: rows.length,
      claimed: rows.filter((c) => c.claimedAt).length,
      closed: rows.filter((c) => c.status === 'closed').length,
      unclaimed: unclaimed.length,
    },
    timeToClaimSeconds: { median: percentile(claimSeconds, 0.5), p90: percentile(claimSeconds, 0.9) },
    emergencies: rows.filter((c) => c.route === 'emergency'),
    handled: rows.filter((c) => JOURS.includes(c.route)),
    unclaimed,
    openFaults,
    incidents,
  };
  return { report, rows };
}
