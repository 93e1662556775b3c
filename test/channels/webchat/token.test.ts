// The web chat's token endpoint in Bot Framework mode, against a Direct Line answered by nock: the secret goes to
// Direct Line's European endpoint and nowhere else (no answer, no header, no log line); only allowed origins get a
// token and CORS headers; a client address gets WEBCHAT_TOKENS_PER_MINUTE tokens a minute; Direct Line failing,
// refusing the secret or hanging past the deadline is a 503.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/app.ts';
import { DIRECT_LINE_TIMEOUT_MS } from '../../../src/channels/webchat/index.ts';
import { EU_DIRECT_LINE_ENDPOINT, loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { openMemoryStore } from '../../../src/store/index.ts';

const SECRET = 'DL-SECRET-aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z';
const SITE = 'https://www.mkb.se';
const DIRECT_LINE = 'https://europe.directline.botframework.com';
// 15 s into a minute: a refused client is told to come back in 45 s.
const NOW = new Date('2027-01-19T22:00:15Z');

const seen: string[] = []; // every answer (status line, headers, body) and every log line of this file
const logLines: string[] = [];

async function startApp(env: Record<string, string> = {}, timeoutMs?: number): Promise<{ app: App; base: string }> {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      seen.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-webchat-')),
    MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
    MicrosoftAppPassword: 'bot-password',
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: '00000000-0000-4000-8000-000000000002',
    DIRECT_LINE_SECRET: SECRET,
    WEBCHAT_ALLOWED_ORIGINS: `${SITE}, https://hyresgast.mkb.se/`,
    ...env,
  });
  const app = await buildApp(config, {
    now: () => NOW,
    log: createLogger('trace', sink),
    store: await openMemoryStore(),
    ...(timeoutMs ? { webchat: { timeoutMs } } : {}),
  });
  return { app, base: await app.listen(0, '127.0.0.1') };
}

async function post(url: string, headers: Record<string, string> = {}, method = 'POST') {
  const res = await fetch(url, { method, headers });
  const text = await res.text();
  const lines: string[] = [];
  res.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  seen.push(`${res.status} ${lines.join('\n')} ${text}`);
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

let app: App;
let base: string;
beforeAll(async () => {
  ({ app, base } = await startApp());
});
afterAll(async () => {
  await app.close();
  // Checked last, over everything this file saw: answers, headers and log lines.
  expect(seen.length).toBeGreaterThan(20);
  expect(seen.filter((s) => s.includes(SECRET))).toEqual([]);
});
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
});

describe('POST /api/webchat/token', () => {
  it('exchanges the secret at the European endpoint for a token bound to a dl_ user and the page origin', async () => {
    expect(EU_DIRECT_LINE_ENDPOINT).toBe(`${DIRECT_LINE}/v3/directline`);
    let sent: { user: { id: string }; trustedOrigins: string[] } | undefined;
    const scope = nock(DIRECT_LINE)
      .post('/v3/directline/tokens/generate', (body) => ((sent = body), true))
      .matchHeader('authorization', `Bearer ${SECRET}`)
      .reply(200, { conversationId: 'conv-1', token: 'dl-token-1', expires_in: 3600 });
    const res = await post(`${base}/api/webchat/token`, { Origin: SITE });
    expect(res.status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(sent?.user.id).toMatch(/^dl_[0-9a-f]{32}$/); // 128 random bits
    expect(sent?.trustedOrigins).toEqual([SITE]);
    expect(res.body).toEqual({
      token: 'dl-token-1',
      conversationId: 'conv-1',
      expiresIn: 3600,
      userId: sent?.user.id,
      domain: EU_DIRECT_LINE_ENDPOINT,
      webSocket: true,
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('gives every visitor a new user id', async () => {
    const ids: string[] = [];
    nock(DIRECT_LINE)
      .post('/v3/directline/tokens/generate', (body: { user: { id: string } }) => (ids.push(body.user.id), true))
      .times(2)
      .reply(200, { conversationId: 'c', token: 't', expires_in: 3600 });
    await post(`${base}/api/webchat/token`, { Origin: 'https://hyresgast.mkb.se' });
    await post(`${base}/api/webchat/token`, { Origin: SITE });
    expect(new Set(ids).size).toBe(2);
  });

  it.each([
    ['another origin', { Origin: 'http://127.0.0.2:8080' }],
    ['an allowed host over http', { Origin: 'http://www.mkb.se' }],
    ['an allowed origin with a path glued on', { Origin: `${SITE}.127.0.0.2.nip.io` }],
    ['no Origin', {}],
  ])('refuses %s with 403, without CORS headers and without asking Direct Line', async (_name, headers) => {
    const scope = nock(DIRECT_LINE).post('/v3/directline/tokens/generate').reply(200, {});
    const res = await post(`${base}/api/webchat/token`, headers);
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('OriginNotAllowed');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(scope.isDone()).toBe(false);
    nock.cleanAll();
  });

  it('answers the CORS preflight for allowed origins only', async () => {
    const ok = await post(
      `${base}/api/webchat/token/refresh`,
      { Origin: SITE, 'Access-Control-Request-Method': 'POST' },
      'OPTIONS',
    );
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const refused = await post(`${base}/api/webchat/token`, { Origin: 'http://127.0.0.2:8080' }, 'OPTIONS');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a wrong secret is a 503 for the visitor and an error for the operator naming the variable, not its value', async () => {
    nock(DIRECT_LINE)
      .post('/v3/directline/tokens/generate')
      // Direct Line's error body is not passed on, even when it quotes what it was sent.
      .reply(403, { error: { code: 'BadArgument', message: `Invalid secret ${SECRET}` } });
    const before = logLines.length;
    const res = await post(`${base}/api/webchat/token`, { Origin: SITE });
    expect(res.status).toBe(503);
    expect(res.body.error).toBe('DirectLineUnavailable');
    const errors = logLines.slice(before).filter((l) => JSON.parse(l).level >= 50);
    expect(errors.join('')).toMatch(/DIRECT_LINE_SECRET/);
  });

  it.each([
    ['a 500', 500],
    ['a 429', 429],
    ['a 200 without a token', 200],
  ])('Direct Line answering %s is a 503', async (_name, status) => {
    nock(DIRECT_LINE).post('/v3/directline/tokens/generate').reply(status, { echo: SECRET });
    const res = await post(`${base}/api/webchat/token`, { Origin: SITE });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
  });

  it('Direct Line hanging past the deadline is a 503 within it', async () => {
    expect(DIRECT_LINE_TIMEOUT_MS).toBe(5_000);
    const hurried = await startApp({}, 300);
    try {
      // A reply function that answers late holds back the headers, like a slow server (nock's `.delay()` holds
      // back only the body).
      const slow = () =>
        new Promise<[number, unknown]>((resolve) =>
          setTimeout(() => resolve([200, { token: 't', conversationId: 'c' }]), 1_500),
        );
      const scope = nock(DIRECT_LINE).post('/v3/directline/tokens/generate').reply(slow);
      const started = Date.now();
      const res = await post(`${hurried.base}/api/webchat/token`, { Origin: SITE });
      expect(res.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(1_400); // this app's deadline is 300 ms; the answer comes at 1.5 s
      expect(scope.isDone()).toBe(true);
      expect(logLines.some((l) => /did not answer within 300 ms/.test(l))).toBe(true);
    } finally {
      await hurried.app.close();
    }
  });
});

describe('POST /api/webchat/token/refresh', () => {
  it('refreshes through Direct Line with the token, not the secret', async () => {
    const scope = nock(DIRECT_LINE)
      .post('/v3/directline/tokens/refresh')
      .matchHeader('authorization', 'Bearer dl-token-1')
      .reply(200, { conversationId: 'conv-1', token: 'dl-token-2', expires_in: 3600 });
    const res = await post(`${base}/api/webchat/token/refresh`, { Origin: SITE, Authorization: 'Bearer dl-token-1' });
    expect(scope.isDone()).toBe(true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token: 'dl-token-2', conversationId: 'conv-1', expiresIn: 3600 });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('an expired token is a 403 (the widget starts over); no token is a 401', async () => {
    nock(DIRECT_LINE).post('/v3/directline/tokens/refresh').reply(403, {});
    const expired = await post(`${base}/api/webchat/token/refresh`, { Origin: SITE, Authorization: 'Bearer old' });
    expect(expired.status).toBe(403);
    expect(expired.body.error).toBe('TokenExpired');
    const missing = await post(`${base}/api/webchat/token/refresh`, { Origin: SITE });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toBe('NoToken');
    const refused = await post(`${base}/api/webchat/token/refresh`, {
      Origin: 'http://127.0.0.2:1',
      Authorization: 'Bearer x',
    });
    expect(refused.status).toBe(403);
  });
});

describe('the rate limit', () => {
  it('hands out WEBCHAT_TOKENS_PER_MINUTE tokens per client address, then 429 with Retry-After', async () => {
    const limited = await startApp({ WEBCHAT_TOKENS_PER_MINUTE: '2' });
    try {
      const scope = nock(DIRECT_LINE)
        .post('/v3/directline/tokens/generate')
        .times(2)
        .reply(200, { conversationId: 'c', token: 't', expires_in: 3600 });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push(await post(`${limited.base}/api/webchat/token`, { Origin: SITE }));
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(scope.isDone()).toBe(true);
      expect(statuses[2]!.headers.get('retry-after')).toBe('45');
      // The page may read Retry-After (it says when to try again).
      expect(statuses[2]!.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    } finally {
      await limited.app.close();
    }
  });

  it('behind a trusted proxy, counts the address the proxy saw, whatever the client wrote before it', async () => {
    const proxied = await startApp({ WEBCHAT_TOKENS_PER_MINUTE: '1', TRUSTED_PROXY_HOPS: '1' });
    try {
      nock(DIRECT_LINE)
        .post('/v3/directline/tokens/generate')
        .times(2)
        .reply(200, { conversationId: 'c', token: 't', expires_in: 3600 });
      const ask = (forwarded: string) =>
        post(`${proxied.base}/api/webchat/token`, { Origin: SITE, 'X-Forwarded-For': forwarded });
      expect((await ask('127.0.0.3')).status).toBe(200);
      expect((await ask('127.0.0.4')).status).toBe(200); // another visitor
      expect((await ask('127.0.0.99, 127.0.0.3')).status).toBe(429); // the first one again, with a forged entry
    } finally {
      await proxied.app.close();
    }
  });
});

describe('in production', () => {
  it('serves the widget and tokens for the allowed origins, but no demo page and nothing for loopback pages', async () => {
    const prod = await startApp({
      NODE_ENV: 'production',
      AUDIT_HMAC_KEY: 'production-test-audit-key-0123456789abcdef',
    });
    try {
      expect((await fetch(`${prod.base}/webchat/embed.js`)).status).toBe(200);
      expect((await fetch(`${prod.base}/webchat/demo`)).status).toBe(404);
      expect((await post(`${prod.base}/api/webchat/token`, { Origin: 'http://127.0.0.1:3978' })).status).toBe(403);
      nock(DIRECT_LINE)
        .post('/v3/directline/tokens/generate')
        .matchHeader('authorization', `Bearer ${SECRET}`)
        .reply(200, { conversationId: 'c', token: 't', expires_in: 3600 });
      expect((await post(`${prod.base}/api/webchat/token`, { Origin: SITE })).status).toBe(200);
    } finally {
      await prod.app.close();
    }
  });
});

describe('without DIRECT_LINE_SECRET (Bot Framework mode)', () => {
  it('the web chat is off: no token route, no widget', async () => {
    const off = await startApp({ DIRECT_LINE_SECRET: '', WEBCHAT_ALLOWED_ORIGINS: '' });
    try {
      expect((await post(`${off.base}/api/webchat/token`, { Origin: SITE })).status).toBe(404);
      expect((await fetch(`${off.base}/webchat/embed.js`)).status).toBe(404);
      expect((await fetch(`${off.base}/webchat/demo`)).status).toBe(404);
    } finally {
      await off.app.close();
    }
  });
});
