/**
 * The abuse limits and the model's caps on PostgreSQL hold across all instances together (issue 17, item 2):
 * - two app instances on one database, a conversation's messages alternating between them: together they
 *   answer the per-conversation limit (a small one: exact), and warn once;
 * - a larger limit N in a burst over two instances admits at most N + ⌊N/10⌋, and nothing more once their
 *   counts are in the table;
 * - the model's per-conversation cap over two store handles;
 * - a turn far below its limits makes no round trip to the counters table.
 *
 * Needs a server: TRYGG_TEST_DATABASE_URL=$(bash scripts/postgres-test-server.sh) npx vitest run test/multi-instance
 * (skipped, saying so, without it).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createCallLimits } from '../../src/llm/limits.ts';
import { createLogger } from '../../src/log.ts';
import { openPostgresStore } from '../../src/store/postgres.ts';
import { Quotas } from '../../src/store/quotas.ts';
import type { Counters, Store } from '../../src/store/index.ts';
import { startConnectorSink, type ConnectorSink } from '../channels/connector-sink.ts';
import { baseUrl, dropAll, freshSchema, SKIP_REASON, titled, type Schema } from './pg-schema.ts';

if (!baseUrl) console.warn(`test/multi-instance/limits.test.ts: ${SKIP_REASON}`);

let schema: Schema;
let sink: ConnectorSink;
const apps: App[] = [];
const stores: Store[] = [];

beforeEach(async () => {
  if (!baseUrl) return;
  schema = await freshSchema();
  sink = await startConnectorSink();
});

afterEach(async () => {
  if (!baseUrl) return;
  await Promise.all(apps.splice(0).map((a) => a.close()));
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await sink.close();
  await schema.drop();
});

afterAll(async () => {
  if (baseUrl) await dropAll();
});

async function store(): Promise<Store> {
  const s = await openPostgresStore({ databaseUrl: schema.url });
  stores.push(s);
  return s;
}

/** Counters that count the calls made to them. */
function spied(counters: Counters) {
  const spy: { calls: number; counters: Counters } = {
    calls: 0,
    counters: { add: (increments) => (spy.calls++, counters.add(increments)) },
  };
  return spy;
}

let seq = 0;
describe.skipIf(!baseUrl)(titled('limits across instances on PostgreSQL'), () => {
  it('two instances answer a conversation up to its limit together, and warn once', { timeout: 30_000 }, async () => {
    const instance = async () => {
      const config = loadConfig({
        DATABASE_URL: schema.url,
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-mi-limits-')),
        LOG_LEVEL: 'silent',
        AUDIT_HMAC_KEY: 'multi-instance-test-audit-key-0123456789',
      });
      const app = await buildApp(config, {
        log: createLogger('silent'),
        limits: { perConversation: { max: 4, windowMs: 3_600_000 } },
      });
      apps.push(app);
      return app.listen(0, '127.0.0.1');
    };
    const [a, b] = await Promise.all([instance(), instance()]);
    const answered: string[][] = [];
    for (let i = 0; i < 8; i++) {
      const id = `lim-${process.pid}-${++seq}`;
      const res = await fetch(`${i % 2 ? b : a}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id,
          type: 'message',
          channelId: 'webchat',
          serviceUrl: sink.url,
          from: { id: 'tenant-limits' },
          recipient: { id: 'trygg' },
          conversation: { id: 'web-limits' },
          locale: 'sv-SE',
          text: 'hjälp',
        }),
      });
      expect(res.status).toBe(200);
      answered.push(
        sink.sent
          .filter((s) => s.status === 200 && s.body.type === 'message' && s.body.replyToId === id)
          .map((s) => String(s.body.text)),
      );
    }
    const warned = answered.filter((r) => r.some((t) => /många meddelanden/.test(t)));
    expect(answered.slice(0, 4).every((r) => r.length > 0 && !/många meddelanden/.test(r.join()))).toBe(true);
    expect(warned).toHaveLength(1);
    expect(answered.slice(5).every((r) => r.length === 0)).toBe(true);
  });

  it('a limit of N in a burst over two instances admits at most N + ⌊N/10⌋, then nothing', async () => {
    const [x, y] = await Promise.all([store(), store()]);
    const qs = [new Quotas(x.counters), new Quotas(y.counters)];
    const limit = { max: 30, windowMs: 60_000 };
    let ok = 0;
    for (let i = 0; i < 60; i++) if ((await qs[i % 2]!.take('conv:burst', limit)).ok) ok++;
    expect(ok).toBeGreaterThanOrEqual(30);
    expect(ok).toBeLessThanOrEqual(33);
    await Promise.all(qs.map((q) => q.flush()));
    for (const q of qs) expect((await q.take('conv:burst', limit)).ok).toBe(false);
    await Promise.all(qs.map((q) => q.close()));
  });

  it("the model's per-conversation cap holds over two instances", async () => {
    const [x, y] = await Promise.all([store(), store()]);
    const [p, q] = [new Quotas(x.counters), new Quotas(y.counters)];
    const [lx, ly] = [
      createCallLimits({ quotas: p, perConversation: 3 }),
      createCallLimits({ quotas: q, perConversation: 3 }),
    ];
    const take = (l: typeof lx) => l.take({ conversationId: 'web|model-cap', sender: 'user-1' });
    const verdicts = [await take(lx), await take(ly), await take(lx), await take(ly), await take(lx)];
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, true, false, false]);
    await Promise.all([p.close(), q.close()]);
  });

  it("the model's hourly budget, which every conversation shares, holds over two instances", async () => {
    const [x, y] = await Promise.all([store(), store()]);
    const [p, q] = [new Quotas(x.counters), new Quotas(y.counters)];
    const [hx, hy] = [createCallLimits({ quotas: p, perHour: 3 }), createCallLimits({ quotas: q, perHour: 3 })];
    const hourly = [];
    for (let i = 0; i < 5; i++) hourly.push(await (i % 2 ? hy : hx).take({ conversationId: `web|hour-${i}` }));
    expect(hourly.map((v) => v.ok)).toEqual([true, true, true, false, false]);
    expect(hourly[3]).toEqual({ ok: false, reason: 'cap_hour' });
    await Promise.all([p.close(), q.close()]);
  });

  it('a turn far below its limits makes no round trip; the counts go in one batch at the flush', async () => {
    const spy = spied((await store()).counters);
    const quotas = new Quotas(spy.counters);
    for (let i = 0; i < 5; i++) expect((await quotas.take(`conv:${i}`, { max: 100, windowMs: 60_000 })).ok).toBe(true);
    expect(spy.calls).toBe(0);
    await quotas.flush();
    expect(spy.calls).toBe(1);
    await quotas.close();
  });
});
