/**
 * The whole app on loopback with Teams and the tenant's web chat at connector sinks, and Teams-shaped
 * activities to drive it: staff members (an admin and a guest), channels, card actions.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, type App, type AppOptions } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { startConnectorSink, type ConnectorSink } from '../connector-sink.ts';

export const TENANT_ID = '11111111-2222-4333-8444-555555555555';
/** Saturday 12:00: the jour is off by the weekly schedule; tests add an extra shift. */
export const NOW = new Date('2027-01-23T11:00:00Z');

export const ANNA = { id: '29:staff-anna', name: 'Anna Lilja', aadObjectId: 'aad-anna' }; // in TEAMS_ADMIN_IDS
export const GUEST = { id: '29:guest', name: 'Mallory Guest', aadObjectId: 'aad-guest' }; // in the tenant, not an admin

/** A channel in a team: ids as Teams sends them. */
export interface Channel {
  team: string;
  channel: string;
}
export const JOUR: Channel = { team: '19:team@thread.tacv2', channel: '19:channel@thread.tacv2' };
export const OTHER: Channel = { team: '19:otherteam@thread.tacv2', channel: '19:other@thread.tacv2' };

export interface Harness {
  app: App;
  base: string;
  dataDir: string;
  teams: ConnectorSink;
  web: ConnectorSink;
  post(activity: Record<string, unknown>): Promise<{ status: number; body: string }>;
  /** `@Trygg <text>` (or a thread message) from `from` in `where`; `conversationId` defaults to the channel. */
  staffSays(
    text: string,
    options?: { from?: object; where?: Channel; conversationId?: string; extra?: Record<string, unknown> },
  ): Promise<{ status: number; body: string }>;
  /** A card's Universal Action (`adaptiveCard/action`) from `where`. */
  cardAction(
    data: Record<string, unknown>,
    options: { from?: object; where?: Channel; conversationId: string },
  ): Promise<{ status: number; body: string }>;
  tenantSays(text: string): Promise<{ status: number; body: string }>;
  webTexts(): string[];
  /** Moves the app's clock (the store's too). */
  setNow(at: Date): void;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<AppOptions> = {}, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trygg-teams-sec-'));
  const teams = await startConnectorSink();
  const web = await startConnectorSink();
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    TEAMS_ALLOWED_TENANT_ID: TENANT_ID,
    TEAMS_ADMIN_IDS: 'AAD-ANNA, aad-someone-else',
    ...env,
  });
  let now = NOW;
  const app = await buildApp(config, {
    now: () => now,
    log: createLogger(process.env.TEAMS_TEST_LOG ?? 'silent'),
    worker: { pollMs: 50, baseDelayMs: 20, maxDelayMs: 200 },
    ...options,
  });
  const base = await app.listen(0, '127.0.0.1');
  let seq = 0;
  const post = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: `act-${++seq}`, timestamp: NOW.toISOString(), ...activity }),
    });
    return { status: res.status, body: await res.text() };
  };
  const teamsActivity = (from: object, where: Channel, conversationId: string) => ({
    channelId: 'msteams',
    serviceUrl: teams.url,
    from,
    recipient: { id: '28:trygg', name: 'Trygg' },
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID }, team: { id: where.team }, channel: { id: where.channel } },
  });
  const harness: Harness = {
    app,
    base,
    dataDir,
    teams,
    web,
    post,
    staffSays: (text, o = {}) => {
      const where = o.where ?? JOUR;
      return post({
        type: 'message',
        ...teamsActivity(o.from ?? ANNA, where, o.conversationId ?? where.channel),
        text: `<at>Trygg</at> ${text}`,
        entities: [{ type: 'mention', text: '<at>Trygg</at>', mentioned: { id: '28:trygg', name: 'Trygg' } }],
        ...o.extra,
      });
    },
    cardAction: (data, o) =>
      post({
        type: 'invoke',
        name: 'adaptiveCard/action',
        ...teamsActivity(o.from ?? ANNA, o.where ?? JOUR, o.conversationId),
        // Teams sends the id of the message that holds the card (here: the thread's root).
        replyToId: /;messageid=(\d+)/.exec(o.conversationId)?.[1] ?? '1',
        value: { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' },
      }),
    tenantSays: (text) =>
      post({
        type: 'message',
        channelId: 'webchat',
        serviceUrl: web.url,
        from: { id: 'tenant-1' },
        recipient: { id: 'trygg' },
        conversation: { id: 'web-conv-1' },
        locale: 'sv-SE',
        text,
      }),
    webTexts: () => web.messages().map((m) => String(m.text ?? '')),
    setNow: (at) => void (now = at),
    async close() {
      await app.close();
      await teams.close();
      await web.close();
    },
  };
  return harness;
}

/** Polls `fn` until it returns something truthy (a condition, not a fixed pause). */
export async function until<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The jour on duty now (an extra shift), a registered channel, and a reported disturbance with its card. */
export async function caseWithCard(
  h: Harness,
  texts = ['grannen spelar hög musik', 'nej', 'Storgatan 5, uppgång B', '070-123 45 67'],
) {
  await h.app.store.shifts.add({
    route: 'trygghetsjour',
    kind: 'extra',
    from: NOW,
    to: new Date(NOW.getTime() + 2 * 3_600_000),
  });
  for (const text of texts) await h.tenantSays(text);
  const [post] = await until(() => {
    const posts = h.teams.accepted(/\/v3\/conversations\/?$/);
    return posts.length ? posts : undefined;
  });
  const [kase, posted] = await until(async () => {
    const [c] = await h.app.store.cases.list();
    const recorded = c && (await h.app.store.cards.get(c.id));
    return recorded ? ([c, recorded] as const) : undefined;
  });
  const card = (post!.body as { activity: { attachments: { content: Record<string, unknown> }[] } }).activity
    .attachments[0]!.content;
  /** `posted`: where the card is (thread and message ids). */
  return { kase, card, posted };
}
