// The phone line while the store is away (the database went down): a call in progress, and a new call, hear
// that Trygg has a technical fault, to hang up and call 112 in acute danger, and the numbers on duty; then the
// line hangs up. A callback whose secret does not check out is still refused. Nothing needs the store.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/store/index.ts';
import {
  callback,
  callbackPath,
  event,
  fixture,
  local,
  nockAction,
  nockAnswer,
  ringAndConnect,
  said,
  ssmlOf,
  startPhoneApp,
  type PhoneApp,
  type Seen,
} from './harness.ts';

let phone: PhoneApp | undefined;
afterEach(async () => {
  await phone?.close();
  phone = undefined;
});

/** The store's calls fail from now on, as they do when PostgreSQL is unreachable. */
function storeGoesAway(app: PhoneApp) {
  const down = async () => {
    throw new StoreError(
      'Cannot use the PostgreSQL database (ECONNREFUSED); check DATABASE_URL and that the server is up.',
    );
  };
  Object.assign(app.app.store.calls, { get: down, save: down, create: down, delete: down, count: down });
}

function expectOutageMessage(ssml: string) {
  expect(ssml).toMatch(/Trygg har ett tekniskt fel.*lägg på och ring <say-as interpret-as="telephone">112<\/say-as>/);
  expect(ssml).toContain('Trygghetsjouren på <say-as interpret-as="telephone">040-');
  expect(ssml).toMatch(/<voice name="en-GB-SoniaNeural">Trygg has a technical fault/);
  expect(ssml).toMatch(/<voice name="ar-SA-ZariyahNeural">/);
}

describe('the phone line while the store is away', () => {
  it('a call in progress is told to call 112 or the numbers on duty, then the line hangs up', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00') });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);
    storeGoesAway(phone);

    const play = nockAction(seen, 'play');
    await callback(phone, cb, said('det brinner i trapphuset'));
    play.done();
    expectOutageMessage(ssmlOf(seen.at(-1)!.body));
    expect(seen.at(-1)!.body.operationContext).toBe('outage');

    const hangUp = nockAction(seen, 'terminate', 204);
    await callback(phone, cb, event('play-completed', { operationContext: 'outage' }));
    hangUp.done();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a new call is answered for the same message', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00') });
    storeGoesAway(phone);
    const seen: Seen = [];
    const answer = nockAnswer(seen);
    expect((await phone.post('/api/calls/incoming', fixture('eventgrid-incoming-call'))).status).toBe(200);
    answer.done();
    const play = nockAction(seen, 'play');
    await callback(phone, callbackPath(seen), event('call-connected'));
    play.done();
    expectOutageMessage(ssmlOf(seen.at(-1)!.body));
  });

  it('refuses a callback whose secret does not check out, without a request to ACS', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00') });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);
    storeGoesAway(phone);
    const forged = cb.replace(/token=[^&]+/, 'token=not-the-secret');
    expect((await phone.post(forged, said('hej'))).status).toBe(403);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
