/**
 * A month of nights in the store, as the bot would have left them: routing decisions (no text) across every
 * night, and cases with claims, closures and open faults on the last night. Deterministic (no Math.random).
 */
import type { Lang, RouteId } from '../../../src/routing/types.ts';
import type { Store } from '../../../src/store/index.ts';

const ROUTES: RouteId[] = ['trygghetsjour', 'office', 'fastighetsjour', 'trygghetsjour', 'emergency', 'police'];
const CHANNELS = ['webchat', 'sms', 'telephony', 'webchat', 'sms'];
const LANGS: Lang[] = ['sv', 'sv', 'ar', 'en', 'sv', 'fa', 'so', 'pl'];

/** Nights from `first` (an evening, UTC) for `nights` nights; the last gets the cases. */
export async function seedMonth(store: Store, clock: { now: Date }, first: Date, nights: number): Promise<void> {
  let n = 0;
  for (let night = 0; night < nights; night++) {
    const evening = first.getTime() + night * 86_400_000;
    const contacts = 8 + ((night * 7) % 11);
    for (let i = 0; i < contacts; i++) {
      n++;
      // Spread over 16:00–07:00 local, busiest in the late evening.
      const minutes = Math.floor((((i * 37 + night * 13) % 100) / 100) ** 1.6 * 15 * 60);
      await store.audit.append({
        at: new Date(evening + minutes * 60_000),
        route: ROUTES[n % ROUTES.length]!,
        rule: 'seed',
        category: 'disturbance',
        danger: null,
        channelId: CHANNELS[n % CHANNELS.length]!,
        language: LANGS[n % LANGS.length]!,
        conversationHash: store.audit.hashConversation(`seed-${n}`),
      });
    }
  }
  const last = first.getTime() + (nights - 1) * 86_400_000;
  const at = (minutes: number) => (clock.now = new Date(last + minutes * 60_000));
  const base = { language: 'sv' as const, channelId: 'webchat', conversation: {} };
  const claims = [3, 7, 2, 12, 4, 25];
  for (const [i, wait] of claims.entries()) {
    at(300 + i * 40);
    const c = await store.cases.create({ ...base, route: 'trygghetsjour', category: 'disturbance' });
    at(300 + i * 40 + wait);
    await store.cases.update(c.id, { status: 'claimed', claimedBy: `Jour ${i + 1}` });
    if (i % 2 === 0) await store.cases.update(c.id, { status: 'closed', outcome: 'visited' });
  }
  at(420);
  await store.cases.create({ ...base, route: 'emergency', category: 'acute_danger', danger: 'fire' });
  at(610);
  await store.cases.create({
    ...base,
    route: 'fastighetsjour',
    category: 'urgent_fault',
    contact: { address: 'Rosengårdsvägen 12', stairwell: 'B', hearBack: true },
    transcript: [{ from: 'tenant', text: 'Det läcker vatten från taket i badrummet' }],
  });
  at(700);
  await store.cases.create({ ...base, route: 'office', category: 'minor_fault', contact: { address: 'Lönngatan 3' } });
  at(800);
  await store.cases.create({ ...base, route: 'trygghetsjour', category: 'disturbance' }); // nobody took it
}
