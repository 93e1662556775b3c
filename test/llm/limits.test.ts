// Caps on model calls: per conversation, per sender and per clock hour, shared across instances, with an
// injected clock; a capped call is not made.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../src/llm/index.ts';
import { createCallLimits } from '../../src/llm/limits.ts';
import { memoryCounters } from '../../src/store/counting.ts';
import { Quotas } from '../../src/store/quotas.ts';
import { answer, completion, memoryLogger, ORIGIN, PATH, reasons, testClient } from './helpers.ts';

describe('createCallLimits', () => {
  const take = (limits: ReturnType<typeof createCallLimits>, conversationId: string, sender?: string) =>
    limits.take({ conversationId, ...(sender ? { sender } : {}) });

  it('allows 10 calls per conversation a day by default, then refuses that conversation only', async () => {
    let now = 0;
    const limits = createCallLimits({ now: () => now });
    for (let i = 0; i < 10; i++) expect(await take(limits, 'a')).toEqual({ ok: true });
    expect(await take(limits, 'a')).toEqual({ ok: false, reason: 'cap_conversation' });
    expect(await take(limits, 'b')).toEqual({ ok: true });
    now = 86_400_000;
    expect(await take(limits, 'a')).toEqual({ ok: true });
  });

  it('allows 500 calls per clock hour across conversations, then again in the next hour', async () => {
    let now = 0;
    const limits = createCallLimits({ now: () => now });
    for (let i = 0; i < 500; i++) expect((await take(limits, `c${i}`)).ok).toBe(true);
    expect(await take(limits, 'late')).toEqual({ ok: false, reason: 'cap_hour' });
    now = 3_599_999;
    expect(await take(limits, 'late')).toEqual({ ok: false, reason: 'cap_hour' });
    now = 3_600_000;
    expect(await take(limits, 'late')).toEqual({ ok: true });
  });

  it('one flooding sender meets its own fair share long before the shared hourly budget, which others keep', async () => {
    const limits = createCallLimits({ now: () => 0 });
    let served = 0;
    // A phone number opening conversation after conversation (each one below its own cap).
    for (let i = 0; i < 200; i++) if ((await take(limits, `sms|conv-${i}`, '+46701234567')).ok) served++;
    expect(served).toBe(25);
    expect(await take(limits, 'sms|conv-x', '+46701234567')).toEqual({ ok: false, reason: 'cap_sender' });
    // Everyone else still has the rest of the hour's budget.
    for (let i = 0; i < 475; i++) expect((await take(limits, `web|${i}`, `user-${i}`)).ok).toBe(true);
    expect(await take(limits, 'web|late', 'user-late')).toEqual({ ok: false, reason: 'cap_hour' });
  });

  it('takes its caps from options; a call refused by its own caps does not spend the shared budget', async () => {
    let now = 0;
    const limits = createCallLimits({ perConversation: 2, perSenderPerHour: 1, perHour: 3, now: () => now });
    expect([(await take(limits, 'a')).ok, (await take(limits, 'a')).ok, (await take(limits, 'a')).ok]).toEqual([
      true,
      true,
      false,
    ]);
    expect(await take(limits, 'b', 's1')).toEqual({ ok: true });
    expect(await take(limits, 'c', 's1')).toEqual({ ok: false, reason: 'cap_sender' });
    expect(await take(limits, 'd', 's2')).toEqual({ ok: false, reason: 'cap_hour' });
    now = 3_600_000;
    expect(await take(limits, 'a')).toEqual({ ok: false, reason: 'cap_conversation' });
    expect((await take(limits, 'c', 's1')).ok).toBe(true);
  });

  it('holds across instances that share the counters', async () => {
    const shared = memoryCounters(() => 0);
    const [x, y] = [0, 1].map(() =>
      createCallLimits({ quotas: new Quotas(shared, { now: () => 0 }), perConversation: 3 }),
    );
    const verdicts = [await take(x!, 'a'), await take(y!, 'a'), await take(x!, 'a'), await take(y!, 'a')];
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, true, false]);
  });
});

describe('the façade applies the caps before any request', () => {
  it('makes no request over the per-conversation cap and logs the cap', async () => {
    const log = memoryLogger();
    const lm = createLanguageModel(
      {},
      { client: testClient(), logger: log, limits: { perConversation: 2, now: () => 0 } },
    );
    const scope = nock(ORIGIN).post(PATH).times(2).reply(200, completion(answer()));
    const ctx = { conversationId: 'conv-1' };
    expect(await lm.classify('hej', ctx)).toBeDefined();
    expect(await lm.summarize([{ from: 'tenant', text: 'hej' }], ctx)).toBeUndefined(); // a classification answer is no summary
    expect(scope.isDone()).toBe(true);
    // Third call: refused before any I/O (real network is off: a request would fail differently).
    expect(await lm.translate('hej', { to: 'en', from: 'sv' }, ctx)).toBeUndefined();
    expect(await lm.classify('hej', ctx)).toBeUndefined();
    expect(reasons(log)).toEqual(['schema', 'cap_conversation', 'cap_conversation']);
  });

  it('a translation between the same language costs nothing and returns the text', async () => {
    const lm = createLanguageModel({}, { client: testClient(), limits: { perConversation: 0 } });
    expect(await lm.translate('Hej!', { from: 'sv', to: 'sv-SE' }, { conversationId: 'c' })).toBe('Hej!');
  });
});
