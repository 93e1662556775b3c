// After a fault is saved the tenant is asked whether they want a message when it is fixed: a yes is kept on
// the case (the night report's "Åtgärdat" sends the message), a no is not, anything else is a new message.
import { describe, expect, it } from 'vitest';
import { harness } from './harness.ts';

const TUESDAY_NIGHT = '2027-01-19 23:00'; // office closed, the property on-call on duty
type H = Awaited<ReturnType<typeof harness>>;

async function leaveLeak(h: H): Promise<string> {
  await h.texts('Det läcker vatten från taket i badrummet');
  await h.texts('nej');
  await h.texts('Storgatan 5, uppgång B');
  return (await h.texts('0701234567')).join('\n');
}

describe('hearing back when a fault is fixed', () => {
  it('an urgent fault: the case is sent, then the question; a yes is kept on the case', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    const done = await leaveLeak(h);
    expect(done).toMatch(/Ärende T-\S+ är skickat till Fastighetsjouren[\s\S]*meddelande när felet är åtgärdat/);
    expect((await h.texts('ja')).join('\n')).toMatch(/vi skriver till dig när det är åtgärdat/);
    const [kase] = await h.store.cases.list();
    expect(kase!.contact).toMatchObject({ address: 'Storgatan 5, uppgång B', hearBack: true });
  });

  it('a dripping tap left for the office: a no keeps nothing', async () => {
    const h = await harness({ at: TUESDAY_NIGHT, channelId: 'sms' });
    await h.texts('Kranen i köket droppar');
    await h.texts('1');
    expect((await h.texts('Kranen droppar, Storgatan 5')).join('\n')).toMatch(/är sparat[\s\S]*1 Ja, 2 Nej/);
    expect((await h.texts('2')).join('\n')).toMatch(/hör vi inte av oss/);
    expect((await h.store.cases.list())[0]!.contact.hearBack).toBeUndefined();
  });

  it('something else instead of an answer is a new message, not a question asked again', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await leaveLeak(h);
    const next = (await h.texts('det droppar fortfarande från taket')).join('\n');
    expect(next).not.toMatch(/meddelande när felet är åtgärdat/);
    expect(next).toMatch(/lagt till ditt meddelande i ärende/);
    expect((await h.store.cases.list())[0]!.contact.hearBack).toBeUndefined();
  });

  it('a disturbance is not asked', async () => {
    const h = await harness({ at: TUESDAY_NIGHT });
    await h.texts('grannen spelar hög musik');
    await h.texts('nej');
    await h.texts('Storgatan 5');
    expect((await h.texts('0701234567')).join('\n')).not.toMatch(/åtgärdat/);
  });
});
