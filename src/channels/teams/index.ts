/**
 * The Teams staff side as one piece: the teams-ai application for staff activities, the outbox worker that
 * delivers cards and messages, the link the conversation uses, and the unclaimed-case re-alert job.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { StaffLink } from '../../../dialogs/context.ts';
import type { Config } from '../../config.ts';
import { translator } from '../../i18n.ts';
import type { Logger } from '../../log.ts';
import type { Policy } from '../../routing/policy.ts';
import type { Store } from '../../store/index.ts';
import type { LanguageModel } from '../../llm/index.ts';
import { createDeliver, newCaseItems, tenantMessage, threadOf, threadPost } from './delivery.ts';
import { OutboxWorker } from './outbox-worker.ts';
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
  /** Outbox polling and retry timing (tests shorten them). */
  worker?: { pollMs?: number; baseDelayMs?: number; maxDelayMs?: number };
}

export interface TeamsSide {
  app: Application<TurnState>;
  worker: OutboxWorker;
  link: StaffLink;
  registrations: RegistrationStore;
  /** Re-alerts cases nobody has claimed within the policy's minutes, and tells their tenants what to do (a scheduled job). */
  checkUnclaimed(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createTeamsSide(deps: TeamsSideDeps): TeamsSide {
  const registrations = new RegistrationStore(deps.store.state);
  const deliver = createDeliver({
    adapter: deps.adapter,
    appId: deps.config.bot.appId ?? '',
    store: deps.store,
    policy: deps.policy,
    registrations,
    log: deps.log,
    ...(deps.model ? { model: deps.model } : {}),
  });
  const worker = new OutboxWorker({
    store: deps.store,
    deliver,
    log: deps.log,
    now: deps.now,
    threadOf,
    ...deps.worker,
  });
  const kick = () => void worker.kick().catch((err) => deps.log.error({ err }, 'outbox: delivery pass failed'));
  const app = createStaffApp({ ...deps, registrations, kick });

  async function checkUnclaimed(): Promise<number> {
    const minutes = deps.policy.handoff.unclaimedAfterMinutes;
    const cutoff = deps.now().getTime() - minutes * 60_000;
    const open = await deps.store.cases.list({ status: 'open', limit: 500 });
    const stale = open.filter((c) => c.route !== 'emergency' && Date.parse(c.createdAt) <= cutoff);
    const s = translator('sv', 'staff');
    for (const c of stale) {
      // Fixed keys: each case is re-alerted once, on every instance and after any restart.
      await deps.store.outbox.enqueue([
        threadPost(c.id, s('thread.unclaimed', { caseId: c.id, minutes }), `realert:${c.id}`),
        tenantMessage(
          c.id,
          'staff.unclaimed',
          { phone: deps.policy.destinations[c.route].phone },
          undefined,
          `unclaimed:${c.id}`,
        ),
      ]);
    }
    if (stale.length) kick();
    return stale.length;
  }

  return {
    app,
    worker,
    registrations,
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
