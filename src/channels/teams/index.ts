/**
 * The Teams staff side as one piece: the teams-ai application for staff activities (commands, card actions,
 * thread messages) and the outbox worker that turns notices into cards and messages. What happens to cases
 * is the case desk's business (`src/cases/desk.ts`); this side only delivers and listens.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { Alerts } from '../../alerts.ts';
import type { CaseDesk, StaffSide } from '../../cases/desk.ts';
import type { IncidentDesk } from '../../cases/incidents/desk.ts';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Policy } from '../../routing/policy.ts';
import type { Store } from '../../store/index.ts';
import type { LanguageModel } from '../../llm/index.ts';
import { createDeliver } from './delivery.ts';
import { threadOf } from './items.ts';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker.ts';
import { RegistrationStore } from './registrations.ts';
import { createStaffApp } from './staff-app.ts';
import { nightReportJob } from './report.ts';
import type { ClockJob } from '../../clock-jobs.ts';

export { RegistrationStore } from './registrations.ts';
export { OutboxWorker } from './outbox-worker.ts';

export interface TeamsSideDeps {
  adapter: CloudAdapter;
  config: Config;
  policy: Policy;
  store: Store;
  log: Logger;
  now: () => Date;
  /** The case lifecycle that staff act on (claim, reply, close) and whose alerts reach people. */
  desk: CaseDesk;
  /** The incident lifecycle that staff act on (the form, proposals, incident cards). */
  incidentDesk: IncidentDesk;
  /** Writes staff summaries and translates between staff and tenant, when configured. */
  model?: LanguageModel;
  /** Outbox polling, retry, lease and deadline timing (tests shorten them). */
  worker?: WorkerTiming;
}

/** The outbox worker's timing that the app may set. */
export type WorkerTiming = Pick<
  OutboxWorkerOptions,
  'pollMs' | 'baseDelayMs' | 'maxDelayMs' | 'leaseMs' | 'deliverTimeoutMs' | 'maxPollBackoffMs'
>;

export interface TeamsSide {
  app: Application<TurnState>;
  worker: OutboxWorker;
  registrations: RegistrationStore;
  /** Raises alerts: a log line with a stable code, and for a case a notice to operators and the tenant. */
  alerts: Alerts;
  /** Wakes the outbox delivery (after notices were written). */
  kick(): void;
  /** The night report ("Nattens rapport"), a wall-clock job for the scheduler. */
  reportJob: ClockJob;
  start(): void;
  stop(): Promise<void>;
}

/**
 * The staff side the case desk needs, before the Teams side exists: it is built with the desk, so the two
 * are wired through this late-bound object (`bind` once the Teams side is made).
 */
export function lateStaffSide(): StaffSide & { bind(teams: TeamsSide): void } {
  let teams: TeamsSide | undefined;
  return {
    bind: (t) => void (teams = t),
    wake: () => teams?.kick(),
    hasChannel: async (channel) => Boolean(await teams?.registrations.get(channel)),
  };
}

export function createTeamsSide(deps: TeamsSideDeps): TeamsSide {
  // Registrations are configuration: kept where retention never deletes them.
  const registrations = new RegistrationStore(deps.store.config);
  const deliver = createDeliver({
    adapter: deps.adapter,
    appId: deps.config.bot.appId ?? '',
    store: deps.store,
    policy: deps.policy,
    registrations,
    log: deps.log,
    ...(deps.model ? { model: deps.model } : {}),
  });
  let worker: OutboxWorker | undefined;
  const kick = () => void worker?.kick().catch((err) => deps.log.error({ err }, 'outbox: delivery pass failed'));
  const alerts = new Alerts(deps.log, deps.desk.alertNotice);
  worker = new OutboxWorker({
    store: deps.store,
    deliver,
    log: deps.log,
    now: deps.now,
    threadOf,
    alerts,
    ...deps.worker,
  });
  const app = createStaffApp({ ...deps, registrations, kick });
  return {
    app,
    worker,
    registrations,
    alerts,
    kick,
    reportJob: nightReportJob({ policy: deps.policy, store: deps.store, registrations, log: deps.log, kick }),
    start() {
      worker.start();
    },
    async stop() {
      await worker.stop();
    },
  };
}
