// The conversation in English and Arabic (and the emergency answer in every language), on web chat and SMS;
// the language is detected per message, remembered, and switched on request.
import { describe, expect, it } from 'vitest';
import { smsSegments } from '../../src/channels/render.ts';
import { harness } from './harness.ts';

const NIGHT = '2027-01-19 23:00';
/** The first sentence of a reply, without Markdown: "112 first" means 112 is said there, before anything else. */
const firstSentence = (text: string | undefined) => (text ?? '').replace(/\*\*/g, '').split(/[.!?؟\n]/)[0]!;
type Step = [tenant: string, expected: RegExp[]];
async function run(h: Awaited<ReturnType<typeof harness>>, steps: Step[]) {
  for (const [tenant, expected] of steps) {
    const replies = (await h.texts(tenant)).join('\n---\n');
    for (const re of expected) expect(replies, `after "${tenant}"`).toMatch(re);
  }
}

describe('English', () => {
  it('web chat: a disturbance handed to the jour, in English throughout', async () => {
    const h = await harness({ at: NIGHT, locale: 'en-US' });
    await run(h, [
      [
        'Someone is playing very loud music next door',
        [/night safety team.*is on duty now/, /Is anyone in danger right now\?/],
      ],
      ['no', [/Write the address/]],
      ['Ramels väg 10, stairwell C', [/Which number/]],
      ['skip', [/Case T-\S+ has been sent/, /call 112/]],
    ]);
  });

  it('SMS: a fire gets 112 first, plain and short', async () => {
    const h = await harness({ at: NIGHT, channelId: 'sms' });
    const out = await h.texts('THE FLAT NEXT DOOR IS ON FIRE');
    expect(out[0]).toMatch(/^Call 112 now\./);
    for (const t of out) expect(smsSegments(t)).toBeLessThanOrEqual(3);
  });

  it('suicide risk: 112 and Mind Självmordslinjen 90101', async () => {
    const h = await harness({ at: NIGHT });
    const out = (await h.texts('I want to end my life')).join('\n');
    expect(out).toMatch(/Call 112 now/);
    expect(out).toMatch(/90101/);
  });
});

describe('Arabic', () => {
  it('web chat: a fire gets 112 first, in Arabic', async () => {
    const h = await harness({ at: NIGHT, locale: 'ar' });
    const out = await h.texts('الشقة المجاورة تحترق');
    expect(firstSentence(out[0])).toMatch(/112/);
    expect(firstSentence(out[0])).toMatch(/[\u0600-\u06ff]/);
  });

  it('SMS: a disturbance at night, the danger question answered with a digit', async () => {
    const h = await harness({ at: NIGHT, channelId: 'sms' });
    await run(h, [
      ['ضوضاء عالية من الشقة المجاورة', [/[\u0600-\u06ff]/, /1 .*2 /]],
      ['2', [/[\u0600-\u06ff]/]],
      ['Rosengård, Ramels väg 10', [/T-\d{4}-\d{4}/]],
    ]);
    expect((await h.store.cases.list())[0]).toMatchObject({ route: 'trygghetsjour', language: 'ar' });
  });

  it('loneliness goes to Stadsmission, in Arabic', async () => {
    const h = await harness({ at: NIGHT });
    const out = (await h.texts('أنا كبير في السن وأعيش وحدي وأحتاج من يساعدني')).join('\n');
    expect(out).toMatch(/Stadsmission/);
    expect(out).toMatch(/[\u0600-\u06ff]/);
  });
});

describe('the emergency answer in every language', () => {
  it.each([
    ['fa', 'آپارتمان همسایه آتش گرفته'],
    ['so', 'Guriga dariska ah ayaa dab ka kacay'],
    ['pl', 'Pali się mieszkanie obok'],
    ['bs', 'Gori stan pored nas'],
    ['tr', 'Yan daire yanıyor'],
  ])('%s: 112 first, in the language the tenant wrote', async (lang, text) => {
    const h = await harness({ at: NIGHT });
    const out = await h.send(text);
    const first = out.find((a) => a.type === 'message')!;
    expect(firstSentence(first.text)).toMatch(/112/);
    expect(first.text).not.toMatch(/^\*\*Ring 112 nu/); // not Swedish
    expect(first.locale).toMatch(new RegExp(`^${lang}`));
  });
});

describe('choosing the language', () => {
  it('"English please", "på svenska" and "بالعربية" switch it and it is remembered', async () => {
    const h = await harness({ at: NIGHT });
    await run(h, [
      ['English please', [/OK, I will write in English/]],
      ['hej', [/not sure I understand|Hi!/]],
      ['på svenska', [/jag skriver på svenska/]],
      ['بالعربية', [/[\u0600-\u06ff]/]],
      ['ok', [/[\u0600-\u06ff]/]],
    ]);
  });

  it('the channel’s locale is the first guess for a short message', async () => {
    const h = await harness({ at: NIGHT, locale: 'en-GB' });
    await run(h, [['help', [/I can help with acute danger/]]]);
  });
});
