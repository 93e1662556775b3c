// The phone line on ACS, end to end: Event Grid and Call Automation payloads in, ACS's REST API under nock.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACS_ENV,
  CALLER,
  callback,
  event,
  fixture,
  local,
  nockAction,
  nockAnswer,
  pressed,
  PUBLIC_BASE_URL,
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

describe('Event Grid', () => {
  it('answers the subscription validation handshake', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00') });
    const res = await phone.post('/api/calls/incoming', fixture('eventgrid-validation'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ validationResponse: '512d38b6-c7b8-40c8-89fe-f46f9e9622b6' });
  });

  it('answers the CloudEvents webhook handshake (OPTIONS)', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00') });
    const res = await fetch(`${phone.base}/api/calls/incoming`, {
      method: 'OPTIONS',
      headers: { 'WebHook-Request-Origin': 'eventgrid.azure.net' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('webhook-allowed-origin')).toBe('eventgrid.azure.net');
  });

  it('takes an IncomingCall in the CloudEvents schema too', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00') });
    const seen: Seen = [];
    const [eg] = fixture('eventgrid-incoming-call') as Record<string, unknown>[];
    const cloudEvent = {
      id: eg!.id,
      source: eg!.topic,
      subject: eg!.subject,
      type: eg!.eventType,
      data: eg!.data,
      time: eg!.eventTime,
      specversion: '1.0',
    };
    const answer = nockAnswer(seen);
    const res = await phone.post('/api/calls/incoming', [cloudEvent], {
      'content-type': 'application/cloudevents-batch+json; charset=utf-8',
    });
    expect(res.status).toBe(200);
    answer.done();
    expect(await callCount(phone)).toBe(1);
  });

  it('with ACS_INCOMING_SECRET, takes posts only with the secret in the query (403 otherwise)', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), env: { ACS_INCOMING_SECRET: 's3cret-for-tests' } });
    for (const path of [
      '/api/calls/incoming',
      '/api/calls/incoming?secret=wrong',
      '/api/calls/incoming?secret=s3cret-for-test',
    ]) {
      const refused = await phone.post(path, fixture('eventgrid-validation'));
      expect(refused.status).toBe(403);
    }
    const seen: Seen = [];
    const answer = nockAnswer(seen);
    expect((await phone.post('/api/calls/incoming?secret=wrong', fixture('eventgrid-incoming-call'))).status).toBe(403);
    expect(await callCount(phone)).toBe(0);
    const ok = await phone.post('/api/calls/incoming?secret=s3cret-for-tests', fixture('eventgrid-validation'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ validationResponse: '512d38b6-c7b8-40c8-89fe-f46f9e9622b6' });
    expect(
      (await phone.post('/api/calls/incoming?secret=s3cret-for-tests', fixture('eventgrid-incoming-call'))).status,
    ).toBe(200);
    answer.done();
    expect(await callCount(phone)).toBe(1);
  });

  it('is not mounted without ACS configuration (the phone line is off)', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
    expect(phone.line).toBeUndefined();
    const res = await phone.post('/api/calls/incoming', fixture('eventgrid-validation'));
    expect(res.status).toBe(404);
  });
});

describe('a call', () => {
  it('is answered with a secret callback URL, greeted in Swedish with a neural voice and offered the languages', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00') });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);

    const answer = seen[0]!.body;
    expect(answer.incomingCallContext).toMatch(/^eyJ/);
    expect(String(answer.callbackUri)).toMatch(
      new RegExp(`^${PUBLIC_BASE_URL}/api/calls/callback/[0-9a-f-]{36}\\?token=[\\w-]{20,}$`),
    );
    expect(answer.callIntelligenceOptions).toEqual({
      cognitiveServicesEndpoint: ACS_ENV.ACS_COGNITIVE_SERVICES_ENDPOINT,
    });
    expect(cb).toContain('/api/calls/callback/');

    const menu = seen[1]!.body;
    expect(menu.recognizeInputType).toBe('speechOrDtmf');
    const options = menu.recognizeOptions as Record<string, unknown>;
    expect(options.interruptPrompt).toBe(true); // barge-in
    expect(options.speechLanguage).toBe('sv-SE');
    expect(JSON.stringify(options.targetParticipant)).toContain(CALLER);
    const ssml = ssmlOf(menu);
    expect(ssml).toMatch(/^<speak [^>]*xml:lang="sv-SE"><voice name="sv-SE-SofieNeural">Hej, du har ringt Trygg/);
    expect(ssml).toContain('tolkas automatiskt');
    expect(ssml).toContain('För svenska, tryck 1.');
    expect(ssml).toContain('<voice name="en-GB-SoniaNeural">For English, press 2.</voice>');
    expect(ssml).toContain('<voice name="ar-SA-ZariyahNeural">للعربية، اضغط 3.</voice>');
    expect(ssml).toContain('Tryck 0 för att prata med personal');
  });

  it("'det brinner i trapphuset' said aloud is answered with 112, first and twice; then the line hangs up and the case is stored", async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00') });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);

    const ask = nockAction(seen, 'recognize');
    await callback(phone, cb, pressed('one'));
    ask.done();
    expect(ssmlOf(seen.at(-1)!.body)).toContain('Berätta med egna ord vad som har hänt');

    const play = nockAction(seen, 'play');
    await callback(phone, cb, said('det brinner i trapphuset'));
    play.done();
    const emergency = ssmlOf(seen.at(-1)!.body);
    expect(emergency).toMatch(
      /^<speak [^>]*xml:lang="sv-SE"><voice name="sv-SE-SofieNeural">Lägg på och ring <say-as interpret-as="telephone">112<\/say-as> nu\.<\/voice>/,
    );
    expect(emergency.match(/Lägg på och ring <say-as interpret-as="telephone">112<\/say-as> nu/g)).toHaveLength(2);
    expect(emergency).toContain('larmcentralen veta var du är');
    expect(seen.at(-1)!.body.playOptions).toEqual({ loop: false });

    const hangUp = nockAction(seen, 'terminate', 204);
    await callback(phone, cb, event('play-completed', { operationContext: 'emergency' }));
    hangUp.done();
    await callback(phone, cb, event('call-disconnected'));

    const [kase] = await phone.app.store.cases.list();
    expect(kase).toMatchObject({
      route: 'emergency',
      danger: 'fire',
      channelId: 'telephony',
      contact: { phone: CALLER },
    });
    expect(kase!.transcript.some((l) => l.from === 'tenant' && l.text === 'det brinner i trapphuset')).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a disturbance during an extra jour shift asks the minimum, stores the case and transfers to the jour number from the policy', async () => {
    // Wednesday 13:00: the jour is off by its weekly schedule; an extra shift puts it on duty.
    phone = await startPhoneApp({ at: local('2027-01-20 13:00') });
    await phone.app.store.shifts.add({
      route: 'trygghetsjour',
      kind: 'extra',
      from: local('2027-01-20 12:00'),
      to: local('2027-01-20 16:00'),
      note: 'Extra rundor',
    });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);

    const steps: [unknown, RegExp][] = [
      [pressed('one'), /Berätta med egna ord/],
      [
        said('grannarna har fest och spelar hög musik'),
        /Trygghetsjouren är i tjänst nu.*Är någon i fara just nu\?.*tryck 1 för Ja, 2 för Nej/,
      ],
      [said('nej'), /Var är det\?/],
    ];
    for (const [body, expected] of steps) {
      const scope = nockAction(seen, 'recognize');
      await callback(phone, cb, body);
      scope.done();
      expect(ssmlOf(seen.at(-1)!.body)).toMatch(expected);
    }

    const play = nockAction(seen, 'play');
    await callback(phone, cb, said('Stora Varvsgatan 1, trappuppgång B'));
    play.done();
    const connecting = ssmlOf(seen.at(-1)!.body);
    expect(connecting).toMatch(
      /Ärendet är sparat med nummer T-\d{4}-\d{4}\. Jag kopplar dig nu till Trygghetsjouren\./,
    );

    const transfer = nockAction(seen, 'transferToParticipant');
    await callback(phone, cb, event('play-completed', { operationContext: 'transfer' }));
    transfer.done();
    const target = seen.at(-1)!.body.targetParticipant as Record<string, unknown>;
    expect(target).toMatchObject({ phoneNumber: { value: '+46400000001' } }); // Trygghetsjouren's (placeholder) number in the policy

    await callback(phone, cb, event('call-transfer-accepted'));
    await callback(phone, cb, event('call-disconnected'));

    const [kase] = await phone.app.store.cases.list();
    expect(kase).toMatchObject({
      route: 'trygghetsjour',
      category: 'disturbance',
      contact: { phone: CALLER, address: 'Stora Varvsgatan 1, trappuppgång B' },
    });
    const lines = kase!.transcript.map((l) => l.text);
    expect(lines).toContain('grannarna har fest och spelar hög musik');
    expect(lines.at(-1)).toBe('Samtalet kopplades till Trygghetsjouren (+46400000001).');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('9 repeats the question and 0 asks for a person (the jour on duty: its minimum questions)', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00') });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);
    const menu = ssmlOf(seen.at(-1)!.body);

    const again = nockAction(seen, 'recognize');
    await callback(phone, cb, pressed('nine'));
    again.done();
    expect(ssmlOf(seen.at(-1)!.body)).toBe(menu);

    const human = nockAction(seen, 'recognize');
    await callback(phone, cb, pressed('zero'));
    human.done();
    expect(ssmlOf(seen.at(-1)!.body)).toMatch(/Trygghetsjouren är i tjänst nu.*Är någon i fara just nu\?/);
  });

  it('the language can be chosen by speech, and the call then listens in that language', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00') });
    const seen: Seen = [];
    const cb = await ringAndConnect(phone, seen);
    const ask = nockAction(seen, 'recognize');
    await callback(phone, cb, said('English please'));
    ask.done();
    const body = seen.at(-1)!.body;
    expect((body.recognizeOptions as Record<string, unknown>).speechLanguage).toBe('en-GB');
    expect(ssmlOf(body)).toMatch(/xml:lang="en-GB"><voice name="en-GB-SoniaNeural">Tell me in your own words/);

    const play = nockAction(seen, 'play');
    await callback(
      phone,
      cb,
      event('recognize-completed-speech', { speechResult: { speech: 'there is a fire in the stairwell' } }),
    );
    play.done();
    expect(ssmlOf(seen.at(-1)!.body)).toMatch(
      /^<speak [^>]*xml:lang="en-GB"><voice name="en-GB-SoniaNeural">Hang up and call <say-as interpret-as="telephone">112<\/say-as> now\./,
    );
  });
});
