/**
 * The night report on the Teams side: the wall-clock job that queues the card (once per occurrence, across
 * instances: the job's claim, and the outbox key `report:<occurrence>`), the card as it is now (rebuilt from
 * the store on delivery and after every action), and who acknowledged it.
 */
import type { Storage } from 'botbuilder';
import type { ClockJob, Occurrence } from '../../clock-jobs.ts';
import type { Logger } from '../../log.ts';
import type { Policy } from '../../routing/policy.ts';
import { buildReport, type IncidentSource } from '../../report/build.ts';
import {
  occurrenceInstant,
  policyWithShifts,
  REPORT_JOB,
  reportSchedule,
  reportTarget,
  type ReportTarget,
} from '../../report/job.ts';
import { reportSpan } from '../../report/span.ts';
import type { NewOutboxItem, Store } from '../../store/index.ts';
import type { RegistrationStore } from './registrations.ts';
import { reportCard, type ReportAck } from './report-card.ts';

/** The outbox item kind of the report card. */
export const REPORT_KIND = 'teams.report';

/** A `teams.report` item's payload: which occurrence, and where it goes. Nothing personal. */
export interface ReportPayload {
  occurrence: string;
  target: ReportTarget;
}

/** A missed report still goes out this long after its time (after a restart, or while the store was down). */
export const REPORT_CATCH_UP_MS = 12 * 3_600_000;

export interface ReportDeps {
  policy: Policy;
  store: Store;
  registrations: RegistrationStore;
  log: Logger;
  /** Wakes the outbox worker. */
  kick: () => void;
  /** Incidents for the report, once the store has them. */
  incidents?: IncidentSource;
}

/** The `teams.report` item for an occurrence; its key makes it one card per occurrence, however often queued. */
export const reportItem = (payload: ReportPayload): NewOutboxItem => ({
  kind: REPORT_KIND,
  key: `report:${payload.occurrence}`,
  payload: { ...payload },
});

/**
 * The job: at the report's time, the card goes to the office's channel, or to Fastighetsjouren's when the
 * office is closed that day; to the other when that one has no channel; nowhere (a warning) when neither has.
 */
export function nightReportJob(deps: ReportDeps): ClockJob {
  return {
    name: REPORT_JOB,
    ...reportSchedule(deps.policy),
    catchUpMs: REPORT_CATCH_UP_MS,
    async run(occurrence: Occurrence) {
      const policy = await policyWithShifts(deps.policy, deps.store, occurrence.at);
      const preferred = reportTarget(occurrence.date, policy);
      const other: ReportTarget = preferred === 'office' ? 'fastighetsjour' : 'office';
      const target = (await deps.registrations.get(preferred))
        ? preferred
        : (await deps.registrations.get(other))
          ? other
          : undefined;
      if (!target) {
        deps.log.warn(
          { dueAt: occurrence.at.getTime() },
          'night report: no Teams channel for office or fastighetsjour',
        );
        return;
      }
      await deps.store.outbox.enqueue([reportItem({ occurrence: occurrence.key, target })]);
      deps.kick();
    },
  };
}

const ackKey = (occurrence: string) => `report/ack/${occurrence}`;

/** Who acknowledged the report of `occurrence`, if anyone. */
export async function readAck(state: Storage, occurrence: string): Promise<ReportAck | undefined> {
  const items = await state.read([ackKey(occurrence)]);
  return (items[ackKey(occurrence)] as { ack?: ReportAck } | undefined)?.ack;
}

/** Records who acknowledged it; the first acknowledgement stays. Resolves with the one that holds. */
export async function writeAck(state: Storage, occurrence: string, ack: ReportAck): Promise<ReportAck> {
  const current = await readAck(state, occurrence);
  if (current) return current;
  await state.write({ [ackKey(occurrence)]: { ack } });
  return ack;
}

/** The report card of `occurrence` as it is now (rebuilt from the store), or undefined for a malformed key. */
export async function currentReportCard(
  deps: Pick<ReportDeps, 'policy' | 'store' | 'incidents'>,
  occurrence: string,
): Promise<Record<string, unknown> | undefined> {
  const at = occurrenceInstant(occurrence, deps.policy);
  if (!at) return undefined;
  const policy = await policyWithShifts(deps.policy, deps.store, at);
  const { report } = await buildReport(deps.store, reportSpan(at, policy), {
    ...(deps.incidents ? { incidents: deps.incidents } : {}),
  });
  return reportCard(report, occurrence, policy, await readAck(deps.store.state, occurrence));
}
