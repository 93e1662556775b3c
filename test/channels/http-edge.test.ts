// The HTTP edge (issue 19, the Low findings): every error answer from the one catalogue, nothing detailed
// before authentication in production, and Node's HTTP timeouts set explicitly.
import { mkdtempSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { CloudAdapter } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { buildServer, closeServer, HTTP_TIMEOUTS } from '../../src/channels/server.ts';
import { loadConfig } from '../../src/config.ts';
import { ERRORS } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import { openMemoryStore } from '../../src/store/index.ts';

const PROD = {
  NODE_ENV: 'production',
  AUDIT_HMAC_KEY: 'edge-test-audit-key-0123456789abcdef0123',
  MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
  MicrosoftAppPassword: 'secret-from-the-environment',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '00000000-0000-4000-8000-000000000002',
};

/** A logger whose JSON lines are kept. */
function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: createLogger('info', sink as never), lines };
}

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(env: Record<string, string>, log = createLogger('silent')): Promise<string> {
  app = await buildApp(loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-edge-')), ...env }), {
    log,
    store: await openMemoryStore(),
  });
  return app.listen(0, '127.0.0.1');
}

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('production: nothing detailed before authentication', () => {
  it('a bad activity gets the catalogue’s generic 400; the reason goes to the log', async () => {
    const { log, lines } = capture();
    const base = await start(PROD, log);
    const res = await postJson(`${base}/api/messages`, {
      type: 'message',
      channelId: 'webchat',
      serviceUrl: 'https://webchat.botframework.com/',
      text: 'hej',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'BadActivity', message: ERRORS.BadActivity.message });
    expect(lines.join('\n')).toContain('the activity has no conversation id');
  });

  it('a serviceUrl outside Bot Framework is refused without saying so', async () => {
    const base = await start(PROD);
    const res = await postJson(`${base}/api/messages`, {
      type: 'message',
      channelId: 'webchat',
      conversation: { id: 'c' },
      serviceUrl: 'https://trygg-evil.trafficmanager.net/emea/',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).not.toMatch(/serviceUrl|Bot Framework host/);
  });

  it('an unauthenticated activity gets the catalogue’s 401, not botbuilder’s reason', async () => {
    const base = await start(PROD);
    const res = await postJson(
      `${base}/api/messages`,
      {
        type: 'message',
        channelId: 'webchat',
        conversation: { id: 'c' },
        serviceUrl: 'https://webchat.botframework.com/',
      },
      { authorization: 'Bearer not.a.token' },
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Unauthorized', message: ERRORS.Unauthorized.message });
  });
});

describe('errors restify raises itself come from the catalogue', () => {
  it('an unknown route (404) and a wrong method (405) answer JSON, whatever the client accepts', async () => {
    const base = await start({});
    const missing = await fetch(`${base}/no/such/route`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await missing.json()).toEqual({ error: 'NotFound', message: ERRORS.NotFound.message });
    const wrong = await fetch(`${base}/api/messages`);
    expect(wrong.status).toBe(405);
    expect(await wrong.json()).toEqual({ error: 'MethodNotAllowed', message: ERRORS.MethodNotAllowed.message });
  });

  it('the phone simulator and the local Direct Line shim answer from it too', async () => {
    const base = await start({});
    const noCall = await postJson(`${base}/phone/api/calls/nope/input`, { token: 'x', kind: 'speech' });
    expect(noCall.status).toBe(404);
    expect(await noCall.json()).toEqual({ error: 'NoCall', message: ERRORS.NoCall.message });
    const badJson = await fetch(`${base}/phone/api/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"caller": ',
    });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error).toBe('InvalidJson');
    // Direct Line's shape, the catalogue's codes.
    const token = await fetch(`${base}/v3/directline/tokens/refresh`, { method: 'POST' });
    expect(token.status).toBe(ERRORS.TokenInvalid.status);
    expect((await token.json()).error.code).toBe('TokenInvalid');
  });
});

describe("Node's HTTP timeouts", () => {
  it('are set on the server the app builds', async () => {
    await start({});
    const http = app!.server.server;
    expect(http.headersTimeout).toBe(HTTP_TIMEOUTS.headersMs);
    expect(http.requestTimeout).toBe(HTTP_TIMEOUTS.requestMs);
    expect(http.keepAliveTimeout).toBe(HTTP_TIMEOUTS.keepAliveMs);
    expect(HTTP_TIMEOUTS.headersMs).toBeLessThan(HTTP_TIMEOUTS.requestMs);
  });

  it('a client that never finishes its headers, or its body, is cut off (and told so from the catalogue)', async () => {
    const server = buildServer({
      adapter: {} as CloudAdapter,
      bot: { run: async () => undefined },
      log: createLogger('silent'),
      ready: () => true,
      timeouts: { headersMs: 300, requestMs: 600, checkIntervalMs: 50 },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as { port: number };
    /**
     * Sends `data` from a child process (nock's socket interceptor in this one would hold a half request
     * back), then waits for the server to answer and close the connection; resolves with what it said.
     */
    const slowClient = (data: string) =>
      new Promise<string>((resolve, reject) => {
        const script = `
          const socket = require('node:net').connect(${port}, '127.0.0.1', () => socket.write(${JSON.stringify(data)}));
          let answer = '';
          socket.on('data', (c) => (answer += c));
          socket.on('close', () => process.stdout.write(answer));
          // A deadline far beyond the timeouts, so a hang fails the test rather than the run.
          setTimeout(() => process.exit(3), 10_000).unref();`;
        execFile(process.execPath, ['-e', script], (err, stdout) => (err ? reject(err) : resolve(stdout)));
      });
    try {
      const headers = await slowClient('POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      expect(headers).toMatch(/^HTTP\/1\.1 408/);
      // Even Node's own refusals answer from the catalogue.
      expect(headers).toContain(JSON.stringify({ error: 'RequestTimeout', message: ERRORS.RequestTimeout.message }));
      const body = await slowClient(
        'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ty',
      );
      expect(body).toMatch(/^HTTP\/1\.1 408/);
      const garbage = await slowClient('NOT HTTP AT ALL\r\n\r\n');
      expect(garbage).toMatch(/^HTTP\/1\.1 400/);
      expect(garbage).toContain('"error":"BadRequest"');
    } finally {
      await closeServer(server);
    }
  });
});
