/**
 * The local phone simulator: plays the part of ACS on one machine (local mode only). The page at `/phone`
 * rings the bot, sends what the caller says (typed or the browser's speech recognition) or presses, speaks
 * the replies with the browser's speech synthesis, and shows the SSML and the actions the bot asked for.
 * JSON API, driving the same call engine and VoiceAdapter as the ACS line:
 * - `POST /phone/api/calls` `{ caller? }` → `{ id, token, stage, lang, actions }` (the call is connected)
 * - `POST /phone/api/calls/:id/input` `{ token, kind, value? }` → `{ id, stage, lang, actions }`, where kind is
 *   `speech` | `dtmf` | `silence` | `unclear` | `hangup` | `transferAccepted` | `transferFailed`.
 * A play counts as heard at once; a transfer waits for `transferAccepted` or `transferFailed`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import { normalizePhone } from '../../store/index.ts';
import { PhoneCall } from './call.ts';
import { HttpError } from '../../errors.ts';
import { asEventList, pathParam, readJson, sendError, sendJson } from './http.ts';
import { callDeps } from './line.ts';
import { CallSessions } from './sessions.ts';
import { localeOf, type Voices } from './speech.ts';
import type { CallControl, CallSession, PhoneDeps, Prompt } from './types.ts';
import { VoiceAdapter } from './voice-adapter.ts';

/** What the bot asked the telephony side to do, as the simulator shows it. */
export interface SimulatorAction {
  type: 'listen' | 'say' | 'transfer' | 'hangUp';
  context?: string;
  text?: string;
  ssml?: string;
  lang?: string;
  /** BCP 47 locale the caller is listened to in (listen) or spoken to in. */
  locale?: string;
  /** Transfer target. */
  to?: string;
}

/** Records the engine's requests instead of calling ACS. */
class SimulatorControl implements CallControl {
  readonly actions: SimulatorAction[] = [];
  readonly plays: string[] = [];
  private readonly voices: Voices;

  constructor(voices: Voices) {
    this.voices = voices;
  }

  private spoken(type: 'listen' | 'say', prompt: Prompt, context: string): SimulatorAction {
    return {
      type,
      context,
      text: prompt.text,
      ssml: prompt.ssml,
      lang: prompt.lang,
      locale: localeOf(prompt.lang, this.voices),
    };
  }

  async listen(prompt: Prompt, context: string): Promise<void> {
    this.actions.push(this.spoken('listen', prompt, context));
  }

  async say(prompt: Prompt, context: string): Promise<void> {
    this.actions.push(this.spoken('say', prompt, context));
    this.plays.push(context);
  }

  async transfer(phone: string, context: string): Promise<void> {
    this.actions.push({ type: 'transfer', to: phone, context });
  }

  async hangUp(): Promise<void> {
    this.actions.push({ type: 'hangUp' });
  }
}

const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));
const PAGES: Record<string, { file: string; type: string }> = {
  '/phone': { file: 'phone.html', type: 'text/html; charset=utf-8' },
  '/phone/phone.js': { file: 'phone.js', type: 'text/javascript; charset=utf-8' },
  '/phone/phone.css': { file: 'phone.css', type: 'text/css; charset=utf-8' },
};
// Scripts from this server only; the browser's own speech APIs need nothing else.
const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The simulator's caller: a number from the Swedish regulator's range for fiction (070-174 06 05…99). */
export const SIMULATOR_CALLER = '+46701740605';

const INPUT_KINDS = new Set(['speech', 'dtmf', 'silence', 'unclear', 'hangup', 'transferAccepted', 'transferFailed']);

const mounted = new WeakMap<Server, { sessions: CallSessions }>();

/**
 * Mounts `/phone` and its JSON API. Local mode only: refuses (and mounts nothing) otherwise. Mounting twice
 * on one server returns the first simulator.
 */
export function mountPhoneSimulator(server: Server, deps: PhoneDeps): { sessions: CallSessions } | undefined {
  if (!deps.config.localMode || deps.config.production) {
    deps.log.warn('phone simulator: local mode only; not mounted');
    return undefined;
  }
  const existing = mounted.get(server);
  if (existing) return existing;
  const adapter = new VoiceAdapter();
  const engine = callDeps(deps, adapter);
  const sessions = new CallSessions(deps.sessions);
  const calls = new WeakMap<CallSession, { call: PhoneCall; control: SimulatorControl }>();

  /** Runs one step of the call, lets every play finish, and answers with what the bot asked for. */
  async function step(
    res: Response,
    session: CallSession,
    work: (call: PhoneCall) => Promise<void>,
    token?: string,
  ): Promise<void> {
    const entry = calls.get(session)!;
    const from = entry.control.actions.length;
    await sessions.serialize(session, async () => {
      await work(entry.call);
      while (entry.control.plays.length) await entry.call.playDone(entry.control.plays.shift());
    });
    if (session.stage === 'ended') sessions.delete(session.id);
    sendJson(res, 200, {
      id: session.id,
      ...(token ? { token } : {}),
      stage: session.stage,
      lang: session.lang,
      actions: entry.control.actions.slice(from),
    });
  }

  /** The body's one JSON object, or undefined after answering 400 for a body that is not JSON. */
  async function readBody(req: Request, res: Response): Promise<Record<string, unknown> | undefined> {
    try {
      return asEventList(await readJson(req))[0] ?? {};
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      sendError(res, err.code === 'InvalidJson' ? 'BadInput' : err.code, err.message);
      return undefined;
    }
  }

  server.post('/phone/api/calls', async (req: Request, res: Response) => {
    const body = await readBody(req, res);
    if (!body) return;
    const raw = typeof body.caller === 'string' && body.caller.trim() ? body.caller : SIMULATOR_CALLER;
    const caller = raw === 'anonymous' ? '' : normalizePhone(raw);
    if (caller === undefined) {
      sendError(res, 'BadCaller');
      return;
    }
    const session = sessions.create(caller);
    if (!session) {
      sendError(res, 'LineBusy');
      return;
    }
    // The simulator connects at once: there is no answer to wait for.
    sessions.answered(session);
    const control = new SimulatorControl(engine.voices);
    calls.set(session, { call: new PhoneCall(engine, session, control), control });
    await step(res, session, (call) => call.start(), session.secret);
  });

  server.post('/phone/api/calls/:id/input', async (req: Request, res: Response) => {
    const body = await readBody(req, res);
    if (!body) return;
    const session = sessions.authorize(
      pathParam(req, 'id') ?? '',
      typeof body.token === 'string' ? body.token : undefined,
    );
    if (!session || !calls.has(session)) {
      sendError(res, 'NoCall');
      return;
    }
    const kind = String(body.kind ?? '');
    const value = typeof body.value === 'string' ? body.value : '';
    if (!INPUT_KINDS.has(kind)) {
      sendError(res, 'BadInput', `kind must be one of ${[...INPUT_KINDS].join(', ')}`);
      return;
    }
    await step(res, session, async (call) => {
      if (kind === 'speech' || kind === 'dtmf') await call.input(kind === 'dtmf' ? 'dtmf' : 'typed', value);
      else if (kind === 'silence' || kind === 'unclear') await call.noAnswer(kind);
      else if (kind === 'hangup') await call.disconnected();
      else if (kind === 'transferAccepted') await call.transferAccepted();
      else await call.transferFailed();
    });
  });

  for (const [path, page] of Object.entries(PAGES)) {
    server.get(path, async (_req: Request, res: Response) => {
      const file = `${STATIC_DIR}${page.file}`;
      const size = (await stat(file)).size;
      res.writeHead(200, {
        'Content-Type': page.type,
        'Content-Length': size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...(page.type.startsWith('text/html') ? { 'Content-Security-Policy': PAGE_POLICY } : {}),
      });
      createReadStream(file).pipe(res);
    });
  }
  deps.log.info({ url: '/phone' }, 'phone simulator mounted (local mode)');
  const simulator = { sessions };
  mounted.set(server, simulator);
  return simulator;
}
