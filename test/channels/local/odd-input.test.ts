import { afterAll, beforeAll, expect, it } from 'vitest';
import { startConversation, startHarness, type Harness } from './fake-bot.ts';

let h: Harness;
let conversationId: string;
let token: string;
beforeAll(async () => {
  h = await startHarness();
  ({ conversationId, token } = await startConversation(h));
});
afterAll(async () => h.close());

// Odd requests a browser, a script or a confused bot may send: each gets a 4xx answer, never a 5xx.
it.each([
  ['POST', '/v3/directline/tokens/generate', 'null', {}],
  ['POST', '/v3/directline/tokens/generate', '"sms"', {}],
  ['POST', '/v3/directline/tokens/generate', '{"user":{"id":"+4670","name":7}}', {}],
  ['POST', '/v3/directline/conversations', '{"locale":["sv"]}', {}],
  ['POST', '/v3/directline/conversations', '', { authorization: 'Basic abc' }],
  ['GET', '/v3/directline/conversations/%E0%A4%A/activities', undefined, {}],
  ['GET', `/v3/directline/conversations/${'x'.repeat(500)}/activities`, undefined, {}],
  ['POST', '/v3/conversations/%zz/activities', '{"type":"message"}', {}],
  ['POST', '/v3/conversations', '{"activity":"hej"}', {}],
  ['PUT', '/v3/conversations/%C0/activities/%C0', '{"type":"message"}', {}],
  ['POST', '/v3/directline/conversations/CONV/upload?userId=x', 'x', {}],
  ['GET', '/v3/directline/tokens/generate', undefined, {}],
])('%s %s %s answers 4xx', async (method, path, body, headers) => {
  const response = await fetch(`${h.baseUrl}${path.replace('CONV', conversationId)}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body }),
  });
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
});

it('a watermark given twice still works; a body that is not typed as JSON is refused with 415', async () => {
  const base = `${h.baseUrl}/v3/directline/conversations/${conversationId}/activities`;
  const auth = { Authorization: `Bearer ${token}` };
  expect((await fetch(`${base}?watermark=0&watermark=zz`, { headers: auth })).status).toBe(200);
  // Every route takes application/json only (Web Chat sends nothing else), even on a server without the
  // app's body parser, as this harness is.
  const posted = await fetch(base, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'text/plain' },
    body: '{"type":"message","text":"hej"}',
  });
  expect(posted.status).toBe(415);
  expect((await posted.json()).error.code).toBe('UnsupportedMediaType');
  const json = await fetch(base, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json; charset=UTF-8' },
    body: '{"type":"message","text":"hej"}',
  });
  expect(json.status).toBe(200);
});
