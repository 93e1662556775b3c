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
const say = (text: string) => ({
  type: 'message',
  text,
  from: { id: 'forged', name: 'Tenant' },
  channelData: { clientActivityID: `c-${text}` },
});

describe('Direct Line round trip', () => {
  it('starts, tells the bot, forwards a message and lets the page poll the echo and the reply', async () => {
    const h = await harness();
    const generated = await call(h, 'POST', '/v3/directline/tokens/generate', { body: { locale: 'sv-SE' } });
    expect(generated.status).toBe(200);
    expect(generated.body).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: 3600 });

    const started = await call(h, 'POST', '/v3/directline/conversations', { token: generated.body.token });
    expect(started.status).toBe(201);
    expect(started.body.conversationId).toBe(generated.body.conversationId);
    expect(started.body).not.toHaveProperty('streamUrl');
    const { conversationId, token } = started.body;

    expect(h.received).toMatchObject([
      {
        type: 'conversationUpdate',
        channelId: 'webchat',
        conversation: { id: conversationId },
        membersAdded: [{ id: 'trygg' }, {}],
      },
    ]);

    const posted = await call(h, 'POST', activities(conversationId), { token, body: say('hej') });
    expect(posted.status).toBe(200);
    // |0000000 went to the conversationUpdate, which only the bot sees.
    expect(posted.body.id).toBe(`${conversationId}|0000001`);

    const atBot = h.received[1];
    expect(atBot).toMatchObject({
      type: 'message',
      text: 'hej',
      id: posted.body.id,
      serviceUrl: `${h.baseUrl}/`,
      channelId: 'webchat',
      locale: 'sv-SE',
      conversation: { id: conversationId },
      recipient: { id: 'trygg', role: 'bot' },
      from: { role: 'user', name: 'Tenant' },
    });
    expect(new Date(String(atBot?.timestamp)).getTime()).not.toBeNaN();
    // The sender is the token's user, never what the page claimed.
    expect((atBot?.from as { id: string }).id).toMatch(/^dl_/);

    const polled = await call(h, 'GET', `${activities(conversationId)}?watermark=`, { token });
    expect(polled.status).toBe(200);
    expect(polled.body.watermark).toBe('2');
    expect(polled.body.activities).toMatchObject([
      { type: 'message', text: 'hej', id: posted.body.id, channelData: { clientActivityID: 'c-hej' } },
      {
        type: 'message',
        text: expect.stringMatching(/^echo \(webchat dl_\S+ sv-SE\): hej$/),
        replyToId: posted.body.id,
        from: { id: 'trygg' },
      },
      { type: 'trace', name: 'trygg.decision', value: { route: 'office' } },
    ]);
  });

  it('starts without a token too, and a second start with the token answers 200 without a second conversationUpdate', async () => {
    const h = await harness();
    const started = await call(h, 'POST', '/v3/directline/conversations', {
      body: { user: { id: 'tenant-1' }, locale: 'en-US' },
    });
    expect(started.status).toBe(201);
    const again = await call(h, 'POST', '/v3/directline/conversations', { token: started.body.token });
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(started.body.conversationId);
    expect(h.received.filter((a) => a.type === 'conversationUpdate')).toHaveLength(1);
    expect(h.received[0]).toMatchObject({ from: { id: 'tenant-1' }, locale: 'en-US' });
  });
});

describe('watermarks', () => {
  it('returns only what came after the watermark, and keeps the watermark when nothing is new', async () => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h);
    await call(h, 'POST', activities(conversationId), { token, body: say('ett') });
    const first = await call(h, 'GET', activities(conversationId), { token });
    expect(first.body.activities).toHaveLength(3);

    const nothingNew = await call(h, 'GET', `${activities(conversationId)}?watermark=${first.body.watermark}`, {
      token,
    });
    expect(nothingNew.body).toEqual({ activities: [], watermark: first.body.watermark });

    await call(h, 'POST', activities(conversationId), { token, body: say('två') });
    const second = await call(h, 'GET', `${activities(conversationId)}?watermark=${first.body.watermark}`, { token });
    expect(second.body.activities.map((a: { text?: string }) => a.text)).toEqual([
      'två',
      expect.stringContaining('två'),
      undefined,
    ]);
    expect(second.body.watermark).toBe('5');

    const beyond = await call(h, 'GET', `${activities(conversationId)}?watermark=999`, { token });
    expect(beyond.body).toEqual({ activities: [], watermark: '999' });
  });

  it('an empty conversation has no watermark yet', async () => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h);
    expect((await call(h, 'GET', activities(conversationId), { token })).body).toEqual({ activities: [] });
  });

  it.each(['abc', '-1', '1.5', '1e3'])('refuses watermark %s with 400', async (watermark) => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h);
    const answer = await call(h, 'GET', `${activities(conversationId)}?watermark=${watermark}`, { token });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'BadArgument', message: expect.stringContaining('watermark') });
  });
});

describe('SMS preview', () => {
  it('delivers channelId sms, the phone number as from.id, and no Web Chat-only fields', async () => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h, {
      channelId: 'sms',
      user: { id: '+46700000000' },
      locale: 'ar',
    });
    await call(h, 'POST', activities(conversationId), {
      token,
      body: { ...say('hjälp'), entities: [{ type: 'ClientCapabilities' }] },
    });
    const atBot = h.received.find((a) => a.type === 'message');
    expect(atBot).toMatchObject({
      channelId: 'sms',
      from: { id: '+46700000000', name: '+46700000000' },
      locale: 'ar',
      textFormat: 'plain',
    });
    expect(atBot).not.toHaveProperty('channelData');
    expect(atBot).not.toHaveProperty('entities');
    // The page still gets its echo with the client activity id, or Web Chat would never mark it sent.
    const polled = await call(h, 'GET', activities(conversationId), { token });
    expect(polled.body.activities[0].channelData).toEqual({ clientActivityID: 'c-hjälp' });
    expect(polled.body.activities[1].text).toBe('echo (sms +46700000000 ar): hjälp');
  });

  it('refuses what an SMS cannot carry', async () => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h, { channelId: 'sms', user: { id: '+46700000000' } });
    const typing = await call(h, 'POST', activities(conversationId), { token, body: { type: 'typing' } });
    expect(typing.status).toBe(400);
  });
});

describe('bad input answers 400 with a reason', () => {
  it.each([
    ['an unknown channel', { channelId: 'teams' }],
    ['sms without a phone number', { channelId: 'sms' }],
    ['sms with a malformed phone number', { channelId: 'sms', user: { id: '0700000000' } }],
    ['a malformed locale', { locale: 'svenska språket' }],
    ['a user that is not an object', { user: 'x' }],
    ['a user id with spaces', { user: { id: 'a b' } }],
  ])('token request with %s', async (_what, body) => {
    const h = await harness();
    const answer = await call(h, 'POST', '/v3/directline/tokens/generate', { body });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toEqual(expect.any(String));
  });

  it.each([
    ['invalid JSON', { rawBody: '{"type":' }],
    ['an array', { body: [] }],
    ['no type', { body: { text: 'hej' } }],
    ['an unknown type', { body: { type: 'conversationUpdate' } }],
    ['text that is not a string', { body: { type: 'message', text: 42 } }],
  ])('activity with %s', async (_what, request) => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h);
    const answer = await call(h, 'POST', activities(conversationId), { token, ...request });
    expect(answer.status).toBe(400);
    expect(h.received.filter((a) => a.type === 'message')).toHaveLength(0);
  });

  it('a body over 256 KB is refused with 413', async () => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h);
    const answer = await call(h, 'POST', activities(conversationId), {
      token,
      body: { type: 'message', text: 'x'.repeat(300_000) },
    });
    expect(answer.status).toBe(413);
  });
});

describe('unknown conversations and tokens', () => {
  it.each([
    ['GET', '/v3/directline/conversations/nope'],
    ['GET', '/v3/directline/conversations/nope/activities'],
    ['POST', '/v3/directline/conversations/nope/activities'],
    ['POST', '/v3/conversations/nope/activities'],
    ['POST', '/v3/conversations/nope/activities/x'],
    ['PUT', '/v3/conversations/nope/activities/x'],
    ['DELETE', '/v3/conversations/nope/activities/x'],
  ])('%s %s answers 404', async (method, path) => {
    const h = await harness();
    const { token } = await startConversation(h);
    const answer = await call(h, method, path, { token, body: { type: 'message', text: 'hej' } });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NotFound');
  });

  it('a missing token, or another conversation’s token, answers 403', async () => {
    const h = await harness();
    const mine = await startConversation(h);
    const theirs = await startConversation(h);
    expect((await call(h, 'GET', activities(mine.conversationId))).status).toBe(403);
    expect((await call(h, 'GET', activities(mine.conversationId), { token: theirs.token })).status).toBe(403);
    expect((await call(h, 'POST', '/v3/directline/conversations', { token: 'made-up' })).status).toBe(403);
  });

  it('refresh gives a new token that works; reconnect gives one too', async () => {
    const h = await harness();
    const { conversationId, token } = await startConversation(h);
    const refreshed = await call(h, 'POST', '/v3/directline/tokens/refresh', { token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId, expires_in: 3600 });
    expect(refreshed.body.token).not.toBe(token);
    expect((await call(h, 'GET', activities(conversationId), { token: refreshed.body.token })).status).toBe(200);

    const reconnected = await call(h, 'GET', `/v3/directline/conversations/${conversationId}?watermark=0`, { token });
    expect(reconnected.status).toBe(200);
    expect(reconnected.body.conversationId).toBe(conversationId);
    expect((await call(h, 'POST', '/v3/directline/tokens/refresh')).status).toBe(403);
  });

  it('the token carries the user id as a claim, so Web Chat sends as that user', async () => {
    const h = await harness();
    const { token } = await startConversation(h, { channelId: 'sms', user: { id: '+46701234567' } });
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(claims.user).toBe('+46701234567');
  });
});
