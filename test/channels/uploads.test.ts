// Issue 19, finding 1: no route takes anything but JSON within 256 KB. restify's bodyParser handed
// multipart/form-data to formidable, which wrote every upload to the temp folder before any check (one 40 MB
// post left 40 MB on disk). Every route the app mounts (local pages, Direct Line shim, phone simulator and
// the ACS line included) is posted an upload; the temp folder must stay empty and formidable unused.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openMemoryStore } from '../../src/store/index.ts';
import { ACS_ENV } from './phone/harness.ts';

// The data folder first, then a temp folder of this test's own: formidable writes to os.tmpdir(), which
// reads TMPDIR on every call.
const DATA_DIR = mkdtempSync(path.join(tmpdir(), 'trygg-uploads-data-'));
const TMP = mkdtempSync(path.join(tmpdir(), 'trygg-uploads-tmp-'));
process.env.TMPDIR = TMP;

/** Every file under `dir`, however deep. */
const filesIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

// formidable 1.2.6 comes with restify 12; any use of it (restify's multipart parser) is seen here.
const formidable = createRequire(createRequire(import.meta.url).resolve('restify'))('formidable') as {
  IncomingForm: { prototype: { parse: (...args: unknown[]) => unknown } };
};
const formidableParse = vi.spyOn(formidable.IncomingForm.prototype, 'parse');

/** A multipart/form-data body with one file of `size` bytes. */
function upload(size: number): { headers: Record<string, string | number>; body: Buffer } {
  const boundary = 'trygg-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.alloc(size, 0x61),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length },
    body,
  };
}

/**
 * A request with node:http, which (unlike fetch) reports the answer of a server that refuses a body before
 * reading it, even when the rest of the upload then fails to go out.
 */
function send(
  url: string,
  method: string,
  headers: Record<string, string | number>,
  body?: Buffer | string,
  chunked?: Buffer[],
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(url, { method, headers }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : {} }));
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (chunked) {
      for (const chunk of chunked) req.write(chunk);
      req.end();
    } else req.end(body);
  });
}

let app: App;
let base: string;
beforeAll(async () => {
  // Local mode (chat page, Direct Line shim, phone simulator) with the ACS line mounted as well.
  app = await buildApp(loadConfig({ DATA_DIR, LOG_LEVEL: 'silent', ...ACS_ENV }), {
    log: createLogger('silent'),
    store: await openMemoryStore(),
  });
  base = await app.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await app.close();
  rmSync(TMP, { recursive: true, force: true });
  rmSync(DATA_DIR, { recursive: true, force: true });
});

describe('uploads never reach the disk', () => {
  it('a 40 MB multipart/form-data post to /api/messages gets 415, and the temp folder stays empty', async () => {
    expect(filesIn(TMP)).toEqual([]);
    const { headers, body } = upload(40 * 1024 * 1024);
    const res = await send(`${base}/api/messages`, 'POST', headers, body);
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ error: 'UnsupportedMediaType', message: expect.any(String) });
    expect(filesIn(TMP)).toEqual([]);
    expect(formidableParse).not.toHaveBeenCalled();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('every route the app mounts refuses an upload with 415 (or does not exist), and writes nothing', async () => {
    const routes = app.server.getDebugInfo().routes as { method: string; path: string }[];
    // The routes of every channel are there: the wiring under test is the app's own.
    const paths = routes.map((r) => r.path);
    for (const expected of ['/api/messages', '/api/calls/incoming', '/phone/api/calls', '/v3/directline/conversations'])
      expect(paths).toContain(expected);
    const { headers, body } = upload(2 * 1024 * 1024);
    for (const route of routes) {
      const url = `${base}${route.path.replace(/:(\w+)/g, 'x')}`;
      const res = await send(url, route.method, headers, body);
      expect([404, 415], `${route.method} ${route.path}`).toContain(res.status);
      if (res.status === 415)
        expect(route.path.startsWith('/v3/') ? res.json.error : res.json).toMatchObject(
          route.path.startsWith('/v3/') ? { code: 'UnsupportedMediaType' } : { error: 'UnsupportedMediaType' },
        );
    }
    expect(filesIn(TMP)).toEqual([]);
    expect(formidableParse).not.toHaveBeenCalled();
  });

  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'type=message'],
    ['plain text', 'text/plain', '{"type":"message"}'],
    ['octet-stream', 'application/octet-stream', '{"type":"message"}'],
    ['JSON in another charset', 'application/json; charset=latin1', '{"type":"message"}'],
    ['no content type', '', '{"type":"message"}'],
  ])('%s gets 415', async (_label, type, body) => {
    const res = await send(`${base}/api/messages`, 'POST', type ? { 'content-type': type } : {}, body);
    expect(res.status).toBe(415);
    expect(res.json.error).toBe('UnsupportedMediaType');
  });

  it('a compressed body gets 415 (it would inflate past any limit)', async () => {
    const res = await send(
      `${base}/api/messages`,
      'POST',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync(JSON.stringify({ type: 'message', text: ' '.repeat(4 * 1024 * 1024) })),
    );
    expect(res.status).toBe(415);
  });
});

describe('JSON over 256 KB gets 413', () => {
  const big = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });

  it('declared in Content-Length: refused before it is read', async () => {
    for (const route of ['/api/messages', '/api/calls/incoming', '/phone/api/calls', '/v3/directline/conversations']) {
      const res = await send(`${base}${route}`, 'POST', { 'content-type': 'application/json' }, big);
      expect(res.status, route).toBe(413);
      expect(res.json, route).toMatchObject(
        route.startsWith('/v3/')
          ? { error: { code: 'MessageSizeTooBig' } }
          : { error: 'PayloadTooLarge', message: expect.any(String) },
      );
    }
  });

  it('sent chunked without a length: refused at the byte that passes the limit', async () => {
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(16 * 1024, 0x20));
    const res = await send(
      `${base}/api/messages`,
      'POST',
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      undefined,
      chunks,
    );
    expect(res.status).toBe(413);
    expect(res.json.error).toBe('PayloadTooLarge');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('JSON within the limit, as application/json or a +json type, is read', async () => {
    const ok = await send(
      `${base}/api/calls/incoming`,
      'POST',
      { 'content-type': 'application/cloudevents-batch+json; charset=utf-8' },
      JSON.stringify([{ type: 'Microsoft.EventGrid.SubscriptionValidationEvent', data: { validationCode: 'c0de' } }]),
    );
    expect(ok).toEqual({ status: 200, json: { validationResponse: 'c0de' } });
  });
});
