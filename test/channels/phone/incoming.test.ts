// Issue 19, finding 9: the incoming-call webhook's secret guards the CloudEvents handshake too, and forged
// incoming calls cannot push a call in progress out of the session table.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACS_ENDPOINT,
  event,
  fixture,
  local,
  ringAndConnect,
  startPhoneApp,
  type PhoneApp,
  type Seen,
  callCount,
} from './harness.ts';

const NIGHT = local('2027-01-19 23:00');
const SECRET = 's3cret-for-tests-0123456789';

let phone: PhoneApp | undefined;
afterEach(async () => {
  await phone?.close();
  phone = undefined;
});

const handshake = (
  query: string,
  headers: Record<string, string> = { 'WebHook-Request-Origin': 'eventgrid.azure.net' },
) => fetch(`${phone!.base}/api/calls/incoming${query}`, { method: 'OPTIONS', headers });

describe('the CloudEvents handshake (OPTIONS)', () => {
  it('with ACS_INCOMING_SECRET: only with the secret (403 otherwise), and only with an origin to allow', async () => {
    phone = await startPhoneApp({ at: NIGHT, env: { ACS_INCOMING_SECRET: SECRET } });
    for (const query of ['', '?secret=wrong', `?secret=${SECRET.slice(0, -1)}`]) {
      const refused = await handshake(query);
      expect(refused.status, query).toBe(403);
      expect(refused.headers.get('webhook-allowed-origin')).toBeNull();
      expect(await refused.json()).toMatchObject({ error: 'WebhookSecret' });
    }
    const ok = await handshake(`?secret=${SECRET}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('webhook-allowed-origin')).toBe('eventgrid.azure.net');
    const noOrigin = await handshake(`?secret=${SECRET}`, {});
    expect(noOrigin.status).toBe(400);
    expect(await noOrigin.json()).toMatchObject({ error: 'BadHandshake' });
  });
});

describe('forged incoming calls', () => {
  it('a flood of them does not evict the call in progress; beyond the ringing cap they get 503', async () => {
    phone = await startPhoneApp({ at: NIGHT, sessions: { max: 5, maxRinging: 3 } });
    const seen: Seen = [];
    const callback = await ringAndConnect(phone, seen);
    expect(await callCount(phone)).toBe(1);

    // ACS takes its time over each forged call context, then refuses it.
    const refusals = nock(ACS_ENDPOINT)
      .post('/calling/callConnections:answer')
      .query(true)
      .times(3)
      .delay(300)
      .reply(400, { error: { code: 'BadRequest', message: 'invalid incoming call context' } });
    const [real] = fixture('eventgrid-incoming-call') as Record<string, unknown>[];
    const forged = (i: number) => [
      { ...real, id: `forged-${i}`, data: { ...(real!.data as object), incomingCallContext: `forged-context-${i}` } },
    ];
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => phone!.post('/api/calls/incoming', forged(i))),
    );
    const statuses = answers.map((a) => a.status).sort();
    // Three rang (ACS refused them: nothing to deliver again); the other seven found the ringing table full.
    expect(statuses).toEqual([200, 200, 200, 503, 503, 503, 503, 503, 503, 503]);
    const busy = answers.find((a) => a.status === 503)!;
    expect(await busy.json()).toMatchObject({ error: 'LineBusy' });
    refusals.done();

    // The real call is still there, and its events are still taken.
    expect(await callCount(phone)).toBe(1);
    const res = await phone.post(callback, event('call-disconnected'));
    expect(res.status).toBe(200);
  });

  it('answered calls fill the table without being pushed out; a new call then gets 503 until one ends', async () => {
    phone = await startPhoneApp({ at: NIGHT, sessions: { max: 1, maxRinging: 3 } });
    const seen: Seen = [];
    const callback = await ringAndConnect(phone, seen);
    const another = await phone.post('/api/calls/incoming', fixture('eventgrid-incoming-call'));
    expect(another.status).toBe(503);
    expect((await phone.post(callback, event('call-disconnected'))).status).toBe(200);
    expect(await callCount(phone)).toBe(0);
  });
});
