/**
 * For the delivery tests (outbox, alerts, jobs): the whole app (embedded store in a temp DATA_DIR) with Teams
 * and the tenant's web chat at loopback sinks; a capturing logger; a clock that runs on in real time (so
 * retries fall due) and can jump; and waits on conditions, never on fixed pauses. The authorisation and
 * erasure tests have their own harness (`teams-harness.ts`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, type App, type AppOptions } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { runCli } from '../../cli/cli-helpers.ts';
import { startConnectorSink, type ConnectorSink } from '../connector-sink.ts';

export const TENANT_ID = '11111111-2222-4333-8444-555555555555';
/**
 * Saturday 12:00 when the test starts: the jour is not on duty by the weekly schedule; `onDuty()` adds an
 * extra shift. The app's clock runs on from there in real time (so retries fall due), `advance` jumps it.
 */
export const NOW = new Date('2027-01-23T11:00:00Z');
export const CARD = /\/v3\/conversations\/?$/;

/** Waits until `fn` gives something truthy (polling every 25 ms), or fails after `ms`. */
export async function until<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface Harness {
  app: App;
  base: string;
  dataDir: string;
  teams: ConnectorSink;
  web: ConnectorSink;
  /** Every log line as parsed JSON. */
  logs: Record<string, unknown>[];
  /** The app's clock: `now()`, and `advance(ms)` to jump ahead. */
  clock: { now(): Date; advance(ms: number): void };
  teamsMessage(
    text: string,
    conversationId?: string,
    extra?: Record<string, unknown>,
  ): Promise<{ status: number; body: string }>;
  /** Posts any activity to the bot (an SMS, an invoke); resolves with the HTTP answer. */
  post(activity: Record<string, unknown>): Promise<{ status: number; body: string }>;
  tenantSays(text: string, conversation?: string): Promise<void>;
  /** A disturbance with address and phone: a trygghetsjour case (put the jour on duty first). */
  reportDisturbance(conversation?: string): Promise<void>;
  /** An extra shift from the CLI: the jour is on duty for two hours. */
  onDuty(): Promise<void>;
  cardPosts(): ReturnType<ConnectorSink['accepted']>;
  webTexts(): string[];
  /** Waits until nothing is waiting or leased in the outbox and no delivery pass runs: nothing more will arrive. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

let seq = 0;

export async function startHarness(options: Partial<AppOptions> = {}, dataDir?: string): Promise<Harness> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'trygg-teams-'));
  const teams = await startConnectorSink();
  const web = await startConnectorSink();
  const logs: Record<string, unknown>[] = [];
  const log = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) });
  const started = Date.now();
  let offset = 0;
  const clock = {
    now: () => new Date(NOW.getTime() + (Date.now() - started) + offset),
    advance: (ms: number) => void (offset += ms),
  };
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    TEAMS_ALLOWED_TENANT_ID: TENANT_ID,
    TEAMS_ADMIN_IDS: 'aad-anna', // the staff member below may register channels
  });
  const app = await buildApp(config, {
    now: clock.now,
    log,
    worker: { pollMs: 50, baseDelayMs: 20, maxDelayMs: 200 },
    ...options,
  });
  const base = await app.listen(0, '127.0.0.1');

  const post = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: `act-${process.pid}-${++seq}`, timestamp: clock.now().toISOString(), ...activity }),
    });
    return { status: res.status, body: await res.text() };
  };
  const h: Harness = {
    app,
    base,
    dataDir: dir,
    teams,
    web,
    logs,
    clock,
    post,
    teamsMessage: (text, conversationId = '19:channel@thread.tacv2', extra = {}) =>
      post({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: teams.url,
        from: { id: '29:staff-anna', name: 'Anna Lilja', aadObjectId: 'aad-anna' },
        recipient: { id: '28:trygg', name: 'Trygg' },
        conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
        channelData: {
          tenant: { id: TENANT_ID },
          team: { id: '19:team@thread.tacv2' },
          channel: { id: '19:channel@thread.tacv2' },
        },
        text: `<at>Trygg</at> ${text}`,
        entities: [{ type: 'mention', text: '<at>Trygg</at>', mentioned: { id: '28:trygg', name: 'Trygg' } }],
        ...extra,
      }),
    tenantSays: async (text, conversation = 'web-conv-1') => {
      const res = await post({
        type: 'message',
        channelId: 'webchat',
        serviceUrl: web.url,
        from: { id: `tenant-${conversation}` },
        recipient: { id: 'trygg' },
        conversation: { id: conversation },
        locale: 'sv-SE',
        text,
      });
      if (res.status !== 200) throw new Error(`the tenant's message got ${res.status}`);
    },
    async reportDisturbance(conversation) {
      for (const text of ['grannen spelar hög musik', 'nej', 'Storgatan 5, uppgång B', '0701234567'])
        await h.tenantSays(text, conversation);
    },
    async onDuty() {
      const shift = await runCli(['shift', 'add', 'trygghetsjour', '--from', 'now', '--to', '+2h'], {
        env: { DATA_DIR: dir },
        now: clock.now().toISOString(),
      });
      if (shift.code !== 0) throw new Error(shift.err);
    },
    cardPosts: () => teams.accepted(CARD),
    webTexts: () => web.messages().map((m) => String(m.text ?? '')),
    async drained() {
      await until(async () => {
        if (app.teams.worker.busy) return undefined;
        const waiting = [
          ...(await app.store.outbox.list({ status: 'pending' })),
          ...(await app.store.outbox.list({ status: 'leased' })),
        ];
        return waiting.length === 0 && !app.teams.worker.busy ? true : undefined;
      });
    },
    async close() {
      await app.close();
      await teams.close();
      await web.close();
    },
  };
  return h;
}
