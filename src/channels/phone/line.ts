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
import { normalizePhone } from '../../store/index.ts';
import { AcsCallControl, applyAcsEvent, createAcsClient, incomingCaller } from './acs.ts';
import { PhoneCall, type CallDeps } from './call.ts';
import { HttpError } from '../../errors.ts';
import { asEventList, pathParam, queryParam, readJson, sendError, sendJson } from './http.ts';
import { CallSessions } from './sessions.ts';
import type { CallSession, PhoneDeps } from './types.ts';
import { VoiceAdapter } from './voice-adapter.ts';

/** Where Event Grid posts. */
export const INCOMING_PATH = '/api/calls/incoming';
/** Where ACS posts a call's events (the call id and its secret are added per call). */
export const CALLBACK_PATH = '/api/calls/callback';

/** A mounted phone line. */
export interface PhoneLine {
  /** The calls in progress (in memory). */
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
  const sessions = new CallSessions(deps.sessions);
  const calls = new WeakMap<CallSession, PhoneCall>();
  const base = acs.publicBaseUrl.replace(/\/+$/, '');
  const cognitiveServicesEndpoint = acs.cognitiveServicesEndpoint;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const expected = acs.incomingSecret ? digest(acs.incomingSecret) : undefined;
  /** True when Event Grid's request carries the configured secret (or none is configured: never in production). */
  const fromEventGrid = (req: Request) =>
    !expected || timingSafeEqual(digest(queryParam(req, 'secret') ?? ''), expected);
  if (!expected) log.warn('phone: ACS_INCOMING_SECRET is not set; POST /api/calls/incoming accepts posts from anyone');

  async function answer(data: Record<string, unknown>): Promise<'answered' | 'skipped' | 'retry' | 'busy'> {
    const incomingCallContext = data.incomingCallContext;
    const caller = incomingCaller(data);
    if (typeof incomingCallContext !== 'string' || !caller) {
      log.warn('phone: an IncomingCall event without a call context or caller was ignored');
      return 'skipped';
    }
    const session = sessions.create(normalizePhone(caller.phone) ?? '');
    if (!session) {
      log.warn({ ringing: sessions.ringingCount, calls: sessions.size }, 'phone: too many calls at once; one refused');
      return 'busy';
    }
    calls.set(
      session,
      new PhoneCall(engine, session, new AcsCallControl(client, session, caller.rawId, engine.voices)),
    );
    const callbackUrl = `${base}${CALLBACK_PATH}/${session.id}?token=${encodeURIComponent(session.secret)}`;
    try {
      const result = await client.answerCall(incomingCallContext, callbackUrl, {
        ...(cognitiveServicesEndpoint ? { callIntelligenceOptions: { cognitiveServicesEndpoint } } : {}),
        operationContext: session.id,
      });
      session.callConnectionId ??= result.callConnectionProperties.callConnectionId;
      // ACS accepted the call context, which only a real incoming call has: never evicted from now on.
      sessions.answered(session);
      log.info({ callId: session.id }, 'phone: call answered');
      return 'answered';
    } catch (err) {
      sessions.delete(session.id);
      const status = (err as { statusCode?: number }).statusCode;
      log.error({ err, status }, 'phone: answering the call failed');
      // A server-side failure may pass: let Event Grid deliver the call again while it still rings.
      return status === undefined || status >= 500 ? 'retry' : 'skipped';
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
    const session = sessions.authorize(pathParam(req, 'callId') ?? '', queryParam(req, 'token'));
    const call = session && calls.get(session);
    if (!session || !call) {
      log.warn('phone: a callback for an unknown call, or without its secret, was refused');
      sendError(res, 'UnknownCall');
      return;
    }
    // Only ACS has the call's secret (it came with our answer), so the call was answered.
    sessions.answered(session);
    const events = await readEvents(req, res);
    if (!events) return;
    for (const event of events) {
      const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
      const connectionId = typeof data.callConnectionId === 'string' ? data.callConnectionId : undefined;
      if (connectionId && session.callConnectionId && connectionId !== session.callConnectionId) {
        log.warn({ callId: session.id }, 'phone: an event for another call connection was ignored');
        continue;
      }
      if (connectionId) session.callConnectionId ??= connectionId;
      const id = typeof event.id === 'string' ? event.id : undefined;
      if (id && session.seen.has(id)) continue;
      if (id) session.seen.add(id);
      if (session.seen.size > 256) session.seen.delete(session.seen.values().next().value!);
      const type = String(event.type ?? '');
      try {
        await sessions.serialize(session, () => applyAcsEvent(call, type, data, log));
      } catch (err) {
        log.error({ err, callId: session.id, type }, 'phone: handling a call event failed');
      }
      if (type === 'Microsoft.Communication.CallDisconnected') sessions.delete(session.id);
    }
    sendJson(res, 200, {});
  });

  const line: PhoneLine = { sessions };
  mounted.set(server, line);
  log.info({ incoming: INCOMING_PATH }, 'phone line mounted (ACS Call Automation)');
  return line;
}
