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
import type { CallControl, PhoneDeps, Prompt } from './types.ts';
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
  // Sessions in the store, as on the ACS line; the simulator's own record of actions stays in this process
  // (local mode is one instance).
  const sessions = new CallSessions(deps.store, deps.sessions, deps.log);
  const controls = new Map<string, SimulatorControl>();

  /** Runs one step of the call, lets every play finish, and answers with what the bot asked for. */
  async function step(
    res: Response,
    id: string,
    secret: string,
    work: (call: PhoneCall) => Promise<void>,
    answer: { token?: string } = {},
  ): Promise<void> {
    let control = controls.get(id);
    if (!control) controls.set(id, (control = new SimulatorControl(engine.voices)));
    const from = control.actions.length;
    const outcome = await sessions.withCall(
      id,
      secret,
      async (session) => {
        const call = new PhoneCall(engine, session, control);
        await work(call);
        while (control.plays.length) await call.playDone(control.plays.shift());
      },
      { answered: true },
    );
    if (!outcome.found) {
      controls.delete(id);
      sendError(res, 'NoCall');
      return;
    }
    const { session } = outcome;
    if (session.stage === 'ended') {
      controls.delete(id);
      await sessions.delete(id);
    }
    sendJson(res, 200, {
      id,
      ...answer,
      stage: session.stage,
      lang: session.lang,
      actions: control.actions.slice(from),
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
    const created = await sessions.create(caller);
    if (!created) {
      sendError(res, 'LineBusy');
      return;
    }
    // The simulator connects at once: there is no answer to wait for.
    const { id } = created.session;
    await step(res, id, created.secret, (call) => call.start(), { token: created.secret });
  });

  server.post('/phone/api/calls/:id/input', async (req: Request, res: Response) => {
    const body = await readBody(req, res);
    if (!body) return;
    const kind = String(body.kind ?? '');
    const value = typeof body.value === 'string' ? body.value : '';
    const id = pathParam(req, 'id') ?? '';
    const token = typeof body.token === 'string' ? body.token : '';
    if (!INPUT_KINDS.has(kind)) {
      // An unknown call first: the kind of a call that does not exist does not matter.
      if (!(await sessions.withCall(id, token, async () => {})).found) sendError(res, 'NoCall');
      else sendError(res, 'BadInput', `kind must be one of ${[...INPUT_KINDS].join(', ')}`);
      return;
    }
    await step(res, id, token, async (call) => {
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
