// Production mode: credentials required, local pages off, serviceUrls only https Bot Framework hosts; the
// privacy notice is served in every mode; logs never carry personal data.
import { Writable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { activityProblem, isBotFrameworkServiceUrl } from '../../src/channels/server.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createLogger, scrub } from '../../src/log.ts';
import { openMemoryStore } from '../../src/store/index.ts';

const PROD = {
  NODE_ENV: 'production',
  MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
  MicrosoftAppPassword: 'secret-from-the-environment',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '00000000-0000-4000-8000-000000000002',
  AUDIT_HMAC_KEY: 'production-test-audit-key-0123456789abcdef',
};

describe('production mode', () => {
  it('refuses to start without MicrosoftAppId and says why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MicrosoftAppId: required when NODE_ENV=production/);
    expect(() => loadConfig({ ...PROD, MicrosoftAppPassword: '' })).toThrow(/MicrosoftAppPassword/);
    // The audit log's hashes are keyed; production has no key file to fall back on.
    expect(() => loadConfig({ ...PROD, AUDIT_HMAC_KEY: '' })).toThrow(/AUDIT_HMAC_KEY: required/);
    expect(() => loadConfig({ ...PROD, AUDIT_HMAC_KEY: 'short' })).toThrow(/AUDIT_HMAC_KEY: at least 32/);
    expect(loadConfig(PROD).production).toBe(true);
  });

  it('the local pages and the Direct Line shim do not exist; the privacy notice does', async () => {
    const app = await buildApp(loadConfig({ ...PROD, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-prod-')) }), {
      log: createLogger('silent'),
      store: await openMemoryStore(),
    });
    const base = await app.listen(0, '127.0.0.1');
    try {
      for (const p of ['/', '/phone', '/v3/directline/conversations']) {
        const res = await fetch(`${base}${p}`, { method: p.startsWith('/v3') ? 'POST' : 'GET' });
        expect(res.status, p).toBe(404);
      }
      const privacy = await fetch(`${base}/privacy?lang=ar`);
      expect(privacy.status).toBe(200);
      const html = await privacy.text();
      expect(html).toContain('dir="rtl"');
      expect(html).toContain('90');
      expect(await (await fetch(`${base}/privacy`)).text()).toMatch(/Trygg: så hanterar vi dina uppgifter/);
    } finally {
      await app.close();
    }
  });

  it('refuses to start with the phone line but without ACS_INCOMING_SECRET, or with a short one', () => {
    const acs = {
      ...PROD,
      ACS_CONNECTION_STRING: 'endpoint=https://trygg-test.communication.azure.com/;accesskey=a2V5',
      PUBLIC_BASE_URL: 'https://trygg.example.test',
    };
    expect(() => loadConfig(acs)).toThrow(/ACS_INCOMING_SECRET: required in production with ACS_CONNECTION_STRING/);
    expect(() => loadConfig({ ...acs, ACS_INCOMING_SECRET: 'short' })).toThrow(/at least 16 characters/);
    expect(loadConfig({ ...acs, ACS_INCOMING_SECRET: 'a-long-random-secret-value' }).acs?.incomingSecret).toBe(
      'a-long-random-secret-value',
    );
    // Outside production it stays optional (the server warns).
    const { NODE_ENV: _, ...development } = acs;
    expect(loadConfig(development).acs).toBeDefined();
  });

  it.each([
    ['0.0.0.0', {}, /HOST: 0\.0\.0\.0 is not a loopback address/],
    ['::', {}, /HOST: :: is not a loopback address/],
    ['192.168.1.20', {}, /LOCAL_MODE_ALLOW_REMOTE=1/],
    ['0.0.0.0', { LOCAL_MODE_ALLOW_REMOTE: '1' }, undefined],
    ['127.0.0.2', {}, undefined],
    ['localhost', {}, undefined],
    ['::1', {}, undefined],
  ])('local mode on HOST=%s %j: %s', (host, extra, problem) => {
    const load = () => loadConfig({ HOST: host, ...extra });
    if (problem) expect(load).toThrow(problem);
    else expect(load().host).toBe(host);
  });

  it('with an app id any HOST is fine (every request is authenticated)', () => {
    const { NODE_ENV: _, ...credentials } = PROD;
    expect(loadConfig({ ...credentials, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig(credentials).host).toBe('0.0.0.0');
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });

  it.each([
    ['https://smba.trafficmanager.net/emea/', true],
    ['https://smba.trafficmanager.net/amer/', true],
    ['https://smba.trafficmanager.net/teams/', true],
    ['https://smba.infra.gcc.teams.microsoft.com/teams', true],
    ['https://trygg-evil.trafficmanager.net/emea/', false],
    ['https://smba.trafficmanager.net.127.0.0.1.nip.io/', false],
    ['https://smba.trafficmanager.net:8443/emea/', false],
    ['https://user:pw@smba.trafficmanager.net/emea/', false],
    ['https://webchat.botframework.com/', true],
    ['https://sms.botframework.com/', true],
    ['https://europe.webchat.botframework.com/', true],
    ['http://webchat.botframework.com/', false],
    ['https://botframework.com.127.0.0.1.nip.io/', false],
    ['https://127.0.0.1/', false],
    ['not a url', false],
  ])('serviceUrl %s is a Bot Framework host: %s', (url, ok) => {
    expect(isBotFrameworkServiceUrl(url)).toBe(ok);
  });

  it('an activity with another serviceUrl is refused in production only', () => {
    const activity = {
      type: 'message',
      channelId: 'webchat',
      conversation: { id: 'c' },
      serviceUrl: 'http://127.0.0.1:9/',
    };
    expect(activityProblem(activity)).toBeUndefined();
    expect(activityProblem(activity, { production: true })).toMatch(/Bot Framework host/);
  });
});

describe('logs', () => {
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

  it('never contain phone numbers, e-mail addresses, personal identity numbers, addresses or message text', () => {
    const { log, lines } = capture();
    log.info(
      {
        text: 'Det brinner på Storgatan 5',
        phone: '+46701234567',
        contact: { address: 'Storgatan 5' },
        from: { id: '+46701234567' },
        route: 'emergency',
      },
      'decided',
    );
    log.warn('caller 070-123 45 67 wrote from anna@example.se, pnr 19850101-1234');
    log.error({ err: new Error('send to +46 70 123 45 67 failed') }, 'boom');
    const all = lines.join('\n');
    expect(all).toContain('"route":"emergency"');
    for (const secret of [
      'Storgatan',
      '+46701234567',
      '070-123 45 67',
      'anna@example.se',
      '19850101-1234',
      '+46 70 123 45 67',
      'brinner',
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('scrub masks what it should and keeps the numbers the product talks about', () => {
    const masked = scrub('ring 0701234567 eller +46 40 123 45 67');
    expect(masked).not.toMatch(/\d{3}/);
    expect(masked).toMatch(/^ring \[\w+\] eller \[phone\]$/);
    expect(scrub('ring 112 eller 114 14')).toBe('ring 112 eller 114 14');
  });
});
