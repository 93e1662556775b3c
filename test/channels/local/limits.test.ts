import { afterEach, describe, expect, it } from 'vitest';
import { call, startConversation, startHarness, type Harness } from './fake-bot.ts';

const harnesses: Harness[] = [];
async function harness(options?: Parameters<typeof startHarness>[0]): Promise<Harness> {
  const started = await startHarness(options);
  harnesses.push(started);
  return started;
}
afterEach(async () => {
  for (const started of harnesses.splice(0)) await started.close();
});

const activities = (conversationId: string) => `/v3/directline/conversations/${conversationId}/activities`;

describe('caps keep the store bounded', () => {
  it('drops the least recently used conversation beyond maxConversations', async () => {
    const h = await harness({ limits: { maxConversations: 2 } });
    const first = await startConversation(h);
    const second = await startConversation(h);
    // Polling the first makes the second the least recently used.
    expect((await call(h, 'GET', activities(first.conversationId), { token: first.token })).status).toBe(200);
    const third = await startConversation(h);
    expect(h.store.size).toBe(2);
    expect((await call(h, 'GET', activities(second.conversationId), { token: second.token })).status).toBe(404);
    expect((await call(h, 'GET', activities(first.conversationId), { token: first.token })).status).toBe(200);
    expect((await call(h, 'GET', activities(third.conversationId), { token: third.token })).status).toBe(200);
  });

  it('keeps the newest maxActivities per conversation, and watermarks keep counting', async () => {
    const h = await harness({ limits: { maxActivities: 4 } });
    const { conversationId, token } = await startConversation(h);
    for (const text of ['a', 'b', 'c']) {
      await call(h, 'POST', activities(conversationId), { token, body: { type: 'message', text } });
    }
    const polled = await call(h, 'GET', activities(conversationId), { token });
    // Three turns store nine activities (message, echo, trace); only the last four remain.
    expect(polled.body.watermark).toBe('8');
    expect(polled.body.activities.map((a: { type: string; text?: string }) => a.text ?? a.type)).toEqual([
      'trace',
      'c',
      expect.stringContaining(': c'),
      'trace',
    ]);
  });

  it('forgets a conversation idle longer than idleMs, and refuses an expired token', async () => {
    let now = Date.parse('2025-01-10T22:00:00Z');
    const h = await harness({ now: () => now, limits: { idleMs: 60_000, tokenSeconds: 30 } });
    const idle = await startConversation(h);
    const active = await startConversation(h);

    now += 20_000;
    expect((await call(h, 'GET', activities(active.conversationId), { token: active.token })).status).toBe(200);
    now += 15_000; // the tokens (30 s) have expired, the conversations (60 s idle) not yet
    expect((await call(h, 'GET', activities(active.conversationId), { token: active.token })).status).toBe(403);
    expect((await call(h, 'POST', '/v3/directline/tokens/refresh', { token: active.token })).status).toBe(403);

    now += 30_000; // 65 s since the idle one was last used, 45 s for the active one
    expect((await call(h, 'GET', activities(idle.conversationId), { token: idle.token })).status).toBe(404);
    expect((await call(h, 'GET', activities(active.conversationId), { token: active.token })).status).toBe(403);
  });

  it('sweeps idle conversations when a new one is created', async () => {
    let now = 1_000_000;
    const h = await harness({ now: () => now, limits: { idleMs: 1_000 } });
    await startConversation(h);
    await startConversation(h);
    now += 5_000;
    await startConversation(h);
    expect(h.store.size).toBe(1);
  });
});

describe('a failing bot is reported to the page, never a 500', () => {
  it('bot answering 500 gives 502 BotError; the echo is still there', async () => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h);
    const answer = await call(h, 'POST', activities(conversationId), {
      token,
      body: { type: 'message', text: 'fail' },
    });
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('BotError');
    const polled = await call(h, 'GET', activities(conversationId), { token });
    expect(polled.body.activities.map((a: { text?: string }) => a.text)).toEqual(['fail']);
  });

  it('a bot slower than botTimeoutMs gives 504', async () => {
    const h = await harness({ botTimeoutMs: 200 });
    const { conversationId, token } = await startConversation(h);
    const answer = await call(h, 'POST', activities(conversationId), {
      token,
      body: { type: 'message', text: 'slow' },
    });
    expect(answer.status).toBe(504);
    expect(answer.body.error.code).toBe('BotTimeout');
  });

  it('an unreachable bot gives 502 on messages, while starting a conversation still works', async () => {
    const h = await harness({ botEndpoint: 'http://127.0.0.1:9/api/messages' });
    const { conversationId, token } = await startConversation(h);
    const answer = await call(h, 'POST', activities(conversationId), { token, body: { type: 'message', text: 'hej' } });
    expect(answer.status).toBe(502);
    expect(answer.body.error).toMatchObject({
      code: 'BotUnreachable',
      message: expect.stringContaining('127.0.0.1:9'),
    });
  });
});
