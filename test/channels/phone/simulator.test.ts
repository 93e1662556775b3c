// The local phone simulator's JSON API: the same call engine and bot as the ACS line, without ACS.
import { afterEach, describe, expect, it } from 'vitest';
import { SIMULATOR_CALLER, type SimulatorAction } from '../../../src/channels/phone/index.ts';
import { local, startPhoneApp, type PhoneApp } from './harness.ts';

interface Step {
  id: string;
  token?: string;
  stage: string;
  lang: string;
  actions: SimulatorAction[];
}

let phone: PhoneApp | undefined;
afterEach(async () => {
  await phone?.close();
  phone = undefined;
});

async function ring(p: PhoneApp, body: object = {}): Promise<Step & { token: string }> {
  const res = await p.post('/phone/api/calls', body);
  expect(res.status).toBe(200);
  return (await res.json()) as Step & { token: string };
}

async function input(p: PhoneApp, call: { id: string; token: string }, kind: string, value = ''): Promise<Step> {
  const res = await p.post(`/phone/api/calls/${call.id}/input`, { token: call.token, kind, value });
  expect(res.status).toBe(200);
  return (await res.json()) as Step;
}

describe('phone simulator API (local mode)', () => {
  it('rings, takes a key and speech, and returns the SSML and the actions: 112 and a hang-up', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
    const call = await ring(phone);
    expect(call.stage).toBe('menu');
    expect(call.actions).toHaveLength(1);
    expect(call.actions[0]).toMatchObject({ type: 'listen', context: 'menu', lang: 'sv', locale: 'sv-SE' });
    expect(call.actions[0]!.ssml).toContain('<voice name="sv-SE-SofieNeural">');
    expect(call.actions[0]!.text).toContain('tolkas automatiskt');

    const swedish = await input(phone, call, 'dtmf', '1');
    expect(swedish.actions.map((a) => a.type)).toEqual(['listen']);
    const fire = await input(phone, call, 'speech', 'det brinner i trapphuset');
    expect(fire.actions.map((a) => a.type)).toEqual(['say', 'hangUp']);
    expect(fire.actions[0]!.text).toMatch(/^Lägg på och ring 112 nu\. Lägg på och ring 112 nu\./);
    expect(fire.stage).toBe('ended');
    const [kase] = await phone.app.store.cases.list();
    expect(kase).toMatchObject({ route: 'emergency', contact: { phone: SIMULATOR_CALLER } });
    // The call is over: further input is refused.
    const late = await phone.post(`/phone/api/calls/${call.id}/input`, {
      token: call.token,
      kind: 'speech',
      value: 'hallå?',
    });
    expect(late.status).toBe(404);
  });

  it('shows the transfer to the jour, and plays the answer the tester chooses', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
    const call = await ring(phone, { caller: '070-174 06 06' });
    await input(phone, call, 'dtmf', '1');
    await input(phone, call, 'speech', 'grannarna har fest och spelar hög musik');
    await input(phone, call, 'dtmf', '2'); // 2 = Nej
    const handoff = await input(phone, call, 'speech', 'Lönngatan 3, trappuppgång A');
    expect(handoff.actions.map((a) => [a.type, a.to])).toEqual([
      ['say', undefined],
      ['transfer', '+46400000001'],
    ]);
    expect(handoff.stage).toBe('transferring');
    const accepted = await input(phone, call, 'transferAccepted');
    expect(accepted.stage).toBe('ended');
    expect((await phone.app.store.cases.list())[0]).toMatchObject({
      route: 'trygghetsjour',
      contact: { phone: '+46701740606' },
    });
  });

  it('uncertain danger: 112 first and twice, then the bot asks; "ja" ends in hang up and dial 112', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
    const call = await ring(phone);
    await input(phone, call, 'dtmf', '1');
    const alarm = await input(phone, call, 'speech', 'brandlarmet piper');
    expect(alarm.actions.map((a) => a.type)).toEqual(['listen']);
    expect(alarm.actions[0]!.text).toMatch(
      /^Är det fara nu: lägg på och ring 112\. Är det fara nu: lägg på och ring 112\. .*Är någon i fara just nu\?/,
    );
    const yes = await input(phone, call, 'speech', 'ja');
    expect(yes.actions.map((a) => a.type)).toEqual(['say', 'hangUp']);
    expect(yes.actions[0]!.text).toMatch(/^Lägg på och ring 112 nu\. Lägg på och ring 112 nu\./);
  });

  it("office: when it opens, and the caller's own words become the case", async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
    const call = await ring(phone);
    await input(phone, call, 'dtmf', '1');
    const offer = await input(phone, call, 'speech', 'kranen droppar i köket');
    expect(offer.actions[0]!.text).toMatch(
      /öppnar i morgon (kl\. )?07:00.*Vill du lämna ärendet nu.*tryck 1 för Ja, 2 för Nej/,
    );
    await input(phone, call, 'dtmf', '1');
    const saved = await input(phone, call, 'speech', 'kranen i köket droppar, Lönngatan 3 lägenhet 1102');
    expect(saved.actions[0]!.text).toMatch(/Ärende T-\d{4}-\d{4} är sparat/);
    expect((await phone.app.store.cases.list())[0]).toMatchObject({
      route: 'office',
      contact: { phone: SIMULATOR_CALLER, address: 'kranen i köket droppar, Lönngatan 3 lägenhet 1102' },
    });
  });

  it.each([
    ['stadsmission', 'jag känner mig ensam och vill prata med någon', ['ja']],
    ['police', 'min cykel blev stulen i natt', []],
  ])("%s: as in chat, with the caller's number as the contact", async (route, text, answers) => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
    const call = await ring(phone);
    await input(phone, call, 'dtmf', '1');
    await input(phone, call, 'speech', text);
    for (const answer of answers) await input(phone, call, 'speech', answer);
    expect((await phone.app.store.cases.list())[0]).toMatchObject({ route, contact: { phone: SIMULATOR_CALLER } });
  });

  it('refuses a wrong token, an unknown kind and a bad caller number', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
    const call = await ring(phone);
    expect(
      (await phone.post(`/phone/api/calls/${call.id}/input`, { token: 'wrong', kind: 'speech', value: 'hej' })).status,
    ).toBe(404);
    expect((await phone.post(`/phone/api/calls/${call.id}/input`, { token: call.token, kind: 'fax' })).status).toBe(
      400,
    );
    expect((await phone.post('/phone/api/calls', { caller: 'not a number' })).status).toBe(400);
  });

  it('serves the page with a strict content security policy', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
    const res = await fetch(`${phone.base}/phone`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('telefonsimulator');
    expect((await fetch(`${phone.base}/phone/phone.js`)).status).toBe(200);
  });

  it('is not mounted outside local mode', async () => {
    phone = await startPhoneApp({
      at: local('2027-01-19 23:00'),
      acs: false,
      env: {
        MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: '00000000-0000-4000-8000-000000000002',
      },
    });
    expect((await fetch(`${phone.base}/phone`)).status).toBe(404);
    expect((await phone.post('/phone/api/calls', {})).status).toBe(404);
  });
});
