/**
 * Builds the whole application from a configuration without listening: store, policy, bot, server.
 * `listen` starts it; in local mode it then mounts the chat page and the Direct Line shim, which need the
 * server's own address.
 */
import type { AddressInfo } from 'node:net';
import { ConversationState, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { TryggConversation } from '../dialogs/conversation.ts';
import { dedupeMiddleware, TryggBot } from './channels/bot.ts';
import { createAdapter } from './channels/adapter.ts';
import { limitsMiddleware, type LimitOptions } from './channels/limits.ts';
import { renderReply } from './channels/render.ts';
import { Drain } from './channels/probes.ts';
import { mountWebchat, type WebchatOptions } from './channels/webchat/index.ts';
import { buildServer } from './channels/server.ts';
import { createTeamsSide, lateStaffSide, type TeamsSide, type WorkerTiming } from './channels/teams/index.ts';
import { CaseDesk } from './cases/desk.ts';
import { IncidentDesk, type IncidentTiming } from './cases/incidents/desk.ts';
import { loadAreas, Places } from './cases/incidents/places.ts';
import {
  mountPhone,
  mountPhoneSimulator,
  parseVoices,
  type CallSessions,
  type PhoneDeps,
  type PhoneLine,
} from './channels/phone/index.ts';
import { errorBody } from './errors.ts';
import type { Config } from './config.ts';
import { Scheduler, type ClockJob, type Job } from './jobs.ts';
import { getI18n } from './i18n.ts';
import type { LanguageModel } from './llm/index.ts';
import { triage } from './routing/triage/index.ts';
import { createLogger, type Logger } from './log.ts';
import { loadPolicy, type Policy } from './routing/policy.ts';
import { loadAuditKey, openStore, type Store } from './store/index.ts';
import { Quotas } from './store/quotas.ts';
import { Metrics } from './channels/metrics.ts';
import { mountStaff } from './channels/staff/index.ts';
import { shutDown, type ShutdownOutcome } from './shutdown.ts';

export interface AppOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  log?: Logger;
  /** An already opened store (tests); otherwise opened from the configuration. */
  store?: Store;
  /** The language model (tests pass one); otherwise from OPENAI_* / AZURE_OPENAI_*, or rules only. */
  model?: LanguageModel;
  /** The web chat's Direct Line deadline (tests shorten it). */
  webchat?: Pick<WebchatOptions, 'timeoutMs'>;
  /** Abuse limits (tests tighten them). */
  limits?: Omit<LimitOptions, 'log' | 'now' | 'quotas'>;
  /** Outbox timing (tests shorten it). */
  worker?: WorkerTiming;
  /** Incidents' timing: SMS pace, how long open incidents are remembered, card redraws (tests shorten it). */
  incidents?: IncidentTiming;
  /** How often scheduled jobs ask whether they are due (tests shorten it); default each one's interval, at most a minute. */
  jobs?: { pollMs?: number };
  /** The phone line's ACS client options, per-request timeout and session caps (tests shorten them). */
  phone?: Pick<PhoneDeps, 'acsClientOptions' | 'acsTimeoutMs' | 'sessions'>;
}

export interface App {
  config: Config;
  policy: Policy;
  store: Store;
  server: Server;
  log: Logger;
  /** The case lifecycle (open, claim, close, notices), shared by the dialogs, the phone and Teams. */
  desk: CaseDesk;
  /** The incident lifecycle (open, update, close, link, subscribe, proposals), shared with the CLI's code. */
  incidents: IncidentDesk;
  teams: TeamsSide;
  /** Prometheus metrics, served at /metrics. */
  metrics: Metrics;
  /** The scheduled jobs (re-alerts, retention), started by `listen`. */
  jobs: Job[];
  /** The jobs at a wall-clock time (the night report), started by `listen`. */
  clockJobs: ClockJob[];
  scheduler: Scheduler;
  /**
   * The phone as the app wired it: the ACS line (when ACS is configured) and, once listening in local mode,
   * the simulator's calls.
   */
  phone: { line: PhoneLine | undefined; simulator: { sessions: CallSessions } | undefined };
  /** The drain on shutdown: `/readyz` and the refusal of new work read it. */
  drain: Drain;
  /** Listens on `port` (0 = any free port); returns the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /**
   * The graceful shutdown (src/shutdown.ts) within `graceMs` (default `SHUTDOWN_GRACE_SECONDS`): drain, let the
   * turns in flight finish, stop, give back leases, close the store (unless it was given in the options).
   */
  shutdown(graceMs?: number): Promise<ShutdownOutcome>;
  /** `shutdown()`, for callers that do not need to know how it went. */
  close(): Promise<void>;
}

export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.logLevel);
  const policy = loadPolicy(config.policyFile);
  const now = options.now ?? (() => new Date());
  const store =
    options.store ??
    (await openStore({
      dataDir: config.dataDir,
      now,
      auditKey: loadAuditKey({ dataDir: config.dataDir, ...(config.auditHmacKey ? { key: config.auditHmacKey } : {}) }),
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    }));
  const adapter = createAdapter(config, log);
  adapter.use(dedupeMiddleware(store, log));
  // One set of shared counters for the abuse limits, the SMS cap and the model's caps (src/store/quotas.ts).
  const quotas = new Quotas(store.counters, { now: () => now().getTime(), log });
  adapter.use(limitsMiddleware({ log, quotas, ...options.limits }));
  // The model code (and the openai SDK) is loaded only when a model is configured.
  const wantsModel = Boolean(
    config.env.OPENAI_API_KEY || config.env.AZURE_OPENAI_API_KEY || config.env.AZURE_OPENAI_ENDPOINT,
  );
  const metrics = new Metrics({ store, now });
  const llmLog = log.child({ module: 'llm' });
  const model =
    options.model ??
    (wantsModel
      ? (await import('./llm/index.ts')).createLanguageModel(config.env, {
          // Every fallback to the rules is logged through here: counted for /metrics on the way.
          logger: {
            warn: (fields, msg) => {
              metrics.modelFallback(fields.op, fields.reason);
              llmLog.warn(fields, msg);
            },
            debug: (fields, msg) => llmLog.debug(fields, msg),
          },
          limits: { quotas },
        })
      : undefined);
  // The desk writes cases and their notices; the Teams side delivers them (bound once it exists).
  const staffSide = lateStaffSide();
  const desk = new CaseDesk({ store, policy, now, log, staff: staffSide });
  const incidents = new IncidentDesk({
    store,
    policy,
    places: new Places(loadAreas(config.areasFile)),
    now,
    log,
    staff: staffSide,
    ...options.incidents,
  });
  const teams = createTeamsSide({
    desk,
    incidentDesk: incidents,
    adapter,
    config,
    policy,
    store,
    log,
    now,
    ...(model ? { model } : {}),
    ...(options.worker ? { worker: options.worker } : {}),
  });
  staffSide.bind(teams);
  const conversationState = new ConversationState(store.state);
  // The greeting links to the privacy notice this server serves at /privacy.
  const publicBase = config.env.PUBLIC_BASE_URL ?? (config.localMode ? `http://localhost:${config.port}` : undefined);
  const conversation = new TryggConversation(conversationState, {
    policy,
    store,
    now,
    log,
    render: renderReply,
    desk,
    incidents,
    onDecision: (route, channelId, language) => metrics.contact(route, channelId, language),
    ...(model ? { model } : {}),
    ...(publicBase ? { privacyUrl: `${publicBase.replace(/\/$/, '')}/privacy` } : {}),
  });
  // Compile the lexicons and load the texts now, not on the first tenant's message.
  triage('');
  getI18n();
  const tenantBot = new TryggBot(conversation);
  // Staff in Teams talk to the teams-ai application; tenants (web chat, SMS, phone) to the conversation.
  const bot = {
    run: async (context: TurnContext) => {
      const done = metrics.turn(context.activity.channelId);
      try {
        await runTurn(context);
      } finally {
        done();
      }
    },
  };
  async function runTurn(context: TurnContext) {
    if (context.activity.channelId === 'msteams') {
      await teams.app.run(context);
      // An invoke the staff side does not know gets a clear 400 rather than the adapter's 501.
      if (context.activity.type === 'invoke' && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
        await context.sendActivity({
          type: 'invokeResponse',
          value: { status: 400, body: errorBody('UnsupportedInvoke') },
        });
      }
    } else await tenantBot.run(context);
  }
  const scheduler = new Scheduler(store, log, { now, alerts: teams.alerts, ...options.jobs });
  const jobs: Job[] = [
    { name: 'unclaimed-cases', everyMs: 60_000, run: () => desk.remindUnclaimed() },
    {
      name: 'retention-purge',
      everyMs: 6 * 3_600_000,
      run: async () => {
        const counts = await store.purge(new Date(now().getTime() - policy.retention.days * 86_400_000));
        log.info({ counts }, 'retention purge');
      },
    },
  ];
  const clockJobs: ClockJob[] = [teams.reportJob];
  let ready = false;
  const drain = new Drain();
  // In local mode the web chat's tokens come from the Direct Line shim at this server's address, known on listen.
  let localBase = '';
  const webchat = config.webchat;
  const server = buildServer({
    adapter,
    bot,
    log,
    production: config.production,
    retentionDays: policy.retention.days,
    ready: () => ready,
    probes: { drain, started: () => ready, ping: () => store.ping() },
    ...(webchat
      ? {
          mountWebchat: (s: Server) =>
            mountWebchat(s, {
              config: webchat,
              quotas,
              log,
              now: () => now().getTime(),
              ...(config.localMode && !config.production ? { localBase: () => localBase } : {}),
              ...options.webchat,
            }),
        }
      : {}),
  });
  metrics.mount(server, config.metricsToken, config.production);
  mountStaff(server, {
    store,
    policy,
    log,
    now,
    open: config.localMode && !config.production,
    ...(config.staffSignIn ? { signIn: config.staffSignIn } : {}),
  });
  // The phone line runs the tenants' bot in-process; mountPhone does nothing unless ACS is configured.
  const voices = parseVoices(config.env.ACS_VOICES, 'ACS_VOICES');
  const phone: PhoneDeps = {
    bot: tenantBot,
    policy,
    store,
    config,
    log,
    now,
    desk,
    voices,
    ...options.phone,
  };
  const phoneSide: App['phone'] = { line: mountPhone(server, phone), simulator: undefined };
  const shutdown = (graceMs = config.shutdownGraceMs): Promise<ShutdownOutcome> => {
    ready = false;
    return shutDown(
      {
        drain,
        server,
        scheduler,
        worker: teams.worker,
        log,
        closeStore: async () => {
          await quotas.close();
          if (!options.store) await store.close();
        },
      },
      graceMs,
    );
  };

  return {
    config,
    policy,
    store,
    server,
    log,
    desk,
    incidents,
    teams,
    metrics,
    jobs,
    clockJobs,
    scheduler,
    phone: phoneSide,
    async listen(port = config.port, host = config.host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      const base = `http://127.0.0.1:${address.port}`;
      localBase = base;
      if (config.localMode && !config.production) {
        const { mountDirectLine, mountLocalPages } = await import('./channels/local/index.ts');
        mountDirectLine(server, { botEndpoint: `${base}/api/messages`, publicBaseUrl: base, logger: log });
        mountLocalPages(server, {});
        phoneSide.simulator = mountPhoneSimulator(server, phone);
      }
      teams.start();
      scheduler.start(jobs, clockJobs);
      ready = true;
      return base;
    },
    drain,
    shutdown,
    close: async () => void (await shutdown()),
  };
}
