import { afterEach, describe, expect, it } from 'vitest';
import { call, startConversation, startHarness, type Harness } from './fake-bot.ts';

const harnesses: Harness[] = [];
async function harness(): Promise<Harness> {
  const started = await startHarness();
  harnesses.push(started);
  return started;
}
afterEach(async () => {
  for (const started of harnesses.splice(0)) await started.close();
});

const botActivities = (conversationId: string) => `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
const pageActivities = (conversationId: string) => `/v3/directline/conversations/${conversationId}/activities`;

describe('Bot Connector routes the bot calls', () => {
  it('send stores the activity with a new id, the conversation and its channel', async () => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h, { channelId: 'sms', user: { id: '+46700000000' } });
    const sent = await call(h, 'POST', botActivities(conversationId), { body: { type: 'message', text: 'Hej!' } });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ id: `${conversationId}|0000001` });
    const polled = await call(h, 'GET', pageActivities(conversationId), { token });
    expect(polled.body.activities).toMatchObject([
      {
        id: sent.body.id,
        text: 'Hej!',
        channelId: 'sms',
        conversation: { id: conversationId },
        from: { id: 'trygg', role: 'bot' },
      },
    ]);
  });

  it('update keeps the id and moves the activity past the watermark the page already has', async () => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h);
    const sent = await call(h, 'POST', botActivities(conversationId), { body: { type: 'message', text: 'Väntar…' } });
    const before = await call(h, 'GET', pageActivities(conversationId), { token });

    const id = encodeURIComponent(sent.body.id);
    const updated = await call(h, 'PUT', `${botActivities(conversationId)}/${id}`, {
      body: { type: 'message', text: 'Klart' },
    });
    expect(updated).toEqual({ status: 200, body: { id: sent.body.id } });
    const after = await call(h, 'GET', `${pageActivities(conversationId)}?watermark=${before.body.watermark}`, {
      token,
    });
    expect(after.body.activities).toMatchObject([{ id: sent.body.id, text: 'Klart' }]);

    const deleted = await call(h, 'DELETE', `${botActivities(conversationId)}/${id}`);
    expect(deleted.status).toBe(200);
    expect((await call(h, 'GET', pageActivities(conversationId), { token })).body.activities).toEqual([]);
    expect((await call(h, 'DELETE', `${botActivities(conversationId)}/${id}`)).status).toBe(404);
  });

  it('reply sets replyToId from the path when the bot left it out', async () => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h);
    await call(h, 'POST', `${botActivities(conversationId)}/${encodeURIComponent('x|0000001')}`, {
      body: { type: 'typing' },
    });
    const polled = await call(h, 'GET', pageActivities(conversationId), { token });
    expect(polled.body.activities).toMatchObject([{ type: 'typing', replyToId: 'x|0000001' }]);
  });

  it('create answers an id and stores the first activity', async () => {
    const h = await harness();
    const created = await call(h, 'POST', '/v3/conversations', {
      body: { bot: { id: 'trygg' }, members: [{ id: 'tenant-7' }], activity: { type: 'message', text: 'Påminnelse' } },
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(String),
      serviceUrl: `${h.baseUrl}/`,
      activityId: expect.any(String),
    });
    const sent = await call(h, 'POST', botActivities(created.body.id), { body: { type: 'message', text: 'Mer' } });
    expect(sent.status).toBe(200);
  });

  it.each([
    ['invalid JSON', { rawBody: 'nope' }],
    ['no type', { body: { text: 'hej' } }],
    ['an array', { body: [{ type: 'message' }] }],
  ])('refuses a bot activity with %s with 400', async (_what, request) => {
    const h = await harness();
    const { conversationId } = await startConversation(h);
    expect((await call(h, 'POST', botActivities(conversationId), request)).status).toBe(400);
  });

  it('refuses create with malformed members with 400', async () => {
    const h = await harness();
    expect((await call(h, 'POST', '/v3/conversations', { body: { members: 'all' } })).status).toBe(400);
  });
});
