// The web chat's settings (read in src/config.ts only) and who counts as one client for the rate limit.
import type { Request } from 'restify';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from '../../../src/channels/webchat/client.ts';
import { ConfigError, EU_DIRECT_LINE_ENDPOINT, loadConfig } from '../../../src/config.ts';

const BOT = {
  MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
  MicrosoftAppPassword: 'bot-password',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '00000000-0000-4000-8000-000000000002',
};

describe('web chat configuration', () => {
  it('is off in Bot Framework mode without DIRECT_LINE_SECRET, on in local mode (the shim) without one', () => {
    expect(loadConfig(BOT).webchat).toBeUndefined();
    const local = loadConfig({}).webchat;
    expect(local).toEqual({
      directLineEndpoint: EU_DIRECT_LINE_ENDPOINT,
      allowedOrigins: [],
      tokensPerMinute: 10,
      trustedProxyHops: 0,
    });
    // Local mode never sends a secret anywhere: its tokens are the shim's.
    expect(loadConfig({ DIRECT_LINE_SECRET: 's' }).webchat?.directLineSecret).toBeUndefined();
  });

  it('reads the secret, the EU endpoint by default, the origins as browsers send them, and the limit', () => {
    const webchat = loadConfig({
      ...BOT,
      DIRECT_LINE_SECRET: 's3cret',
      WEBCHAT_ALLOWED_ORIGINS: ' https://www.MKB.se/ ,https://hyresgast.mkb.se:8443',
      WEBCHAT_TOKENS_PER_MINUTE: '4',
      TRUSTED_PROXY_HOPS: '1',
    }).webchat;
    expect(webchat).toEqual({
      directLineSecret: 's3cret',
      directLineEndpoint: 'https://europe.directline.botframework.com/v3/directline',
      allowedOrigins: ['https://www.mkb.se', 'https://hyresgast.mkb.se:8443'],
      tokensPerMinute: 4,
      trustedProxyHops: 1,
    });
    const elsewhere = loadConfig({
      ...BOT,
      DIRECT_LINE_SECRET: 's',
      WEBCHAT_ALLOWED_ORIGINS: 'https://www.mkb.se',
      DIRECT_LINE_ENDPOINT: 'https://directline.botframework.com/v3/directline/',
    }).webchat;
    expect(elsewhere?.directLineEndpoint).toBe('https://directline.botframework.com/v3/directline');
  });

  it.each([
    [{ DIRECT_LINE_SECRET: 's' }, /WEBCHAT_ALLOWED_ORIGINS: required with DIRECT_LINE_SECRET/],
    [
      { DIRECT_LINE_SECRET: 's', WEBCHAT_ALLOWED_ORIGINS: 'https://www.mkb.se/chat' },
      /WEBCHAT_ALLOWED_ORIGINS: origins/,
    ],
    [{ DIRECT_LINE_SECRET: 's', WEBCHAT_ALLOWED_ORIGINS: 'http://www.mkb.se' }, /WEBCHAT_ALLOWED_ORIGINS: origins/],
    [{ DIRECT_LINE_SECRET: 's', WEBCHAT_ALLOWED_ORIGINS: '*' }, /WEBCHAT_ALLOWED_ORIGINS: origins/],
    [
      {
        DIRECT_LINE_SECRET: 's',
        WEBCHAT_ALLOWED_ORIGINS: 'https://www.mkb.se',
        DIRECT_LINE_ENDPOINT: 'ftp://127.0.0.2/v3/directline',
      },
      /DIRECT_LINE_ENDPOINT: an https URL/,
    ],
    [
      { DIRECT_LINE_SECRET: 's', WEBCHAT_ALLOWED_ORIGINS: 'https://www.mkb.se', WEBCHAT_TOKENS_PER_MINUTE: '0' },
      /WEBCHAT_TOKENS_PER_MINUTE/,
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig({ ...BOT, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BOT, ...env })).toThrow(message);
  });
});

describe('the client address the rate limit counts', () => {
  const request = (remoteAddress: string, forwarded?: string) =>
    ({ socket: { remoteAddress }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as Request;

  it('is the socket address without trusted proxies, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('127.0.0.5', '127.0.0.9'), 0)).toBe('127.0.0.5');
    expect(clientAddress(request('::ffff:127.0.0.5'), 0)).toBe('127.0.0.5');
  });

  it('behind N proxies, is the Nth address from the right of X-Forwarded-For', () => {
    expect(clientAddress(request('127.0.0.1', '127.0.0.9, 127.0.0.3'), 1)).toBe('127.0.0.3');
    expect(clientAddress(request('127.0.0.1', '127.0.0.9, 127.0.0.3, 127.0.0.2'), 2)).toBe('127.0.0.3');
    // A header shorter than the proxies said: the leftmost entry, never an index past it.
    expect(clientAddress(request('127.0.0.1', '127.0.0.3'), 2)).toBe('127.0.0.3');
    expect(clientAddress(request('127.0.0.1'), 1)).toBe('127.0.0.1');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('[::1]')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
