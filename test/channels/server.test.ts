// HTTP tests: recorded activity shapes posted to /api/messages, replies caught at a loopback serviceUrl.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openMemoryStore } from '../../src/store/index.ts';
import { startConnectorSink, type ConnectorSink } from './connector-sink.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/activities', `${name}.json`), 'utf8'));
const NIGHT = new Date('2027-01-19T22:00:00Z');

let sink: ConnectorSink;
beforeAll(async () => {
  sink = await startConnectorSink();
});
afterAll(async () => {
  await sink.close();
});

async function startApp(env: Record<string, string> = {}): Promise<{ app: App; base: string }> {
  const config = loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-http-')), LOG_LEVEL: 'silent', ...env });
  const app = await buildApp(config, {
    now: () => NIGHT,
    log: createLogger('silent'),
    store: await openMemoryStore({ now: () => NIGHT }),
  });
  const base = await app.listen(0, '127.0.0.1');
  return { app, base };
}

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /api/messages in local mode', () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    ({ app, base } = await startApp());
  });
  afterAll(async () => {
    await app.close();
  });
  afterEach(() => {
    sink.sent.length = 0;
  });

  it.each([
    ['sms', /^Ring 112 nu\./],
    ['webchat', /Ring 112 nu/],
    ['directline', /Call 112 now/],
    ['emulator', /112/],
  ])('%s: the first reply to an emergency says 112 (how fast: npm run bench)', async (name, expected) => {
    const activity = { ...fixture(name), serviceUrl: sink.url };
    const res = await post(base, activity);
    expect(res.status).toBeLessThan(300);
    const first = sink.messages()[0]!;
    expect(first.text).toMatch(expected);
    if (name === 'sms') {
      expect(first.attachments ?? []).toEqual([]);
      expect(first.suggestedActions).toBeUndefined();
    }
    // Bot Framework passes trace activities on to the Emulator only.
    expect(sink.sent.some((s) => s.body.type === 'trace' && s.body.name === 'trygg.decision')).toBe(
      name === 'emulator',
    );
  });

  it('the Arabic emergency is answered in Arabic', async () => {
    await post(base, { ...fixture('emulator'), id: 'ar-1', serviceUrl: sink.url });
    expect(String(sink.messages()[0]!.text)).toMatch(/[\u0600-\u06ff]/);
  });

  it('a redelivered activity is answered once', async () => {
    const activity = { ...fixture('sms'), id: 'SMredelivered', serviceUrl: sink.url };
    await post(base, activity);
    const count = sink.messages().length;
    expect(count).toBeGreaterThan(0);
    const again = await post(base, activity);
    expect(again.status).toBeLessThan(300);
    expect(sink.messages().length).toBe(count);
  });

  it('a message whose turn failed is handled again when the channel redelivers it, and then only once', async () => {
    const activity = {
      ...fixture('webchat'),
      id: 'failed-once',
      conversation: { id: 'conv-failed-once' },
      serviceUrl: sink.url,
    };
    // The connector refuses the first reply (the 112 message) with an error it is not retried on: the turn
    // fails (and the tenant is apologised to).
    sink.failNext(/activities/, 1, 400);
    await post(base, activity);
    const afterFailure = sink.messages().length;
    expect(sink.sent.filter((x) => x.status === 400)).toHaveLength(1);
    // The channel redelivers: this time it is handled, and the tenant gets 112.
    await post(base, activity);
    const redelivered = sink.messages().slice(afterFailure);
    expect(redelivered.some((m) => /Ring 112 nu/.test(String(m.text)))).toBe(true);
    // Handled now: a further redelivery is not answered again.
    const count = sink.messages().length;
    expect((await post(base, activity)).status).toBeLessThan(300);
    expect(sink.messages().length).toBe(count);
  });

  it.each<[string, string | object, number]>([
    ['malformed JSON', '{"type": "message", ', 400],
    ['no activity type', { conversation: { id: 'c' }, serviceUrl: 'http://127.0.0.1:9/', channelId: 'webchat' }, 400],
    ['no conversation', { type: 'message', serviceUrl: 'http://127.0.0.1:9/', channelId: 'webchat', text: 'hej' }, 400],
    ['no serviceUrl', { type: 'message', conversation: { id: 'c' }, channelId: 'webchat', text: 'hej' }, 400],
    ['an array', [1, 2, 3], 400],
    [
      'text that is not a string',
      { type: 'message', conversation: { id: 'c' }, serviceUrl: 'http://127.0.0.1:9/', channelId: 'webchat', text: 42 },
      400,
    ],
  ])('%s → %s with a short reason, and the server keeps serving', async (_label, body, status) => {
    const res = await post(base, body);
    expect(res.status).toBe(status);
    expect((await res.text()).length).toBeGreaterThan(0);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('a body over 256 KB is refused', async () => {
    const res = await post(base, { ...fixture('webchat'), text: 'x'.repeat(300 * 1024), serviceUrl: sink.url });
    expect(res.status).toBe(413);
  });

  it('GET /healthz says ok', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('with a MicrosoftAppId', () => {
  it('an unauthenticated request gets 401', async () => {
    const { app, base } = await startApp({
      MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '00000000-0000-4000-8000-000000000002',
    });
    try {
      const res = await post(base, { ...fixture('webchat'), serviceUrl: sink.url });
      expect(res.status).toBe(401);
      const forged = await post(
        base,
        { ...fixture('webchat'), serviceUrl: sink.url },
        { authorization: 'Bearer not.a.token' },
      );
      expect(forged.status).toBe(401);
      expect(sink.messages()).toHaveLength(0);
      // No local pages without local mode.
      expect((await fetch(`${base}/`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
