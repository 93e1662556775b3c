// A channel connector that never answers must not hold a turn past the channel's ~15 s: every outbound call
// has a timeout, and the request is answered.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { OUTBOUND_TIMEOUT_MS } from '../../src/channels/adapter.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openMemoryStore } from '../../src/store/index.ts';

let hanging: Server;
let hangingUrl: string;
let app: App;
let base: string;
beforeAll(async () => {
  hanging = createServer(() => {
    /* never answers */
  });
  await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`;
  app = await buildApp(loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-hang-')), LOG_LEVEL: 'silent' }), {
    log: createLogger('silent'),
    store: await openMemoryStore(),
  });
  base = await app.listen(0, '127.0.0.1');
});
afterAll(async () => {
  hanging.closeAllConnections();
  hanging.close();
  await app.close();
});

it('a turn whose replies hang ends within the outbound timeout, without a 5xx', async () => {
  expect(OUTBOUND_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
  const t0 = Date.now();
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: 'h1',
      channelId: 'webchat',
      serviceUrl: hangingUrl,
      conversation: { id: 'hang-1' },
      from: { id: 'u' },
      recipient: { id: 'trygg' },
      text: 'När öppnar kontoret?',
    }),
  });
  const ms = Date.now() - t0;
  expect(res.status).toBeLessThan(500);
  expect(ms).toBeLessThan(15_000);
}, 30_000);
