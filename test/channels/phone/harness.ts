/**
 * The phone line under test: the whole app (buildApp, in-memory store, fixed clock) on 127.0.0.1 with the
 * phone line (and, in local mode, the simulator) exactly as the app wires them: the app's own bot, store,
 * staff side and logger, so a wiring mistake fails a test. ACS's REST API is under nock at a fake https host,
 * and the recorded payloads in test/fixtures/acs are posted as Event Grid and Call Automation would post them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import nock from 'nock';
import { buildApp, type App, type AppOptions } from '../../../src/app.ts';
import type { PhoneLine } from '../../../src/channels/phone/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { DEFAULT_POLICY_FILE } from '../../../src/routing/policy.ts';
import { openMemoryStore } from '../../../src/store/index.ts';

/** A fake ACS resource: nock answers for it; nothing reaches a real address. */
export const ACS_ENDPOINT = 'https://trygg-test.communication.azure.com';
export const PUBLIC_BASE_URL = 'https://trygg.example.test';
export const ACS_ENV = {
  ACS_CONNECTION_STRING: `endpoint=${ACS_ENDPOINT}/;accesskey=${Buffer.from('not-a-real-acs-key-for-tests-only').toString('base64')}`,
  PUBLIC_BASE_URL,
  ACS_COGNITIVE_SERVICES_ENDPOINT: 'https://trygg-test-speech.cognitiveservices.azure.com/',
};
/** The caller in the fixtures (fiction range), and the call connection id ACS gives. */
export const CALLER = '+46701740605';
export const CALL_CONNECTION_ID = '401f3500-62bd-46a9-8c09-9e1b06caca01';
export const CALL_PATH = `/calling/callConnections/${CALL_CONNECTION_ID}`;

/** '2027-01-19 23:00' read as Europe/Stockholm wall-clock time. */
export const local = (s: string) => DateTime.fromISO(s.replace(' ', 'T'), { zone: 'Europe/Stockholm' }).toJSDate();

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/acs');
export const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));

/** A recorded callback event with a fresh id and `data` fields changed. */
export function event(name: string, data: Record<string, unknown> = {}): Record<string, unknown>[] {
  const [first] = fixture(name) as Record<string, unknown>[];
  return [{ ...first, id: randomUUID(), data: { ...(first!.data as object), ...data } }];
}

/** A policy file: the shipped default with `phone.emergencyAction` changed. */
export function policyWith(emergencyAction: 'tellToDial' | 'transfer'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trygg-policy-'));
  const file = path.join(dir, 'policy.yaml');
  writeFileSync(
    file,
    readFileSync(DEFAULT_POLICY_FILE, 'utf8').replace(/emergencyAction: \w+/, `emergencyAction: ${emergencyAction}`),
  );
  return file;
}

export interface PhoneApp {
  app: App;
  base: string;
  /** The app's ACS line (undefined when ACS is not configured). */
  line: PhoneLine | undefined;
  clock: { now: Date };
  /** Posts to a path of the app. */
  post(pathAndQuery: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The app with the phone line (ACS configured unless `acs: false`) and, in local mode (no MicrosoftAppId in
 * `env`), the simulator at /phone, both mounted by the app itself.
 */
export async function startPhoneApp(options: {
  at: Date;
  env?: Record<string, string>;
  acs?: boolean;
  acsTimeoutMs?: number;
  sessions?: NonNullable<AppOptions['phone']>['sessions'];
}): Promise<PhoneApp> {
  const clock = { now: options.at };
  const now = () => clock.now;
  const log = createLogger(process.env.PHONE_TEST_LOG ?? 'silent');
  const config = loadConfig({
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-phone-')),
    LOG_LEVEL: 'silent',
    ...(options.acs === false ? {} : ACS_ENV),
    ...options.env,
  });
  const app = await buildApp(config, {
    store: await openMemoryStore(),
    now,
    log,
    phone: {
      ...(options.acsTimeoutMs ? { acsTimeoutMs: options.acsTimeoutMs } : {}),
      ...(options.sessions ? { sessions: options.sessions } : {}),
    },
  });
  const base = await app.listen(0, '127.0.0.1');
  return {
    app,
    base,
    line: app.phone.line,
    clock,
    post: (pathAndQuery, body, headers = {}) =>
      fetch(`${base}${pathAndQuery}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    close: () => app.close(),
  };
}

/** Request bodies nock saw, by REST path. */
export type Seen = { path: string; body: Record<string, unknown> }[];

/** ACS's answer endpoint under nock; records the request (the callback URL is in it). */
export function nockAnswer(seen: Seen, status = 200, times = 1): nock.Scope {
  return nock(ACS_ENDPOINT)
    .post('/calling/callConnections:answer', (body) => {
      seen.push({ path: 'answer', body });
      return true;
    })
    .query(true)
    .times(times)
    .reply(
      status,
      status < 300
        ? (fixture('answer-response') as nock.Body)
        : { error: { code: 'ServiceUnavailable', message: 'try again' } },
    );
}

/**
 * One mid-call request (`:recognize`, `:play`, `:transferToParticipant`, `:terminate`) under nock; `times`
 * for a failure the client retries (DEFAULT_ACS_CLIENT_OPTIONS: 1 + 2 retries).
 */
export function nockAction(
  seen: Seen,
  action: 'recognize' | 'play' | 'transferToParticipant' | 'terminate',
  status = 202,
  times = 1,
): nock.Scope {
  return nock(ACS_ENDPOINT)
    .post(`${CALL_PATH}:${action}`, (body) => {
      seen.push({ path: action, body });
      return true;
    })
    .query(true)
    .times(times)
    .reply(
      status,
      status < 300
        ? action === 'transferToParticipant'
          ? { operationContext: 'transfer' }
          : {}
        : { error: { code: 'InternalServerError', message: 'ACS failed' } },
    );
}

/** The SSML of the prompt a `:recognize` or `:play` request carried. */
export function ssmlOf(body: Record<string, unknown>): string {
  const prompts = (body.playPrompts ?? body.playSources) as { ssml?: { ssmlText?: string } }[] | undefined;
  return prompts?.map((p) => p.ssml?.ssmlText ?? '').join('') ?? '';
}

/** The callback path and query ACS was given when the call was answered. */
export function callbackPath(seen: Seen): string {
  const answer = seen.find((s) => s.path === 'answer');
  if (!answer) throw new Error('the call was not answered');
  const url = new URL(String(answer.body.callbackUri));
  return `${url.pathname}${url.search}`;
}

/** Answers an incoming call and connects it: the greeting and language menu are requested. */
export async function ringAndConnect(phone: PhoneApp, seen: Seen): Promise<string> {
  const answer = nockAnswer(seen);
  const res = await phone.post('/api/calls/incoming', fixture('eventgrid-incoming-call'));
  if (res.status !== 200) throw new Error(`incoming call: ${res.status}`);
  answer.done();
  const callback = callbackPath(seen);
  const menu = nockAction(seen, 'recognize');
  await phone.post(callback, event('call-connected'));
  menu.done();
  return callback;
}

/** Posts a callback event and asserts it was accepted. */
export async function callback(phone: PhoneApp, pathAndQuery: string, body: unknown): Promise<void> {
  const res = await phone.post(pathAndQuery, body);
  if (res.status !== 200) throw new Error(`callback: ${res.status} ${await res.text()}`);
}

export const said = (text: string) =>
  event('recognize-completed-speech', { speechResult: { speech: text, confidence: 0.9 } });
export const pressed = (tone: string) => event('recognize-completed-dtmf', { dtmfResult: { tones: [tone] } });

/** Calls the line holds (ringing and answered, in the store). */
export async function callCount(phone: PhoneApp): Promise<number> {
  const n = await phone.line!.sessions.count();
  return n.ringing + n.answered;
}
