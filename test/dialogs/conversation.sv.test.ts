// The conversation in Swedish, step by step, on web chat and SMS. Each step: what the tenant writes, what
// the bot must say. Times are Stockholm wall-clock times.
import { describe, expect, it } from 'vitest';
import { smsSegments } from '../../src/channels/render.ts';
import { harness } from './harness.ts';

const TUESDAY_NIGHT = '2027-01-19 23:00'; // jour on duty, office closed
const TUESDAY_DAY = '2027-01-19 10:00'; // office open
const WEDNESDAY_0420 = '2027-01-20 04:20'; // jour gone home, office closed

type Step = [tenant: string, expected: RegExp[]];

async function run(h: Awaited<ReturnType<typeof harness>>, steps: Step[]) {
  for (const [tenant, expected] of steps) {
    const replies = (await h.texts(tenant)).join('\n---\n');
    for (const re of expected) expect(replies, `after "${tenant}"`).toMatch(re);
  }
}

describe('danger first', () => {
  it('a fire on web chat: the first reply says 112, with a tap-to-call card, then advice and the case', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    const out = await h.send('Det brinner i trapphuset!');
    const first = out[0]!;
    expect(first.type).toBe('message');
    expect(first.text).toMatch(/Ring 112 nu/);
    expect(JSON.stringify(first.attachments)).toContain('tel:112');
    const trace = out.find((a) => a.type === 'trace');
    expect(trace).toMatchObject({ name: 'trygg.decision', value: { route: 'emergency', danger: 'fire' } });
    expect(out.map((a) => a.text ?? '').join(' ')).toMatch(/ärende T-/);
    const cases = await h.store.cases.list();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ route: 'emergency', danger: 'fire', channelId: 'webchat' });
  });

  it('a hurried fire on SMS: plain text, 112 first, no cards or buttons, short', async () => {
    const h = await harness({ at: TUESDAY_NIGHT, channelId: 'sms' });
    const out = (await h.send('DET BRINNER I TRAPPHUSET')).filter((a) => a.type === 'message');
    expect(out[0]!.text).toMatch(/^Ring 112 nu\./);
    // SMS order is not guaranteed: every message of the emergency answer says 112.
    for (const a of out) expect(a.text).toMatch(/112/);
    for (const a of out) {
      expect(a.attachments ?? []).toHaveLength(0);
      expect(a.suggestedActions).toBeUndefined();
      expect(a.text).not.toMatch(/\*\*|\[.+\]\(/);
      expect(smsSegments(a.text!)).toBeLessThanOrEqual(3);
    }
  });

  it('danger in the middle of a question interrupts it', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await run(h, [
      ['grannen spelar hög musik', [/Är någon i fara/]],
      ['nej', [/adress/]],
      ['nu har han en kniv och hotar folk', [/Ring 112 nu/]],
    ]);
    // The disturbance dialog is gone: the next answer is not taken as an address.
    const next = (await h.texts('hej')).join(' ');
    expect(next).not.toMatch(/Ärende T-\S+ är skickat/);
  });

  it('"akut" gives 112 and asks whether anyone is in danger; a "no" is never answered with reassurance', async () => {
    const h = await harness({ at: TUESDAY_DAY });
    await run(h, [
      ['akut', [/Ring 112 nu/, /Är någon i fara/]],
      ['nej', [/Om det blir farligt: ring 112/]],
    ]);
  });

  it('an unclear answer to "is anyone in danger?" after "akut" is treated as danger', async () => {
    const h = await harness({ at: TUESDAY_DAY });
    await run(h, [
      ['akut', [/Är någon i fara/]],
      ['vet inte', [/Svara|fara/]],
      ['kanske', [/Ring 112 nu/]],
    ]);
  });
});

describe('handoff to the jour on duty', () => {
  it('web chat: danger question, address, callback number, case, what happens next', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await run(h, [
      ['Grannen spelar hög musik och det är fest', [/Trygghetsjouren är i tjänst/, /Är någon i fara/]],
      ['nej', [/adress/]],
      ['Storgatan 5, uppgång B', [/nummer/]],
      ['070-123 45 67', [/Ärende T-\S+ är skickat till Trygghetsjouren/, /30 minuter/, /ring 112/]],
    ]);
    const [kase] = await h.store.cases.list();
    expect(kase).toMatchObject({
      route: 'trygghetsjour',
      category: 'disturbance',
      contact: { address: 'Storgatan 5, uppgång B', phone: '070-123 45 67' },
    });
    expect(kase!.transcript.some((e) => e.from === 'tenant' && /hög musik/.test(e.text))).toBe(true);
  });

  it('SMS: options as digits, the phone number from the channel, no question about it', async () => {
    const h = await harness({ at: TUESDAY_NIGHT, channelId: 'sms' });
    await run(h, [
      ['grannen spelar hog musik', [/Svara med siffra: 1 Ja, 2 Nej/]],
      ['2', [/adress/]],
      ['Rosengård, Ramels väg 10', [/Ärende T-\S+ är skickat/]],
    ]);
    const [kase] = await h.store.cases.list();
    expect(kase!.contact.phone).toBe('+46701234567');
  });

  it('a "yes" to "is anyone in danger?" turns it into 112 at once', async () => {
    const h = await harness({ at: TUESDAY_NIGHT, channelId: 'sms' });
    await run(h, [
      ['det är bråk i trapphuset', [/Är någon i fara/]],
      ['1', [/^Ring 112 nu/m]],
      ['Storgatan 5', [/Ärende T-\S+ är skickat/]],
    ]);
    // The jour still gets the case, marked as danger.
    expect((await h.store.cases.list())[0]).toMatchObject({
      route: 'trygghetsjour',
      category: 'acute_danger',
      danger: 'violence',
    });
    expect((await h.store.cases.list())[0]!.summary).toMatch(/någon är i fara/);
  });

  it('an urgent fault at night goes to the property on-call', async () => {
    const h = await harness({ at: WEDNESDAY_0420 });
    await run(h, [
      ['Det är översvämning i badrummet, röret har spruckit', [/Fastighetsjouren är i tjänst/, /Är någon i fara/]],
    ]);
  });

  it('a disturbance after the jour has gone home goes to the office, saying when the jour is back', async () => {
    const h = await harness({ at: WEDNESDAY_0420 });
    await run(h, [
      [
        'grannen spelar hög musik',
        [
          /Trygghetsjouren är inte i tjänst just nu. Nästa pass börjar i dag kl. 19:30/,
          /öppnar i dag kl. 07:00/,
          /lämna ärendet/,
        ],
      ],
    ]);
  });
});

describe('office, support, police, questions', () => {
  it('a dripping tap at night: office, when it opens, and the case left now', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await run(h, [
      ['Kranen i köket droppar', [/kundservice/, /öppnar i morgon kl. 07:00/, /lämna ärendet/]],
      ['ja', [/Beskriv/]],
      ['Kranen droppar, Storgatan 5', [/Ärende T-\S+ är sparat/]],
    ]);
    expect((await h.store.cases.list())[0]).toMatchObject({ route: 'office', category: 'minor_fault' });
  });

  it('loneliness: Stadsmission in two lines and consent before anything is passed on', async () => {
    const h = await harness({ at: WEDNESDAY_0420 });
    await run(h, [
      ['Jag känner mig väldigt ensam på kvällarna', [/Skåne Stadsmission/, /Får vi lämna/]],
      ['ja', [/telefonnummer/]],
      ['0701234567', [/Stadsmissionen kontaktar dig inom 3 dagar/]],
    ]);
    expect((await h.store.cases.list())[0]).toMatchObject({
      route: 'stadsmission',
      contact: { consent: true, phone: '0701234567' },
    });
  });

  it('no consent, nothing passed on', async () => {
    const h = await harness({ at: WEDNESDAY_0420 });
    await run(h, [
      ['Jag känner mig ensam', [/Får vi lämna/]],
      ['nej', [/inget skickas/]],
    ]);
    expect(await h.store.cases.list()).toHaveLength(0);
  });

  it('a stolen bike: 114 14 and MKB is told', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await run(h, [['Min cykel har blivit stulen från cykelrummet', [/114 14/, /polisen\.se/, /ärende T-/]]]);
    expect((await h.store.cases.list())[0]!.route).toBe('police');
  });

  it('grannsamverkan is answered from content', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await run(h, [['Hur fungerar grannsamverkan?', [/sedan 2017/]]]);
  });

  it('opening hours come from the policy', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await run(h, [['Vilka öppettider har ni?', [/19:30/, /07:00–16:00/, /Trygghetsjouren är i tjänst nu/]]]);
  });
});

describe('nobody is left without a next step', () => {
  it('"hjälp" shows what the bot can do', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await run(h, [['hjälp', [/Jag kan hjälpa dig/, /PERSONAL/]]]);
  });

  it('"personal" at night reaches the jour on duty', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await run(h, [['personal', [/Trygghetsjouren/, /Är någon i fara/]]]);
  });

  it('"personal" when nobody is on duty gives the numbers and when the office opens', async () => {
    const h = await harness({ at: WEDNESDAY_0420 });
    await run(h, [['personal', [/112/, /Fastighetsjouren 040-000 00 02/, /öppnar i dag kl. 07:00/]]]);
  });

  it('something not understood: a useful reply and a way to a human', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await run(h, [['qwerty asdf', [/inte säker på att jag förstår/, /PERSONAL/, /112/]]]);
  });

  it('an activity without text still gets an answer', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    const out = await h.texts('', {
      attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:9/x.png' }],
    });
    expect(out.join(' ')).toMatch(/bara läsa text/);
  });
});

describe('state and idempotency', () => {
  it('a redelivered activity is answered once', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    expect((await h.texts('Det brinner!', { id: 'same-id' })).length).toBeGreaterThan(0);
    expect(await h.texts('Det brinner!', { id: 'same-id' })).toEqual([]);
  });

  it('a tenant who comes back after a restart continues where they were', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await run(h, [
      ['grannen spelar hög musik', [/Är någon i fara/]],
      ['nej', [/adress/]],
    ]);
    const after = h.restart();
    await run(after, [['Storgatan 5', [/nummer/]]]);
  });

  it('after a handoff, further messages go into the same case', async () => {
    const h = await harness({ at: TUESDAY_NIGHT, channelId: 'sms' });
    await run(h, [
      ['grannen spelar hög musik', []],
      ['2', []],
      ['Storgatan 5', [/Ärende/]],
      ['nu är det tyst igen', [/lagt till ditt meddelande i ärende T-/]],
    ]);
    const [kase] = await h.store.cases.list();
    expect(kase!.transcript.some((e) => e.text === 'nu är det tyst igen')).toBe(true);
  });
});
