// The phone line when things go wrong: transfer failed, silence, the caller hanging up, ACS failing, forged callbacks.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACS_ENDPOINT,
  CALLER,
  callback,
  event,
  fixture,
  local,
  nockAction,
  nockAnswer,
  policyWith,
  pressed,
  ringAndConnect,
  said,
  ssmlOf,
  startPhoneApp,
  type PhoneApp,
  type Seen,
  callCount,
} from './harness.ts';

let phone: PhoneApp | undefined;
afterEach(async () => {
  await phone?.close();
  phone = undefined;
});

const NIGHT = local('2027-01-19 23:00'); // Tuesday night: Trygghetsjouren on duty

/** Rings, picks Swedish, and walks the jour dialog up to the transfer request (the play before it). */
async function upToTransfer(p: PhoneApp, seen: Seen): Promise<string> {
  const cb = await ringAndConnect(p, seen);
  for (const body of [pressed('one'), said('grannarna har fest och spelar hög musik'), said('nej')]) {
    const scope = nockAction(seen, 'recognize');
    await callback(p, cb, body);
    scope.done();
  }
  const play = nockAction(seen, 'play');
  await callback(p, cb, said('Lönngatan 3, trappuppgång A'));
  play.done();
  return cb;
}

describe('transfer to the jour', () => {
  it.each([
    ['the jour does not answer (CallTransferFailed)', 'event'],
    ['ACS refuses the transfer request (5xx)', 'rest'],
  ])(
    '%s: the caller is told, the case kept with a callback promise, staff told in the case thread, then the line hangs up',
    async (_label, how) => {
      phone = await startPhoneApp({ at: NIGHT });
      const seen: Seen = [];
      const cb = await upToTransfer(phone, seen);

      const transfer =
        how === 'event' ? nockAction(seen, 'transferToParticipant') : nockAction(seen, 'transferToParticipant', 503, 3);
      const told = nockAction(seen, 'play');
      await callback(phone, cb, event('play-completed', { operationContext: 'transfer' }));
      transfer.done();
      if (how === 'event') await callback(phone, cb, event('call-transfer-failed'));
      told.done();
      const ssml = ssmlOf(seen.at(-1)!.body);
      expect(ssml).toMatch(/Jag kunde inte koppla dig till Trygghetsjouren\. Ditt ärende T-\d{4}-\d{4} är sparat/);
      expect(ssml).toContain('ringer upp dig på <say-as interpret-as="telephone">070-174 06 05</say-as>');
      expect(ssml).toContain('ring <say-as interpret-as="telephone">112</say-as>');

      const hangUp = nockAction(seen, 'terminate', 204);
      await callback(phone, cb, event('play-completed', { operationContext: 'goodbye' }));
      hangUp.done();
      await callback(phone, cb, event('call-disconnected'));

      const [kase] = await phone.app.store.cases.list();
      expect(kase).toMatchObject({
        route: 'trygghetsjour',
        status: 'open',
        contact: { phone: CALLER, address: 'Lönngatan 3, trappuppgång A' },
      });
      expect(kase!.transcript.at(-1)!.text).toBe(
        `Samtalet kunde inte kopplas till Trygghetsjouren (+46400000001). Ring upp uppringaren på ${CALLER}.`,
      );
      // Staff: the case card (the bot's handoff) and, in its thread, the failed transfer with the number to call.
      const items = await phone.app.store.outbox.list({ caseId: kase!.id });
      expect(items.map((i) => i.kind)).toEqual(['staff.card', 'staff.post']);
      expect(items[1]!.payload).toMatchObject({
        caseId: kase!.id,
        text: expect.stringContaining(`Ring upp uppringaren på ${CALLER}`),
      });
      expect(nock.pendingMocks()).toEqual([]);
    },
  );
});

describe('silence', () => {
  it('reprompts once, then offers the choices (never dead air), then says goodbye and hangs up', async () => {
    phone = await startPhoneApp({ at: NIGHT });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);
    const ask = nockAction(seen, 'recognize');
    await callback(phone, cb, pressed('one'));
    ask.done();

    const expected = [
      /Jag hörde inget\..*Berätta med egna ord/,
      /Jag hörde inget\..*tryck 9 för att höra frågan igen, eller 0 för att prata med personal/,
      /tryck 9/,
    ];
    for (const pattern of expected) {
      const scope = nockAction(seen, 'recognize');
      await callback(phone, cb, event('recognize-failed-silence'));
      scope.done();
      expect(ssmlOf(seen.at(-1)!.body)).toMatch(pattern);
    }
    const goodbye = nockAction(seen, 'play');
    await callback(phone, cb, event('recognize-failed-silence'));
    goodbye.done();
    expect(ssmlOf(seen.at(-1)!.body)).toContain('Jag hör fortfarande inget, så jag avslutar samtalet.');
    const hangUp = nockAction(seen, 'terminate', 204);
    await callback(phone, cb, event('play-completed', { operationContext: 'goodbye' }));
    hangUp.done();
    // Nothing was said: no case.
    expect(await phone.app.store.cases.list()).toEqual([]);
  });

  it('on the language menu: the menu again, then Swedish', async () => {
    phone = await startPhoneApp({ at: NIGHT });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);
    const again = nockAction(seen, 'recognize');
    await callback(phone, cb, event('recognize-failed-silence', { operationContext: 'menu' }));
    again.done();
    expect(ssmlOf(seen.at(-1)!.body)).toMatch(/Jag hörde inget\..*För svenska, tryck 1/);
    const swedish = nockAction(seen, 'recognize');
    await callback(phone, cb, event('recognize-failed-silence', { operationContext: 'menu' }));
    swedish.done();
    expect(ssmlOf(seen.at(-1)!.body)).toMatch(/Jag fortsätter på svenska\..*Berätta med egna ord/);
  });
});

describe('the caller hangs up mid-way', () => {
  it('whatever was said is kept in a case, and staff are alerted', async () => {
    phone = await startPhoneApp({ at: NIGHT });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);
    for (const body of [pressed('one'), said('grannarna har fest och spelar hög musik')]) {
      const scope = nockAction(seen, 'recognize');
      await callback(phone, cb, body);
      scope.done();
    }
    await callback(phone, cb, event('call-disconnected'));

    const [kase] = await phone.app.store.cases.list();
    expect(kase).toMatchObject({
      route: 'trygghetsjour',
      category: 'disturbance',
      channelId: 'telephony',
      contact: { phone: CALLER },
    });
    expect(kase!.summary).toContain('grannarna har fest och spelar hög musik');
    expect(kase!.transcript.map((l) => l.text)).toContain('grannarna har fest och spelar hög musik');
    expect(kase!.transcript.at(-1)!.text).toMatch(/^Samtalet tog slut innan ärendet var klart/);
    // Staff get the case card, as for a case the bot opens.
    expect((await phone.app.store.outbox.list({ caseId: kase!.id })).map((i) => i.kind)).toEqual(['staff.card']);
    // The call is forgotten: a late callback for it is refused.
    expect((await phone.post(cb, event('play-completed'))).status).toBe(403);
  });
});

describe('ACS failing', () => {
  it('answer 5xx: Event Grid is asked to deliver again (503) and no call is kept', async () => {
    phone = await startPhoneApp({ at: NIGHT });
    const seen: Seen = [];
    const answer = nockAnswer(seen, 503, 3);
    const res = await phone.post('/api/calls/incoming', fixture('eventgrid-incoming-call'));
    answer.done();
    expect(res.status).toBe(503);
    expect(await callCount(phone)).toBe(0);
  });

  it('answer hangs: the request gives up at its deadline, and Event Grid is asked to deliver again (503)', async () => {
    phone = await startPhoneApp({ at: NIGHT, acsTimeoutMs: 300 });
    const hanging = nock(ACS_ENDPOINT)
      .post('/calling/callConnections:answer')
      .query(true)
      .delay(5_000)
      .reply(200, fixture('answer-response') as nock.Body);
    const started = Date.now();
    const res = await phone.post('/api/calls/incoming', fixture('eventgrid-incoming-call'));
    const took = Date.now() - started;
    expect(res.status).toBe(503);
    expect(await callCount(phone)).toBe(0);
    // Given up at 300 ms (retries included), well short of the 5 s it would hang.
    expect(took).toBeLessThan(3_000);
    expect(hanging.isDone()).toBe(true);
    nock.abortPendingRequests();
  });

  it('recognize 5xx mid-call: the line hangs up and keeps what was said for staff', async () => {
    phone = await startPhoneApp({ at: NIGHT });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);
    const ask = nockAction(seen, 'recognize');
    await callback(phone, cb, pressed('one'));
    ask.done();
    const failing = nockAction(seen, 'recognize', 500, 3);
    const hangUp = nockAction(seen, 'terminate', 204);
    await callback(phone, cb, said('grannarna har fest och spelar hög musik'));
    failing.done();
    hangUp.done();
    const [kase] = await phone.app.store.cases.list();
    expect(kase!.transcript.at(-1)!.text).toMatch(/^Telefonlinjen fick ett tekniskt fel/);
    expect((await phone.app.store.outbox.list({ caseId: kase!.id })).map((i) => i.kind)).toEqual(['staff.card']);
  });
});

describe('callbacks that do not belong to a call we answered', () => {
  it('are refused without the secret, for an unknown call, and ignored for another call connection', async () => {
    phone = await startPhoneApp({ at: NIGHT });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);
    const [path, query] = cb.split('?');
    expect((await phone.post(path!, event('recognize-completed-speech'))).status).toBe(403);
    expect(
      (await phone.post(`${path}?token=forged-token-of-the-same-length-xxxxxxx`, event('recognize-completed-speech')))
        .status,
    ).toBe(403);
    expect(
      (
        await phone.post(
          `/api/calls/callback/00000000-0000-4000-8000-000000000000?${query}`,
          event('recognize-completed-speech'),
        )
      ).status,
    ).toBe(403);
    // The right secret but another call connection's event: accepted, and nothing is asked of ACS.
    const other = await phone.post(
      cb,
      event('recognize-completed-speech', { callConnectionId: 'another-call-connection' }),
    );
    expect(other.status).toBe(200);
    expect(nock.pendingMocks()).toEqual([]);
    expect(seen.map((s) => s.path)).toEqual(['answer', 'recognize']);
  });
});

describe("policy.phone.emergencyAction: 'transfer'", () => {
  it('says it connects to 112 (twice), transfers to 112, and if that fails tells the caller to dial 112 and hangs up', async () => {
    phone = await startPhoneApp({ at: NIGHT, env: { POLICY_FILE: policyWith('transfer') } });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);
    const ask = nockAction(seen, 'recognize');
    await callback(phone, cb, pressed('one'));
    ask.done();
    const play = nockAction(seen, 'play');
    await callback(phone, cb, said('det brinner i trapphuset'));
    play.done();
    expect(
      ssmlOf(seen.at(-1)!.body).match(/Jag kopplar dig till <say-as interpret-as="telephone">112<\/say-as> nu\./g),
    ).toHaveLength(2);

    const transfer = nockAction(seen, 'transferToParticipant');
    await callback(phone, cb, event('play-completed', { operationContext: 'emergency-transfer' }));
    transfer.done();
    expect(seen.at(-1)!.body.targetParticipant).toMatchObject({ phoneNumber: { value: '112' } });

    const told = nockAction(seen, 'play');
    await callback(phone, cb, event('call-transfer-failed', { operationContext: 'emergency-transfer' }));
    told.done();
    expect(
      ssmlOf(seen.at(-1)!.body).match(/Lägg på och ring <say-as interpret-as="telephone">112<\/say-as> nu/g),
    ).toHaveLength(2);
    const hangUp = nockAction(seen, 'terminate', 204);
    await callback(phone, cb, event('play-completed', { operationContext: 'emergency' }));
    hangUp.done();
    expect((await phone.app.store.cases.list())[0]).toMatchObject({ route: 'emergency', contact: { phone: CALLER } });
  });
});
