/**
 * /staff outside local mode, in Chromium, against a local OpenID provider (oidc-provider on 127.0.0.1, its
 * development login form): the authorization code flow with PKCE (the provider requires it), then only the
 * allowed tenant and the staff app role get in. /metrics with METRICS_TOKEN as Bearer.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { CHROMIUM, hasChromium, launchChromium, titled, warnIfNoChromium } from '../../helpers/chromium.ts';

warnIfNoChromium('sign-in.browser.test.ts');

const TENANT = '11111111-2222-4333-8444-555555555555';
/** Who signs in at the provider's form: the login names an account. */
const ACCOUNTS: Record<string, { tid: string; roles: string[]; name: string }> = {
  anna: { tid: TENANT, roles: ['Trygg.Staff'], name: 'Anna Lilja' },
  guest: { tid: '99999999-2222-4333-8444-555555555555', roles: ['Trygg.Staff'], name: 'Mallory Guest' },
  visitor: { tid: TENANT, roles: [], name: 'Vera Visitor' },
};

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe.skipIf(!hasChromium)(titled(`/staff sign-in with OpenID Connect (needs ${CHROMIUM})`), () => {
  let app: App;
  let base: string;
  let issuerServer: Server;
  let browser: Browser;
  const authorizations: URLSearchParams[] = [];

  beforeAll(async () => {
    const issuerPort = await freePort();
    const appPort = await freePort();
    const issuer = `http://127.0.0.1:${issuerPort}`;
    base = `http://127.0.0.1:${appPort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'trygg-staff',
          client_secret: 'a-client-secret-for-tests-only',
          redirect_uris: [`${base}/staff/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      pkce: { required: () => true },
      scopes: ['openid', 'profile'],
      claims: { openid: ['sub'], profile: ['name', 'tid', 'roles', 'oid'] },
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: true } },
      async findAccount(_ctx, id) {
        const account = ACCOUNTS[id] ?? { tid: 'nobody', roles: [], name: id };
        return { accountId: id, claims: async () => ({ sub: id, oid: `oid-${id}`, ...account }) };
      },
      async loadExistingGrant(ctx) {
        const grant = new ctx.oidc.provider.Grant({
          clientId: ctx.oidc.client!.clientId,
          accountId: ctx.oidc.session!.accountId!,
        });
        grant.addOIDCScope('openid profile');
        await grant.save();
        return grant;
      },
    });
    const callback = provider.callback();
    issuerServer = createServer((req, res) => {
      if (req.url?.startsWith('/auth?')) authorizations.push(new URL(req.url, issuer).searchParams);
      callback(req, res);
    });
    await new Promise<void>((r) => issuerServer.listen(issuerPort, '127.0.0.1', r));
    const config = loadConfig({
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-signin-')),
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
      MicrosoftAppPassword: 'bot-secret',
      MicrosoftAppType: 'MultiTenant',
      TEAMS_ALLOWED_TENANT_ID: TENANT,
      PUBLIC_BASE_URL: base,
      STAFF_OIDC_ISSUER: issuer,
      STAFF_OIDC_CLIENT_ID: 'trygg-staff',
      STAFF_OIDC_CLIENT_SECRET: 'a-client-secret-for-tests-only',
      STAFF_SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
      METRICS_TOKEN: 'metrics-token-for-tests',
    });
    app = await buildApp(config, { log: createLogger('silent') });
    await app.listen(appPort, '127.0.0.1');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((r) => issuerServer?.close(r));
  });

  async function signIn(login: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const first = await page.goto(`${base}/staff`);
    expect(first?.status()).toBe(401);
    await page.locator('#signin').click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(`${base}/staff/callback`)),
      page.locator('button[type="submit"]').click(),
    ]);
    return { page, context, callback: response };
  }

  it('staff of the allowed tenant with the staff role: the page and its data, after a PKCE code flow', async () => {
    const { page, context } = await signIn('anna');
    await page.waitForURL(`${base}/staff`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#signout').isVisible()).toBe(true);
    const auth = authorizations.at(-1)!;
    expect(auth.get('code_challenge_method')).toBe('S256');
    expect(auth.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(auth.get('state')).toBeTruthy();
    expect(auth.get('nonce')).toBeTruthy();
    const cookie = (await context.cookies(`${base}/staff`)).find((c) => c.name === 'trygg_staff');
    expect(cookie).toMatchObject({ httpOnly: true, path: '/staff' });
    await context.close();
  });

  it('another tenant, or no staff role: refused; data without a session: refused', async () => {
    for (const login of ['guest', 'visitor']) {
      const { callback, context } = await signIn(login);
      expect(callback.status(), login).toBe(403);
      expect(
        (await context.cookies(`${base}/staff`)).find((c) => c.name === 'trygg_staff'),
        login,
      ).toBeUndefined();
      await context.close();
    }
    expect((await fetch(`${base}/staff/api/report`)).status).toBe(403);
    expect((await fetch(`${base}/staff/report.csv`)).status).toBe(403);
    const forged = await fetch(`${base}/staff/api/report`, { headers: { cookie: 'trygg_staff=eyJvaWQiOiJ4In0.AAAA' } });
    expect(forged.status).toBe(403);
  });

  it('/metrics: with METRICS_TOKEN as Bearer only; the listed metrics, nothing personal', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    app.metrics.contact('trygghetsjour', 'sms', 'sv');
    app.metrics.modelFallback('classify', 'timeout');
    app.metrics.turn('webchat')();
    const res = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer metrics-token-for-tests' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const name of [
      'trygg_contacts_total{route="trygghetsjour",channel="sms",language="sv"} 1',
      'trygg_turn_duration_seconds_bucket',
      'trygg_outbox_depth 0',
      'trygg_outbox_oldest_age_seconds 0',
      'trygg_unclaimed_cases 0',
      'trygg_model_fallbacks_total{op="classify",reason="timeout"} 1',
      'process_cpu_user_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ])
      expect(text).toContain(name);
  });
});
