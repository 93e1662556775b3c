// triageWithModel: the emergency reply before any model call, the deadline, and model-added danger.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { consultReason, triageWithModel } from '../../src/llm/flow.ts';
import { createLanguageModel, RULES_ONLY, type LanguageModel } from '../../src/llm/index.ts';
import type { ModelSuggestion } from '../../src/llm/types.ts';
import { triage } from '../../src/routing/index.ts';
import type { Triage } from '../../src/routing/types.ts';
import { answer, completion, late, memoryLogger, ORIGIN, PATH, rulesTriage, testClient } from './helpers.ts';

/** A fake façade that records when it is called and answers as told. */
function fakeModel(events: string[], reply: () => Promise<ModelSuggestion | undefined>): LanguageModel {
  return {
    enabled: true,
    classify: () => (events.push('classify'), reply()),
    summarize: async () => undefined,
    translate: async () => undefined,
  };
}

describe('consultReason', () => {
  it.each<[string, Partial<Triage>, string | undefined]>([
    ['a rules emergency (details for staff)', { category: 'acute_danger', danger: 'fire' }, 'details'],
    ['an uncertain danger', { category: 'acute_danger', danger: 'fire', uncertain: true }, 'uncertain'],
    ['an unknown message', { category: 'unknown' }, 'unknown'],
    [
      'discounted danger words',
      { category: 'information', discounted: [{ group: 'danger.fire', term: 'brand', lang: 'sv' }] },
      'discounted',
    ],
    ['a poorly covered language', { category: 'disturbance', language: 'so' }, 'language'],
    ['a clear Swedish disturbance', { category: 'disturbance', language: 'sv' }, undefined],
    ['a clear Arabic fault', { category: 'urgent_fault', language: 'ar' }, undefined],
  ])('%s → %s', (_name, t, reason) => {
    expect(consultReason(rulesTriage(t))).toBe(reason);
  });
});

describe('triageWithModel', () => {
  it('calls onEmergency synchronously, before the model is asked, for a rules emergency', async () => {
    const events: string[] = [];
    const model = fakeModel(events, async () => answer({ category: 'information', confidence: 1 }));
    const rules = triage('Det brinner i trapphuset!');
    const pending = triageWithModel('Det brinner i trapphuset!', {
      rules,
      model,
      conversationId: 'c',
      onEmergency: (_t, source) => void events.push(`emergency:${source}`),
    });
    // Before the first await: the reply has been started and nothing else.
    expect(events).toEqual(['emergency:rules', 'classify']);
    const r = await pending;
    expect(r.triage).toMatchObject({ category: 'acute_danger', danger: 'fire' });
    expect(r).toMatchObject({ emergency: 'rules', model: 'used', consulted: 'details' });
    expect(events).toEqual(['emergency:rules', 'classify']);
  });

  it('sends the emergency reply before the HTTP request leaves, and waits for neither', async () => {
    const events: string[] = [];
    const scope = nock(ORIGIN)
      .post(PATH, () => (events.push('request'), true))
      .reply(200, completion(answer({ category: 'information' })));
    const model = createLanguageModel({}, { client: testClient() });
    const r = await triageWithModel('Det brinner!', {
      rules: triage('Det brinner!'),
      model,
      conversationId: 'c',
      onEmergency: async () => {
        events.push('reply');
      },
    });
    expect(scope.isDone()).toBe(true);
    expect(events).toEqual(['reply', 'request']);
    expect(r.triage.category).toBe('acute_danger');
  });

  it('a hanging model: the rules decide within the deadline', async () => {
    const log = memoryLogger();
    const scope = nock(ORIGIN)
      .post(PATH)
      .reply(late(3_000, 200, completion(answer())));
    const model = createLanguageModel({}, { client: testClient(), logger: log });
    const t0 = performance.now();
    const text = 'Hallo, ich habe eine Frage zur Wohnung';
    const rules = triage(text);
    expect(rules.category).toBe('unknown');
    const r = await triageWithModel(text, {
      rules,
      model,
      conversationId: 'c',
      deadlineMs: 400,
      onEmergency: () => undefined,
    });
    // Well before the model's 3 s answer, with room for a loaded machine.
    expect(performance.now() - t0).toBeLessThan(2_500);
    expect(scope.isDone()).toBe(true);
    expect(r).toMatchObject({ model: 'failed', triage: rules });
    expect(r.emergency).toBeUndefined();
  });

  it('stops waiting at the deadline even if the model ignores its own time limit', async () => {
    const model = fakeModel([], () => new Promise(() => undefined));
    const t0 = performance.now();
    const r = await triageWithModel('??', {
      rules: rulesTriage(),
      model,
      conversationId: 'c',
      deadlineMs: 100,
      onEmergency: () => undefined,
    });
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(r.model).toBe('failed');
  });

  it('danger only the model sees: onEmergency after the model, once, with the merged triage', async () => {
    const calls: Array<[Triage, string]> = [];
    const r = await triageWithModel('ሓደ ሰብ ወዲቑ ኣሎ', {
      rules: rulesTriage(),
      model: fakeModel([], async () =>
        answer({
          category: 'acute_danger',
          danger: 'medical',
          confidence: 0.95,
          language: 'other',
          languageCode: 'ti',
        }),
      ),
      conversationId: 'c',
      onEmergency: (t, source) => void calls.push([t, source]),
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]![1]).toBe('model');
    expect(calls[0]![0]).toMatchObject({ category: 'acute_danger', danger: 'medical', uncertain: false });
    expect(r).toMatchObject({ emergency: 'model', model: 'used', consulted: 'unknown' });
    expect(r.suggestion?.languageCode).toBe('ti');
  });

  it('without a model, or with nothing to ask, makes no call', async () => {
    const events: string[] = [];
    const rules = triage('Grannen spelar hög musik');
    expect(
      await triageWithModel('x', { rules, model: RULES_ONLY, conversationId: 'c', onEmergency: () => undefined }),
    ).toMatchObject({ model: 'skipped', triage: rules });
    // A model that is not enabled is never asked, even for a message that would call for it.
    const unknown = triage('blorp fnargle qwzx');
    expect(
      await triageWithModel('blorp fnargle qwzx', {
        rules: unknown,
        model: { ...fakeModel(events, async () => answer()), enabled: false },
        conversationId: 'c',
        onEmergency: () => undefined,
      }),
    ).toMatchObject({ model: 'skipped', triage: unknown });
    expect(
      await triageWithModel('Grannen spelar hög musik', {
        rules,
        model: fakeModel(events, async () => undefined),
        conversationId: 'c',
        onEmergency: () => undefined,
      }),
    ).toMatchObject({ model: 'skipped' });
    expect(
      await triageWithModel('Det brinner', {
        rules: triage('Det brinner'),
        model: fakeModel(events, async () => undefined),
        conversationId: 'c',
        consult: 'never',
        onEmergency: () => undefined,
      }),
    ).toMatchObject({ model: 'skipped', emergency: 'rules' });
    expect(events).toEqual([]);
  });

  it('passes on a failed emergency send, after the model has settled, without an unhandled rejection', async () => {
    const model = fakeModel([], () => new Promise((resolve) => setTimeout(() => resolve(undefined), 50)));
    await expect(
      triageWithModel('Det brinner', {
        rules: triage('Det brinner'),
        model,
        conversationId: 'c',
        onEmergency: () => Promise.reject(new Error('channel down')),
      }),
    ).rejects.toThrow('channel down');
  });
});
