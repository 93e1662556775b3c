/**
 * The Teams staff side as one piece: the teams-ai application for staff activities, the outbox worker that
 * delivers cards and messages, the link the conversation uses, and the unclaimed-case re-alert job.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { StaffLink } from '../../../dialogs/context.ts';
import { Alerts, type AlertNotice } from '../../alerts.ts';
import type { Config } from '../../config.ts';
import { translator } from '../../i18n.ts';
import type { Logger } from '../../log.ts';
import type { Policy } from '../../routing/policy.ts';
import type { Case, Store } from '../../store/index.ts';
import type { LanguageModel } from '../../llm/index.ts';
import { createDeliver } from './delivery.ts';
import { channelNotice, newCaseItems, tenantMessage, threadOf, threadPost } from './items.ts';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker.ts';
import { RegistrationStore } from './registrations.ts';
import { createStaffApp, relayTenantMessage } from './staff-app.ts';

export { RegistrationStore } from './registrations.ts';
export { OutboxWorker } from './outbox-worker.ts';

export interface TeamsSideDeps {
  adapter: CloudAdapter;
  config: Config;
  policy: Policy;
  store: Store;
  log: Logger;
  now: () => Date;
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
  link: StaffLink;
  registrations: RegistrationStore;
  /** Raises alerts: a log line with a stable code, and for a case a notice to operators and the tenant. */
  alerts: Alerts;
  /**
   * Re-alerts cases nobody has claimed within the policy's minutes, and tells their tenants what to do (a
   * scheduled job). Pages through every open case. Resolves with the number of stale cases.
   */
  checkUnclaimed(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
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
  const alerts = new Alerts(deps.log, caseAlertNotice({ ...deps, registrations, kick }));
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

  async function checkUnclaimed(): Promise<number> {
    const minutes = deps.policy.handoff.unclaimedAfterMinutes;
    const cutoff = deps.now().getTime() - minutes * 60_000;
    const s = translator('sv', 'staff');
    let stale = 0;
    let cursor: string | undefined;
    do {
      const page = await deps.store.cases.page({ status: 'open', limit: 200, ...(cursor ? { cursor } : {}) });
      for (const c of page.cases) {
        if (c.route === 'emergency' || Date.parse(c.createdAt) > cutoff) continue;
        stale++;
        // Fixed keys: each case is re-alerted once, on every instance and after any restart.
        await deps.store.outbox.enqueue([
          threadPost(c.id, s('thread.unclaimed', { caseId: c.id, minutes }), `realert:${c.id}`),
          unclaimedTenantMessage(c, deps.policy),
        ]);
      }
      cursor = page.next ?? undefined;
    } while (cursor);
    if (stale) kick();
    return stale;
  }

  return {
    app,
    worker,
    registrations,
    alerts,
    checkUnclaimed,
    link: {
      newCaseItems,
      tenantWrote: (c, text) => relayTenantMessage(deps.store, c, text, kick),
      noticeItems: (c, text) => [threadPost(c.id, text)],
      kick,
    },
    start() {
      worker.start();
    },
    async stop() {
      await worker.stop();
    },
  };
}

/** "Nobody has taken your case yet, call … meanwhile": one key per case, so the tenant gets it once. */
function unclaimedTenantMessage(c: Case, policy: Policy) {
  return tenantMessage(
    c.id,
    'staff.unclaimed',
    { phone: policy.destinations[c.route].phone },
    undefined,
    `unclaimed:${c.id}`,
  );
}

/**
 * The notice of an alert about a case that cannot reach staff: the tenant, who was told staff know, is told
 * to call meanwhile (the re-alert's own message, so once per case); operators get a post in the incidents
 * channel, once per case and alert, unless that channel is the one missing or refusing.
 */
function caseAlertNotice(deps: {
  store: Store;
  policy: Policy;
  registrations: RegistrationStore;
  kick: () => void;
}): AlertNotice {
  return async (code, fields) => {
    if (!fields.caseId) return;
    const c = await deps.store.cases.get(fields.caseId);
    if (!c || c.route === 'emergency') return; // an emergency's tenant was sent to 112 first thing
    const items = [];
    const told = c.status === 'open' && c.channelId !== 'telephony';
    if (told) items.push(unclaimedTenantMessage(c, deps.policy));
    const incidents = await deps.registrations.get('incidents');
    if (incidents) {
      const phone = deps.policy.destinations[c.route].phone;
      // The `told` variant of the text adds what the tenant was advised (i18next context).
      const params = { caseId: c.id, route: c.route, phone, ...(told ? { context: 'told' } : {}) };
      items.push(channelNotice(incidents, `alert.${code}`, params, `alert:${code}:${c.id}`));
    }
    if (!items.length) return;
    await deps.store.outbox.enqueue(items);
    deps.kick();
  };
}
