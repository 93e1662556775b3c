// The phone and incidents: a caller who names an open incident's place hears its notice after the language
// choice, short, and # skips it; danger still gets 112 first.
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatorAction } from '../../../src/channels/phone/index.ts';
import { local, startPhoneApp, type PhoneApp } from './harness.ts';

interface Step {
  id: string;
  token: string;
  stage: string;
  actions: SimulatorAction[];
}

let phone: PhoneApp | undefined;
afterEach(async () => {
  await phone?.close();
  phone = undefined;
});

async function ring(p: PhoneApp): Promise<Step> {
  return (await (await p.post('/phone/api/calls', {})).json()) as Step;
}

async function input(p: PhoneApp, call: Step, kind: string, value = ''): Promise<Step> {
  const res = await p.post(`/phone/api/calls/${call.id}/input`, { token: call.token, kind, value });
  expect(res.status).toBe(200);
  return (await res.json()) as Step;
}

const LONG =
  'Det har brunnit i ett trapphus på Ramels väg 12. Räddningstjänsten är klar och ingen är skadad. ' +
  'Uppgång B är stängd i natt, använd uppgång A. MKB:s personal är på plats hela natten och knackar dörr. ' +
  'I morgon kommer mer information i trapphuset och i brevlådorna. Har du frågor kan du ringa kundservice.';

describe('phone: an open incident at the place the caller names', () => {
  it('the notice after the language choice, short; # skips to the rest; no card of its own', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
    const incident = await phone.app.incidents.open({
      where: 'Ramels väg 12',
      kind: 'fire',
      text: { sv: LONG },
      by: 'cli',
    });
    const call = await ring(phone);
    await input(phone, call, 'dtmf', '1');
    const told = await input(phone, call, 'speech', 'vad har hänt på ramels väg tolv, ramels väg 12');
    expect(told.actions.map((a) => a.type)).toEqual(['listen']);
    const said = told.actions[0]!.text!;
    expect(said).toMatch(/^Ett meddelande från MKB om en händelse där du bor\. Tryck fyrkant för att hoppa över det\./);
    expect(said).toContain('Det har brunnit i ett trapphus på Ramels väg 12.');
    expect(said).not.toContain('ringa kundservice'); // short: the first sentences only
    expect(said).toMatch(/Du kan säga mer/); // then the rest
    expect(said).not.toMatch(/Svara JA/); // no updates offered on a call
    const skipped = await input(phone, call, 'dtmf', '#');
    expect(skipped.actions.map((a) => a.type)).toEqual(['listen']);
    expect(skipped.actions[0]!.text).toMatch(/^Du kan säga mer/);
    expect(skipped.actions[0]!.text).not.toContain('brunnit');
    expect(await phone.app.store.cases.list()).toEqual([]);
    expect(await phone.app.store.incidents.get(incident.id)).toMatchObject({ reports: 1, subscribers: 0 });
  });

  it('danger at the place: 112 first and the line ends the call for 112', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
    await phone.app.incidents.open({ where: 'Ramels väg 12', kind: 'fire', text: { sv: LONG }, by: 'cli' });
    const call = await ring(phone);
    await input(phone, call, 'dtmf', '1');
    const fire = await input(phone, call, 'speech', 'det brinner igen på ramels väg 12');
    expect(fire.actions.map((a) => a.type)).toEqual(['say', 'hangUp']);
    expect(fire.actions[0]!.text).toMatch(/^Lägg på och ring 112 nu\./);
  });

  it('# without a notice playing is not understood, as before', async () => {
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
    const call = await ring(phone);
    await input(phone, call, 'dtmf', '1');
    const hash = await input(phone, call, 'dtmf', '#');
    expect(hash.actions[0]!.text).toMatch(/uppfattade inte/);
  });
});
