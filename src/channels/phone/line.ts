/**
 * The phone line's HTTP side on ACS: `POST /api/calls/incoming` takes Event Grid events (the subscription
 * handshake and `Microsoft.Communication.IncomingCall`, answered with a per-call callback URL under
 * PUBLIC_BASE_URL), and `POST /api/calls/callback/:callId?token=…` takes that call's Call Automation events.
 * A callback without the call's secret, or for a call we did not answer, is refused. With
 * ACS_INCOMING_SECRET set (required in production), Event Grid's posts and its CloudEvents `OPTIONS`
 * handshake must carry it too (`?secret=` in the subscription's endpoint URL, as Event Grid's docs suggest for
 * webhooks); without it anyone who knows the URL can make the line try to answer a forged call context (ACS
 * refuses to answer it, at the cost of a request to ACS and a ringing session until then).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { normalizePhone, StoreError } from '../../store/index.ts';
import { AcsCallControl, applyAcsEvent, createAcsClient, incomingCaller } from './acs.ts';
import { PhoneCall, type CallDeps } from './call.ts';
import { HttpError } from '../../errors.ts';
import { asEventList, pathParam, queryParam, readJson, sendError, sendJson } from './http.ts';
import { callDuringOutage, type OutageDeps } from './outage.ts';
import { CallSessions, firstDelivery } from './sessions.ts';
import type { CallSession, PhoneDeps } from './types.ts';
import { VoiceAdapter } from './voice-adapter.ts';

/** Where Event Grid posts. */
export const INCOMING_PATH = '/api/calls/incoming';
/** Where ACS posts a call's events (the call id and its secret are added per call). */
export const CALLBACK_PATH = '/api/calls/callback';

/** A mounted phone line. */
export interface PhoneLine {
  /** The calls in progress (in the store, shared by every instance). */
  sessions: CallSessions;
}

const mounted = new WeakMap<Server, PhoneLine>();

/** The engine's dependencies from the app's. */
export function callDeps(deps: PhoneDeps, adapter: VoiceAdapter): CallDeps {
  return {
    bot: deps.bot,
    adapter,
    policy: deps.policy,
    store: deps.store,
    log: deps.log,
    now: deps.now,
    voices: deps.voices ?? {},
    desk: deps.desk,
  };
}

/**
 * Mounts the ACS routes when `config.acs` is set (otherwise the phone line is off and nothing is mounted).
 * Mounting twice on one server returns the first line.
 */
export function mountPhone(server: Server, deps: PhoneDeps): PhoneLine | undefined {
  const acs = deps.config.acs;
  if (!acs) return undefined;
  const existing = mounted.get(server);
  if (existing) return existing;
  const { log } = deps;
  if (!acs.cognitiveServicesEndpoint)
    log.warn('phone: ACS_COGNITIVE_SERVICES_ENDPOINT is not set; ACS cannot speak or listen without it');
  const client = createAcsClient(acs.connectionString, deps.acsClientOptions, deps.acsTimeoutMs);
  const adapter = new VoiceAdapter();
  const engine = callDeps(deps, adapter);
  // Call secrets from a key every instance has, so a callback can be checked while the store is away.
  const tokenKey = createHash('sha256').update(`trygg.call-token\0${acs.connectionString}`).digest();
  const sessions = new CallSessions(deps.store, { ...deps.sessions, tokenKey }, log);
  const outage: OutageDeps = { client, policy: deps.policy, voices: engine.voices, log };
  const base = acs.publicBaseUrl.replace(/\/+$/, '');
  const cognitiveServicesEndpoint = acs.cognitiveServicesEndpoint;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const expected = acs.incomingSecret ? digest(acs.incomingSecret) : undefined;
  /** True when Event Grid's request carries the configured secret (or none is configured: never in production). */
  const fromEventGrid = (req: Request) =>
    !expected || timingSafeEqual(digest(queryParam(req, 'secret') ?? ''), expected);
  if (!expected) log.warn('phone: ACS_INCOMING_SECRET is not set; POST /api/calls/incoming accepts posts from anyone');
  /** The call engine for a session, as one callback (on whichever instance) needs it. */
  const callFor = (session: CallSession) =>
    new PhoneCall(engine, session, new AcsCallControl(client, session, engine.voices));

  async function answer(data: Record<string, unknown>): Promise<'answered' | 'skipped' | 'retry' | 'busy'> {
    const incomingCallContext = data.incomingCallContext;
    const caller = incomingCaller(data);
    if (typeof incomingCallContext !== 'string' || !caller) {
      log.warn('phone: an IncomingCall event without a call context or caller was ignored');
      return 'skipped';
    }
    let created: Awaited<ReturnType<CallSessions['create']>>;
    try {
      created = await sessions.create(normalizePhone(caller.phone) ?? '', { callerRawId: caller.rawId });
    } catch (err) {
      if (!(err instanceof StoreError)) throw err;
      return answerWithoutSession(incomingCallContext);
    }
    if (!created) {
      log.warn(await sessions.count(), 'phone: too many calls at once; one refused');
      return 'busy';
    }
    const { id } = created.session;
    const callbackUrl = `${base}${CALLBACK_PATH}/${id}?token=${encodeURIComponent(created.secret)}`;
    try {
      // Under the call's lock: a callback that comes (to any instance) before the answer returns waits for it.
      await sessions.withCall(
        id,
        null,
        async (session) => {
          const result = await client.answerCall(incomingCallContext, callbackUrl, {
            ...(cognitiveServicesEndpoint ? { callIntelligenceOptions: { cognitiveServicesEndpoint } } : {}),
            operationContext: id,
          });
          session.callConnectionId ??= result.callConnectionProperties.callConnectionId;
        },
        // ACS accepted the call context, which only a real incoming call has: never evicted from now on.
        { answered: true },
      );
      log.info({ callId: id }, 'phone: call answered');
      return 'answered';
    } catch (err) {
      await sessions.delete(id).catch(() => {});
      const status = (err as { statusCode?: number }).statusCode;
      log.error({ err, status }, 'phone: answering the call failed');
      // A server-side failure may pass: let Event Grid deliver the call again while it still rings.
      return status === undefined || status >= 500 ? 'retry' : 'skipped';
    }
  }

  /** The store is away: answers the call anyway, for the outage message (src/channels/phone/outage.ts). */
  async function answerWithoutSession(incomingCallContext: string): Promise<'answered' | 'retry'> {
    const { id, secret } = sessions.newCall();
    try {
      await client.answerCall(
        incomingCallContext,
        `${base}${CALLBACK_PATH}/${id}?token=${encodeURIComponent(secret)}`,
        {
          ...(cognitiveServicesEndpoint ? { callIntelligenceOptions: { cognitiveServicesEndpoint } } : {}),
          operationContext: id,
        },
      );
      log.error({ code: 'STORE_UNAVAILABLE', callId: id }, 'phone: the store is away; answered for the outage message');
      return 'answered';
    } catch (err) {
      log.error({ err }, 'phone: answering the call failed');
      return 'retry';
    }
  }

  /** The request's events, or undefined after answering 4xx for a body that is not a list of events. */
  async function readEvents(req: Request, res: Response): Promise<Record<string, unknown>[] | undefined> {
    try {
      return asEventList(await readJson(req));
    } catch (err) {
      if (err instanceof HttpError) sendError(res, err.code === 'InvalidJson' ? 'BadEvent' : err.code);
      else throw err;
      return undefined;
    }
  }

  server.post(INCOMING_PATH, async (req: Request, res: Response) => {
    if (!fromEventGrid(req)) {
      log.warn('phone: a post to the incoming-call webhook without its secret was refused');
      sendError(res, 'WebhookSecret');
      return;
    }
    const events = await readEvents(req, res);
    if (!events) return;
    // Event Grid schema names the type `eventType`; the CloudEvents schema names it `type`.
    const typeOf = (e: Record<string, unknown>) => e.eventType ?? e.type;
    const validation = events.find((e) => typeOf(e) === 'Microsoft.EventGrid.SubscriptionValidationEvent');
    if (validation) {
      const code = (validation.data as { validationCode?: unknown } | undefined)?.validationCode;
      if (typeof code !== 'string') sendError(res, 'BadEvent', 'validation event without validationCode');
      else sendJson(res, 200, { validationResponse: code });
      log.info('phone: Event Grid subscription validated');
      return;
    }
    let retry = false;
    let busy = false;
    for (const event of events) {
      if (
        typeOf(event) !== 'Microsoft.Communication.IncomingCall' ||
        typeof event.data !== 'object' ||
        event.data === null
      )
        continue;
      const outcome = await answer(event.data as Record<string, unknown>);
      if (outcome === 'retry') retry = true;
      if (outcome === 'busy') busy = true;
    }
    // Event Grid delivers again on a 503, while the call still rings.
    if (retry) sendError(res, 'AnswerFailed');
    else if (busy) sendError(res, 'LineBusy');
    else sendJson(res, 200, {});
  });

  // CloudEvents webhook handshake (for an Event Grid subscription with the CloudEvents schema). Event Grid
  // sends it to the subscription's endpoint URL, secret included: without the secret nobody may make this
  // line agree to receive events.
  server.opts(INCOMING_PATH, async (req: Request, res: Response) => {
    if (!fromEventGrid(req)) {
      log.warn('phone: a webhook handshake without the secret was refused');
      sendError(res, 'WebhookSecret');
      return;
    }
    const origin = req.header('WebHook-Request-Origin');
    if (!origin) {
      sendError(res, 'BadHandshake');
      return;
    }
    res.writeHead(200, { 'WebHook-Allowed-Origin': origin, 'WebHook-Allowed-Rate': '120', 'Content-Length': 0 });
    res.end();
  });

  server.post(`${CALLBACK_PATH}/:callId`, async (req: Request, res: Response) => {
    const callId = pathParam(req, 'callId') ?? '';
    const events = await readEvents(req, res);
    if (!events) return;
    // The call's lock: its callbacks are handled one at a time, in order, whichever instance takes them.
    // Only ACS has the call's secret (it came with our answer), so the call was answered.
    let outcome: Awaited<ReturnType<typeof sessions.withCall<boolean>>>;
    try {
      outcome = await sessions.withCall(
        callId,
        queryParam(req, 'token'),
        async (session) => {
          const call = callFor(session);
          let ended = false;
          for (const event of events) {
            const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<
              string,
              unknown
            >;
            const connectionId = typeof data.callConnectionId === 'string' ? data.callConnectionId : undefined;
            if (connectionId && session.callConnectionId && connectionId !== session.callConnectionId) {
              log.warn({ callId: session.id }, 'phone: an event for another call connection was ignored');
              continue;
            }
            if (connectionId) session.callConnectionId ??= connectionId;
            if (!firstDelivery(session, typeof event.id === 'string' ? event.id : undefined)) continue;
            const type = String(event.type ?? '');
            try {
              await applyAcsEvent(call, type, data, log);
            } catch (err) {
              log.error({ err, callId: session.id, type }, 'phone: handling a call event failed');
            }
            if (type === 'Microsoft.Communication.CallDisconnected') ended = true;
          }
          return ended;
        },
        { answered: true },
      );
    } catch (err) {
      if (!(err instanceof StoreError)) throw err;
      // Every secret this line gives is derived from its key: one that does not check out is not a call's.
      if (sessions.vouches(callId, queryParam(req, 'token'))) {
        await callDuringOutage(outage, callId, events);
        sendJson(res, 200, {});
      } else sendError(res, 'UnknownCall');
      return;
    }
    if (!outcome.found) {
      log.warn('phone: a callback for an unknown call, or without its secret, was refused');
      sendError(res, 'UnknownCall');
      return;
    }
    if (outcome.value) await sessions.delete(callId);
    sendJson(res, 200, {});
  });

  const line: PhoneLine = { sessions };
  mounted.set(server, line);
  log.info({ incoming: INCOMING_PATH }, 'phone line mounted (ACS Call Automation)');
  return line;
}
