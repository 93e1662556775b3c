// Caps on model calls: per conversation and per sliding hour, with an injected clock; a capped call is not made.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../src/llm/index.ts';
import { createCallLimits } from '../../src/llm/limits.ts';
import { answer, completion, memoryLogger, ORIGIN, PATH, reasons, testClient } from './helpers.ts';

describe('createCallLimits', () => {
  it('allows 10 calls per conversation by default, then refuses that conversation only', () => {
    const limits = createCallLimits({ now: () => 0 });
    for (let i = 0; i < 10; i++) expect(limits.take('a')).toEqual({ ok: true });
    expect(limits.take('a')).toEqual({ ok: false, reason: 'cap_conversation' });
    expect(limits.take('b')).toEqual({ ok: true });
    expect(limits.remaining('a')).toEqual({ conversation: 0, hour: 489 });
  });

  it('allows 500 calls per sliding hour across conversations, then frees them as they age', () => {
    let now = 0;
    const limits = createCallLimits({ now: () => now });
    for (let i = 0; i < 500; i++) expect(limits.take(`c${i}`).ok).toBe(true);
    expect(limits.take('late')).toEqual({ ok: false, reason: 'cap_hour' });
    now = 3_599_999;
    expect(limits.take('late')).toEqual({ ok: false, reason: 'cap_hour' });
    now = 3_600_000;
    expect(limits.take('late')).toEqual({ ok: true });
  });

  it('takes its caps from options; a refused call is not counted', () => {
    let now = 0;
    const limits = createCallLimits({ perConversation: 2, perHour: 3, now: () => now });
    expect([limits.take('a').ok, limits.take('a').ok, limits.take('a').ok]).toEqual([true, true, false]);
    expect(limits.take('b').ok).toBe(true);
    expect(limits.take('c')).toEqual({ ok: false, reason: 'cap_hour' });
    now = 3_600_000;
    expect(limits.take('a')).toEqual({ ok: false, reason: 'cap_conversation' });
    expect(limits.take('c').ok).toBe(true);
  });

  it('forgets a conversation that has been silent for the time to live', () => {
    let now = 0;
    const limits = createCallLimits({ perConversation: 1, now: () => now, conversationTtlMs: 1_000 });
    expect(limits.take('a').ok).toBe(true);
    expect(limits.take('a').ok).toBe(false);
    now = 1_000;
    expect(limits.take('a').ok).toBe(true);
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
