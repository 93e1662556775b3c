// Turn.when ("i dag kl. 19:30") around the daylight-saving changes, in several languages, from its cache and not.
import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { Turn, type ConversationDeps } from '../../dialogs/context.ts';
import { translator } from '../../src/i18n.ts';
import { loadPolicy } from '../../src/routing/policy.ts';
import type { Lang } from '../../src/routing/types.ts';
import { local } from './harness.ts';

const policy = loadPolicy();
const ZONE = 'Europe/Stockholm';

function turn(lang: Lang, clock: { now: Date }, channelId = 'webchat'): Turn {
  const ctx = { activity: { channelId } } as unknown as TurnContext;
  const deps = { policy, now: () => clock.now } as unknown as ConversationDeps;
  return new Turn(ctx, deps, {}, lang, policy);
}

/** Turn.when as written with plain luxon, no cache. */
function reference(iso: string, lang: Lang, now: Date): string {
  const t = translator(lang, 'bot');
  const at = DateTime.fromISO(iso, { zone: ZONE }).setLocale(lang).reconfigure({ outputCalendar: 'gregory' });
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const days = Math.round(at.startOf('day').diff(today, 'days').days);
  const time = at.toFormat('HH:mm');
  if (days === 0) return t('time.today', { time });
  if (days === 1) return t('time.tomorrow', { time });
  return t('time.later', { day: at.toFormat('cccc d MMMM'), time });
}

describe('Turn.when', () => {
  it.each<[string, string, Lang, string]>([
    ['2026-03-28 23:30', '2026-03-29T05:00:00+02:00', 'sv', 'i morgon kl. 05:00'],
    ['2026-03-29 00:30', '2026-03-29T05:00:00+02:00', 'sv', 'i dag kl. 05:00'],
    ['2026-03-29 00:30', '2026-03-29T05:00:00+02:00', 'en', 'today at 05:00'],
    ['2026-03-28 12:00', '2026-03-30T07:00:00+02:00', 'sv', 'måndag 30 mars kl. 07:00'],
    ['2026-03-28 12:00', '2026-03-30T07:00:00+02:00', 'en', 'Monday 30 March at 07:00'],
    ['2026-03-28 12:00', '2026-03-30T07:00:00+02:00', 'ar', 'الاثنين 30 مارس الساعة 07:00'],
    ['2026-03-28 12:00', '2026-03-30T07:00:00+02:00', 'fa', 'دوشنبه ۳۰ مارس ساعت ۰۷:۰۰'],
    ['2026-10-24 23:59', '2026-10-25T05:00:00+01:00', 'sv', 'i morgon kl. 05:00'],
    ['2026-10-25 00:00', '2026-10-25T05:00:00+01:00', 'sv', 'i dag kl. 05:00'],
    ['2026-10-25 02:30', '2026-10-26T07:00:00+01:00', 'fa', 'فردا ساعت ۰۷:۰۰'],
    ['2026-10-23 16:00', '2026-10-26T07:00:00+01:00', 'ar', 'الاثنين 26 أكتوبر الساعة 07:00'],
    // The second 02:30 of the autumn night.
    ['2026-10-25 01:30', '2026-10-25T01:30:00Z', 'en', 'today at 02:30'],
  ])('at %s, %s in %s → %s', (clock, iso, lang, expected) => {
    const t = turn(lang, { now: local(clock) });
    expect(t.when(iso)).toBe(expected);
    expect(t.when(iso)).toBe(expected);
  });

  it('a cached answer follows the clock past midnight', () => {
    const clock = { now: local('2026-10-24 23:59') };
    const t = turn('sv', clock);
    expect(t.when('2026-10-25T05:00:00+01:00')).toBe('i morgon kl. 05:00');
    clock.now = local('2026-10-25 00:00');
    expect(t.when('2026-10-25T05:00:00+01:00')).toBe('i dag kl. 05:00');
    clock.now = new Date(Date.parse('2026-10-25T23:00:00Z')); // 00:00 CET on Monday
    expect(t.when('2026-10-25T05:00:00+01:00')).toBe('söndag 25 oktober kl. 05:00');
  });

  it.each(['2026-03-29T00:00:00Z', '2026-10-25T00:00:00Z', '2027-03-28T00:00:00Z', '2027-10-31T00:00:00Z'])(
    'matches plain luxon around the change of %s, clock and time in steps, in sv/en/ar/fa',
    (change) => {
      const start = Date.parse(change) - 26 * 3_600_000;
      for (const lang of ['sv', 'en', 'ar', 'fa'] as const) {
        const clock = { now: new Date(start) };
        const web = turn(lang, clock);
        const phone = turn(lang, clock, 'telephony');
        for (let now = start; now < start + 52 * 3_600_000; now += 95 * 60_000) {
          clock.now = new Date(now);
          for (let at = now - 3_600_000; at < now + 72 * 3_600_000; at += 15 * 60_000 * 11) {
            const iso = DateTime.fromMillis(at, { zone: ZONE }).toISO()!;
            const expected = reference(iso, lang, clock.now);
            expect(web.when(iso)).toBe(expected);
            expect(phone.when(iso)).toBe(expected);
            expect(web.when(iso)).toBe(expected);
          }
        }
      }
    },
  );

  it('no time, or an unreadable one, reads as before', () => {
    const clock = { now: local('2027-01-19 23:00') };
    for (const lang of ['sv', 'en'] as const) {
      const t = turn(lang, clock);
      expect(t.when(undefined)).toBe(translator(lang, 'bot')('time.unknown'));
      for (const iso of ['nonsense', '2027-01-20T07:00', '2027-01-20T06:00:00Z'])
        expect(t.when(iso)).toBe(reference(iso, lang, clock.now));
    }
  });
});
