// Local mode: the same token route hands out the local Direct Line shim's tokens to pages on any loopback origin,
// and the shim lets such pages in (CORS); the widget's files, the pinned Web Chat bundle and the demo page with
// its strict CSP; the widget's texts and the privacy notice in locales/.
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/app.ts';
import { bundlePath, installedWebChat, widgetCsp } from '../../../src/channels/webchat/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { openMemoryStore } from '../../../src/store/index.ts';

const PAGE = 'http://127.0.0.2:5555';
let app: App;
let base: string;

beforeAll(async () => {
  const config = loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-webchat-local-')) });
  app = await buildApp(config, { log: createLogger('silent'), store: await openMemoryStore() });
  base = await app.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await app.close();
});

const token = (origin: string) => fetch(`${base}/api/webchat/token`, { method: 'POST', headers: { Origin: origin } });

describe('tokens in local mode', () => {
  it('come from the shim for a page on another loopback origin, and open a conversation there', async () => {
    const res = await token(PAGE);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(PAGE);
    const grant = (await res.json()) as Record<string, string>;
    expect(grant).toMatchObject({ domain: `${base}/v3/directline`, webSocket: false, expiresIn: 3600 });
    expect(grant.userId).toMatch(/^dl_[0-9a-f]{32}$/);

    // The browser's preflight and the conversation itself, cross-origin, as DirectLineJS makes them.
    const preflight = await fetch(`${grant.domain}/conversations`, {
      method: 'OPTIONS',
      headers: {
        Origin: PAGE,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-requested-with,x-ms-bot-agent',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/x-requested-with/);
    const started = await fetch(`${grant.domain}/conversations`, {
      method: 'POST',
      headers: { Origin: PAGE, Authorization: `Bearer ${grant.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(started.status).toBe(201);
    expect(started.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(((await started.json()) as { conversationId: string }).conversationId).toBe(grant.conversationId);

    const refreshed = await fetch(`${base}/api/webchat/token/refresh`, {
      method: 'POST',
      headers: { Origin: PAGE, Authorization: `Bearer ${grant.token}` },
    });
    expect(refreshed.status).toBe(200);
    const again = (await refreshed.json()) as Record<string, string>;
    expect(again.conversationId).toBe(grant.conversationId);
    expect(again.token).not.toBe(grant.token);
  });

  it('the shim answers on the host the page used (localhost and 127.0.0.1 are different origins to a browser)', async () => {
    const port = new URL(base).port;
    const domainFor = (host: string) =>
      new Promise<string>((resolve, reject) => {
        request(`${base}/api/webchat/token`, { method: 'POST', headers: { Host: host, Origin: PAGE } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c));
          res.on('end', () => resolve((JSON.parse(text) as { domain: string }).domain));
        })
          .on('error', reject)
          .end();
      });
    expect(await domainFor(`localhost:${port}`)).toBe(`http://localhost:${port}/v3/directline`);
    // A Host that is not this machine is not echoed back: the server's own address instead.
    expect(await domainFor('www.mkb.se')).toBe(`${base}/v3/directline`);
  });

  it('refuses origins off this machine unless configured, and tokens the shim does not know', async () => {
    expect((await token('https://www.mkb.se')).status).toBe(403);
    const unknown = await fetch(`${base}/api/webchat/token/refresh`, {
      method: 'POST',
      headers: { Origin: PAGE, Authorization: 'Bearer not-a-token' },
    });
    expect(unknown.status).toBe(403);
    expect(((await unknown.json()) as { error: string }).error).toBe('TokenExpired');
    // The shim lets in no other origin either.
    const shim = await fetch(`${base}/v3/directline/conversations`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://www.mkb.se', 'Access-Control-Request-Method': 'POST' },
    });
    expect(shim.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the widget files', () => {
  it('embed.js, connection.js and embed.css: plain files, no eval, readable from any page', async () => {
    const js = await fetch(`${base}/webchat/embed.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const connection = await fetch(`${base}/webchat/connection.js`);
    expect(connection.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const code of [await js.text(), await connection.text()])
      expect(code).not.toMatch(/\beval\(|new Function|innerHTML/);
    const css = await fetch(`${base}/webchat/embed.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('widget.json: eight languages, Arabic and Persian right-to-left, the pinned bundle', async () => {
    const widget = (await (await fetch(`${base}/webchat/widget.json`)).json()) as {
      bundle: string;
      languages: { code: string; name: string; dir: string; locale: string }[];
      texts: Record<string, Record<string, string>>;
    };
    expect(widget.languages.map((l) => l.code)).toEqual(['sv', 'en', 'ar', 'fa', 'so', 'pl', 'bs', 'tr']);
    expect(widget.languages.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar', 'fa']);
    expect(widget.languages.find((l) => l.code === 'ar')?.name).toBe('العربية');
    expect(widget.texts.sv?.launcher).toBe('Chatta med Trygg');
    expect(widget.texts.sv?.emergency).toBe('Akut fara? Ring 112');
    for (const [lang, texts] of Object.entries(widget.texts)) expect(texts.emergency, lang).toMatch(/112/);
    // Somali has no "connecting" text of its own: English, as for the bot's texts.
    expect(widget.texts.so?.connecting).toBe(widget.texts.en?.connecting);
    const pinned = JSON.parse(readFileSync('package.json', 'utf8')).dependencies['botframework-webchat'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/); // an exact version, never a range
    expect(widget.bundle).toBe(bundlePath(pinned));
    expect(installedWebChat().version).toBe(pinned);
  });

  it('the Web Chat bundle: from node_modules, cached for a year, gzipped when asked', async () => {
    const { bundle, version } = installedWebChat();
    const plain = await fetch(`${base}${bundlePath(version)}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('cache-control')).toMatch(/immutable/);
    const bytes = Buffer.from(await plain.arrayBuffer());
    expect(bytes.equals(readFileSync(bundle))).toBe(true);
    // fetch would inflate it itself; read the raw answer.
    const gz = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${base}${bundlePath(version)}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(gz.encoding).toBe('gzip');
    expect(gz.body.length).toBeLessThan(bytes.length / 2);
    expect(gunzipSync(gz.body).equals(bytes)).toBe(true);
  });

  it('the demo page: a strict CSP with a fresh nonce per answer, no inline script', async () => {
    const pages = await Promise.all([fetch(`${base}/webchat/demo`), fetch(`${base}/webchat/demo`)]);
    const csp = pages.map((p) => p.headers.get('content-security-policy') ?? '');
    const nonces = csp.map((c) => /'nonce-([^']+)'/.exec(c)?.[1]);
    expect(nonces[0]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(csp[0]).toMatch(/script-src 'self'(;|$)/);
    expect(csp[0]).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await pages[0]!.text();
    expect(html).toContain(`<style nonce="${nonces[0]}">`);
    expect(html).toContain(`<script src="/webchat/embed.js" async nonce="${nonces[0]}"></script>`);
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});

describe("the README for the landlord's web team", () => {
  it('shows the CSP that the demo page and the browser tests run under, and the script tag', () => {
    const readme = readFileSync('README.md', 'utf8');
    const policy = widgetCsp({
      trygg: 'https://trygg.mkb.se',
      directLine: 'https://europe.directline.botframework.com',
      nonce: 'RANDOM',
    });
    expect(readme).toContain(
      ['```', ...policy.split('; ').map((d, i, all) => (i < all.length - 1 ? `${d};` : d)), '```'].join('\n'),
    );
    expect(readme).toContain('<script src="https://trygg.mkb.se/webchat/embed.js" async nonce="RANDOM"></script>');
  });
});

describe('texts in locales/', () => {
  const read = (lng: string, ns: string) =>
    JSON.parse(readFileSync(path.join('locales', lng, `${ns}.json`), 'utf8')) as Record<string, unknown>;

  it('Swedish, English and Arabic have every widget text; every language its name, launcher and 112 line', () => {
    const keys = Object.keys(read('sv', 'webchat')).sort();
    for (const lng of ['en', 'ar']) expect(Object.keys(read(lng, 'webchat')).sort(), lng).toEqual(keys);
    for (const lng of ['sv', 'en', 'ar', 'fa', 'so', 'pl', 'bs', 'tr']) {
      const texts = read(lng, 'webchat');
      for (const key of ['languageName', 'launcher', 'close', 'emergency', 'language'])
        expect(texts[key], `${lng} ${key}`).toBeTruthy();
      expect(
        Object.keys(texts).filter((k) => !keys.includes(k)),
        lng,
      ).toEqual([]);
    }
  });

  it('the privacy notice says that Direct Line keeps web-chat messages for 24 hours', async () => {
    for (const lng of ['sv', 'en', 'ar']) {
      const html = await (await fetch(`${base}/privacy?lang=${lng}`)).text();
      expect(html, lng).toMatch(/Direct Line[^<]*24/);
    }
  });
});
