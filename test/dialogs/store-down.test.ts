// A turn the store fails (the database went away, a statement cut off mid-turn): danger gets its 112 reply
// first all the same, anything else a short reply with the phone numbers, in the tenant's language; built
// without the store. The real outage, with a PostgreSQL server stopped and started, is in
// test/service/database-outage.test.ts.
import { describe, expect, it } from 'vitest';
import { replyOf } from '../../dialogs/reply.ts';
import { StoreError, openMemoryStore, type Store } from '../../src/store/index.ts';
import { harness, local } from './harness.ts';

/** A store whose every use fails from `failAt` on (after that many calls of `activities.seen`, `cases.create`…). */
async function failingStore(where: 'first' | 'case'): Promise<Store> {
  const store = await openMemoryStore({ now: () => local('2027-01-19 23:00') });
  const down = () => Promise.reject(new StoreError('Cannot use the PostgreSQL database (ECONNREFUSED).'));
  if (where === 'first') return { ...store, activities: { ...store.activities, seen: down } };
  return { ...store, cases: { ...store.cases, create: down } };
}

describe('a turn the store fails', () => {
  it.each([
    ['sv', 'Det brinner i trapphuset', /Ring 112 nu/, /kunde inte skickas vidare till MKB/],
    ['en', 'There is a fire in the stairwell', /Call 112 now/, /could not be passed on to MKB/],
    ['ar', 'يوجد حريق في الدرج', /112/, /لم يكن من الممكن إرسال رسالتك/],
  ])(
    '%s: danger gets its 112 reply first, flagged, then the advice and that MKB was not told',
    async (lang, text, first, rest) => {
      const h = await harness({ at: '2027-01-19 23:00', store: await failingStore('first'), locale: `${lang}-SE` });
      const sent = (await h.send(text)).filter((a) => a.type === 'message');
      expect(sent[0]!.text).toMatch(first);
      expect(replyOf(sent[0]!)).toMatchObject({ emergency: true, lang });
      expect(JSON.stringify(sent[0]!.attachments)).toContain('tel:112');
      expect(
        sent
          .slice(1)
          .map((a) => a.text)
          .join('\n'),
      ).toMatch(rest);
    },
  );

  it.each([
    ['sv', 'Kranen i köket droppar', /tekniskt fel.*112.*Trygghetsjouren.*Fastighetsjouren/s],
    ['en', 'my kitchen tap is dripping', /technical fault.*112/s],
    ['ar', 'الحنفية في المطبخ تقطر', /عطل تقني.*112/s],
  ])('%s: anything else gets a short reply with the phone numbers', async (lang, text, expected) => {
    const h = await harness({ at: '2027-01-19 23:00', store: await failingStore('first'), locale: `${lang}-SE` });
    const texts = await h.texts(text);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(expected);
    expect(texts[0]).toMatch(/040-000 00 0\d/);
  });

  it('the store fails after the 112 reply was sent (the case cannot be stored): 112 is not said twice', async () => {
    const h = await harness({ at: '2027-01-19 23:00', store: await failingStore('case') });
    const sent = (await h.send('Det brinner i trapphuset')).filter((a) => a.type === 'message');
    expect(sent.filter((a) => replyOf(a)?.emergency)).toHaveLength(1);
    expect(sent[0]!.text).toMatch(/Ring 112 nu/);
    expect(sent.at(-1)!.text).toMatch(/tekniskt fel/);
  });
});
