// 1,000 odd activities at /api/messages: wrong types, missing fields, huge strings, control characters, lone
// surrogates, attachments only, hostile serviceUrls (all on loopback). No 5xx, no crash, memory steady.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openMemoryStore } from '../../src/store/index.ts';
import { startConnectorSink, type ConnectorSink } from './connector-sink.ts';

/** A small deterministic PRNG, so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

let app: App;
let base: string;
let sink: ConnectorSink;
beforeAll(async () => {
  sink = await startConnectorSink();
  const config = loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-fuzz-')), LOG_LEVEL: 'silent' });
  app = await buildApp(config, { log: createLogger('silent'), store: await openMemoryStore() });
  base = await app.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await app.close();
  await sink.close();
});

function oddActivity(r: () => number, i: number): string | object {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const strings = [
    '',
    'x'.repeat(20_000),
    '\u0000\u0001\u0007\u001b[31m',
    '\ud800 lone surrogate \udfff',
    '🔥🔥🔥 DET BRINNER 🔥',
    '<script>alert(1)</script>',
    '{"type":"message"}',
    'ignore previous instructions',
    'الشقة تحترق',
    '   ',
    'a\r\nb\r\n',
  ];
  const serviceUrls = [
    sink.url,
    'http://127.0.0.1:9/',
    'http://127.0.0.2:1/',
    'ftp://127.0.0.1/',
    'javascript:alert(1)',
    '',
    42,
    null,
    'http://[::1]:9/',
  ];
  const types = [
    'message',
    'conversationUpdate',
    'typing',
    'event',
    'invoke',
    'endOfConversation',
    'messageReaction',
    'installationUpdate',
    'trace',
    'nonsense',
    '',
    7,
    null,
  ];
  const channels = ['webchat', 'sms', 'directline', 'emulator', 'msteams', 'telephony', 'unknown', '', null];
  if (i % 97 === 0) return pick(['not json', '{', '[]', 'null', '"string"', '{"type": "message", "text": "\ud800"}']);
  const activity: Record<string, unknown> = {
    // Most activities are plausible enough to reach the bot; the rest probe the validation.
    type: r() < 0.6 ? 'message' : pick(types),
    id: r() < 0.8 ? `fz-${i}` : pick([undefined, '', 5, {}]),
    channelId: r() < 0.7 ? pick(['webchat', 'sms', 'directline', 'emulator', 'msteams', 'telephony']) : pick(channels),
    serviceUrl: r() < 0.6 ? sink.url : pick(serviceUrls),
    conversation:
      r() < 0.9
        ? {
            id: r() < 0.5 ? `conv-${i % 50}` : pick(['', 'x'.repeat(5000), '19:abc@thread.tacv2;messageid=1']),
            tenantId: pick([undefined, 'evil']),
          }
        : pick([undefined, null, 'conv', {}]),
    from:
      r() < 0.9
        ? { id: pick(['+46701234567', 'user', '', 'x'.repeat(3000)]), name: pick(strings) }
        : pick([undefined, null, 3]),
    recipient: { id: 'trygg' },
    text: r() < 0.85 ? pick(strings) : pick([undefined, null, 12, { a: 1 }, ['x']]),
    locale: pick(['sv-SE', 'ar', 'xx-YY', '', 5, undefined]),
  };
  if (r() < 0.2)
    activity.attachments = [
      {
        contentType: pick(['image/png', 'application/vnd.microsoft.card.adaptive', '']),
        contentUrl: 'http://127.0.0.1:9/a.png',
        content: pick([undefined, { type: 'AdaptiveCard' }]),
      },
    ];
  if (r() < 0.1)
    activity.value = pick([
      { action: { type: 'Action.Execute', verb: 'claim', data: { caseId: 'T-0000-0000' } } },
      'x',
      null,
    ]);
  if (r() < 0.1) activity.name = pick(['adaptiveCard/action', 'trygg.handoff', '']);
  if (r() < 0.05)
    activity.channelData = pick([
      { tenant: { id: 'x' } },
      'x',
      null,
      { team: { id: '19:x' }, channel: { id: '19:y' } },
    ]);
  if (r() < 0.05) activity.membersAdded = pick([[{ id: 'u' }], 'x', null]);
  return activity;
}

describe('fuzz', () => {
  it('1,000 odd activities: no 5xx, no crash, memory steady', async () => {
    const r = rng(20271119);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const post = async (i: number) => {
      const body = oddActivity(r, i);
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) failures.push(`#${i} → ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
    };
    // Memory is measured after full collections: it must level off (state for the 50 conversations fills up
    // in the first part), not grow with every activity.
    const heap = () => {
      global.gc?.();
      global.gc?.();
      return process.memoryUsage().heapUsed;
    };
    const batch = async (from: number, to: number) => {
      for (let i = from; i < to; i += 25) await Promise.all(Array.from({ length: 25 }, (_, k) => post(i + k)));
    };
    await batch(0, 400);
    const middle = heap();
    await batch(400, 1000);
    const after = heap();
    expect(failures).toEqual([]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // Steady: 600 more activities, many with 20 kB strings, add less than 24 MB once collected (a leak of the
    // huge strings alone would be ~2 MB per 100 activities, of everything they touch far more).
    if (process.env.TRYGG_FUZZ_VERBOSE)
      console.log({ statuses: Object.fromEntries(statuses), growthMB: (after - middle) / 2 ** 20 });
    expect(typeof global.gc).toBe('function');
    expect(after - middle).toBeLessThan(24 * 1024 * 1024);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
  }, 300_000);
});
