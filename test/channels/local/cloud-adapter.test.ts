/**
 * The shim against the real SDK: a botbuilder CloudAdapter without credentials (local mode) answers through
 * the connector routes exactly as the Trygg bot will. The server also runs restify's bodyParser globally,
 * as a composition root may, to check the shim reads bodies either way.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountDirectLine } from '../../../src/channels/local/index.ts';
import { call, type Harness } from './fake-bot.ts';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity(`welcome ${context.activity.channelId}`);
      await next();
    });
    this.onMessage(async (context, next) => {
      const { text, channelId, from, locale } = context.activity;
      if (text === 'edit') {
        const sent = await context.sendActivity('v1');
        await context.updateActivity({
          ...context.activity,
          type: 'message',
          text: 'v2',
          id: sent?.id,
        } as Partial<Activity>);
      } else if (text === 'remove') {
        const sent = await context.sendActivity('gone soon');
        if (sent?.id) await context.deleteActivity(sent.id);
      } else {
        await context.sendActivity(`echo (${channelId} ${from.id} ${locale}): ${text}`);
      }
      await context.sendTraceActivity('trygg.decision', { route: 'office' }, 'https://trygg.local/decision');
      await next();
    });
  }
}

let harness: Harness;
let server: restify.Server;

beforeAll(async () => {
  server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  // No app id: the SDK then neither checks the shim's requests nor signs its own, as in Trygg's local mode.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = mountDirectLine(server, { botEndpoint: `${baseUrl}/api/messages`, publicBaseUrl: baseUrl });
  harness = { baseUrl, received: [], store, close: async () => undefined };
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function converse(request: Record<string, unknown>, texts: string[]) {
  const generated = await call(harness, 'POST', '/v3/directline/tokens/generate', { body: request });
  const { conversationId, token } = generated.body;
  expect((await call(harness, 'POST', '/v3/directline/conversations', { token })).status).toBe(201);
  for (const text of texts) {
    const posted = await call(harness, 'POST', `/v3/directline/conversations/${conversationId}/activities`, {
      token,
      body: { type: 'message', text, from: { id: 'x' }, channelData: { clientActivityID: text } },
    });
    expect(posted.status).toBe(200);
  }
  const polled = await call(harness, 'GET', `/v3/directline/conversations/${conversationId}/activities`, { token });
  return polled.body.activities as { type: string; text?: string; name?: string; replyToId?: string }[];
}

describe('with botbuilder CloudAdapter in local mode', () => {
  it('welcomes on conversationUpdate and echoes with the channel, sender and locale', async () => {
    const activities = await converse({ locale: 'sv-SE' }, ['hej']);
    // No trace here: the SDK itself drops trace activities on every channel but the Emulator's.
    expect(activities.map((a) => a.text ?? `${a.type}:${a.name}`)).toEqual([
      'welcome webchat',
      'hej',
      expect.stringMatching(/^echo \(webchat dl_\S+ sv-SE\): hej$/),
    ]);
  });

  it('keeps the trygg.decision trace when the page previews the emulator channel', async () => {
    const activities = await converse({ channelId: 'emulator' }, ['hej']);
    expect(activities.at(-1)).toMatchObject({ type: 'trace', name: 'trygg.decision' });
  });

  it('previews SMS: channelId sms and the phone number as the sender', async () => {
    const activities = await converse({ channelId: 'sms', user: { id: '+46700000000' }, locale: 'pl' }, ['pomocy']);
    expect(activities.find((a) => a.text?.startsWith('echo'))?.text).toBe('echo (sms +46700000000 pl): pomocy');
  });

  it('updates and deletes through the SDK', async () => {
    const activities = await converse({}, ['edit', 'remove']);
    const texts = activities.map((a) => a.text);
    expect(texts).toContain('v2');
    expect(texts).not.toContain('v1');
    expect(texts).not.toContain('gone soon');
  });
});
