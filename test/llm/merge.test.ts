// mergeTriage: a table of the rules, then every combination of rules and model checked for the invariants.
import { describe, expect, it } from 'vitest';
import { CONFIDENT, mergeTriage, modelSeesDanger, RECATEGORIZE_CONFIDENCE, WELL_COVERED } from '../../src/llm/merge.ts';
import type { ModelSuggestion } from '../../src/llm/types.ts';
import { decideRoute, loadPolicy } from '../../src/routing/index.ts';
import { CATEGORIES, DANGER_KINDS, LANGUAGES, type Category, type DangerKind, type Lang, type Triage } from '../../src/routing/types.ts';
import { answer, rulesTriage } from './helpers.ts';

const fire = rulesTriage({ category: 'acute_danger', danger: 'fire', matches: [{ group: 'danger.fire', term: 'brinner', lang: 'sv' }] });
const noise = rulesTriage({ category: 'disturbance', matches: [{ group: 'disturbance', term: 'musik', lang: 'sv' }] });

describe('mergeTriage: the rules', () => {
  it('no suggestion → the rules, unchanged (same object)', () => {
    expect(mergeTriage(fire, undefined)).toBe(fire);
    expect(mergeTriage(noise, undefined)).toBe(noise);
  });

  it('a rules emergency stays an emergency with its kind, whatever the model says (office for a fire)', () => {
    const m = mergeTriage(fire, answer({ category: 'information', confidence: 1 }));
    expect(m).toMatchObject({ category: 'acute_danger', danger: 'fire', uncertain: false });
  });

  it('the model cannot clear the rules’ uncertainty, but may add a close-relationship flag', () => {
    const unsure = { ...fire, uncertain: true };
    expect(mergeTriage(unsure, answer({ category: 'acute_danger', danger: 'fire', confidence: 1 })).uncertain).toBe(true);
    const m = mergeTriage(fire, answer({ domestic: true }));
    expect(m.domestic).toBe(true);
    expect(m.matches.at(-1)).toMatchObject({ term: 'model', group: 'model.domestic' });
  });

  it('model-only danger → acute danger, uncertain unless the model is consistent and highly confident', () => {
    expect(mergeTriage(noise, answer({ category: 'acute_danger', danger: 'weapon', confidence: 0.7 }))).toMatchObject({ category: 'acute_danger', danger: 'weapon', uncertain: true });
    expect(mergeTriage(noise, answer({ category: 'acute_danger', danger: 'weapon', confidence: CONFIDENT }))).toMatchObject({ category: 'acute_danger', danger: 'weapon', uncertain: false });
    // A danger kind under another category is still danger, and the inconsistency keeps it uncertain.
    expect(mergeTriage(noise, answer({ category: 'disturbance', danger: 'violence', confidence: 1 }))).toMatchObject({ category: 'acute_danger', danger: 'violence', uncertain: true });
  });

  it('model danger without a kind takes the kind the rules discounted', () => {
    const drill = rulesTriage({ category: 'information', discounted: [{ group: 'danger.fire', term: 'brand', lang: 'sv' }], matches: [{ group: 'information', term: 'övning', lang: 'sv' }] });
    expect(mergeTriage(drill, answer({ category: 'acute_danger', danger: null, confidence: 1 }))).toMatchObject({ category: 'acute_danger', danger: 'fire', uncertain: true });
  });

  it('a partner making a disturbance is treated as possible violence, as the rules do', () => {
    expect(mergeTriage(noise, answer({ category: 'disturbance', domestic: true }))).toMatchObject({ category: 'acute_danger', danger: 'violence', uncertain: true, domestic: true });
  });

  it('a well-covered language keeps the rules’ non-danger category', () => {
    expect(mergeTriage(noise, answer({ category: 'information', confidence: 1 }))).toBe(noise);
  });

  it('rules `unknown` or a poorly covered language → the model’s category when it is sure enough', () => {
    expect(mergeTriage(rulesTriage(), answer({ category: 'urgent_fault', confidence: 0.8, lockedOut: true }))).toMatchObject({ category: 'urgent_fault', lockedOut: true });
    expect(mergeTriage(rulesTriage(), answer({ category: 'urgent_fault', confidence: RECATEGORIZE_CONFIDENCE - 0.01 })).category).toBe('unknown');
    const somali = { ...noise, language: 'so' as Lang, matches: [{ group: 'disturbance', term: 'qeylo', lang: 'so' as Lang }] };
    expect(mergeTriage(somali, answer({ category: 'support', language: 'so', confidence: 0.9 })).category).toBe('support');
  });

  it('the language: the rules’ when their lexicons matched in it, else the model’s', () => {
    expect(mergeTriage(noise, answer({ language: 'en', confidence: 1 })).language).toBe('sv');
    expect(mergeTriage(rulesTriage(), answer({ category: 'unknown', language: 'tr', confidence: 0.9 })).language).toBe('tr');
    expect(mergeTriage(rulesTriage(), answer({ category: 'unknown', language: 'other', confidence: 0.9 })).language).toBe('sv');
  });
});

// ---- every combination -------------------------------------------------------------------------------

function allRules(): Triage[] {
  const out: Triage[] = [];
  for (const language of LANGUAGES) {
    for (const category of CATEGORIES) {
      const kinds: (DangerKind | null)[] = category === 'acute_danger' ? [...DANGER_KINDS] : [null];
      for (const danger of kinds) {
        for (const uncertain of category === 'acute_danger' ? [false, true] : [false]) {
          for (const domestic of [false, true]) {
            const matches = category === 'unknown' ? [] : [{ group: category === 'acute_danger' ? `danger.${danger}` : category, term: 'x', lang: language }];
            const discounted = category === 'information' ? [{ group: 'danger.gas', term: 'gas', lang: language }] : [];
            out.push(rulesTriage({ language, category, danger, uncertain, domestic, matches, discounted }));
          }
        }
      }
    }
  }
  return out;
}

function allSuggestions(): ModelSuggestion[] {
  const out: ModelSuggestion[] = [];
  for (const language of [...LANGUAGES, 'other'] as const) {
    for (const category of CATEGORIES) {
      for (const danger of [null, ...DANGER_KINDS] as const) {
        if (category !== 'acute_danger' && danger !== null && danger !== 'violence') continue;
        for (const confidence of [0, 0.5, 0.6, 0.89, 0.9, 1]) {
          for (const domestic of [false, true]) out.push(answer({ language, category, danger, confidence, domestic }));
        }
      }
    }
  }
  return out;
}

describe('mergeTriage: invariants over every combination', () => {
  const rules = allRules();
  const models = allSuggestions();
  const policy = loadPolicy();
  const at = Date.parse('2027-01-20T01:00:00Z'); // a Wednesday night: the jour is on duty

  it(`holds for ${rules.length} × ${models.length} pairs`, () => {
    let checked = 0;
    for (const r of rules) {
      for (const m of models) {
        const out = mergeTriage(r, m);
        const ctx = `${JSON.stringify(r)} + ${JSON.stringify(m)} → ${JSON.stringify(out)}`;
        const rulesDanger = r.category === 'acute_danger';
        // Danger is the maximum of rules and model.
        if (rulesDanger || modelSeesDanger(m)) expect(out.category, ctx).toBe('acute_danger');
        // A rules emergency keeps its kind and its uncertainty.
        if (rulesDanger) {
          expect(out.danger, ctx).toBe(r.danger);
          expect(out.uncertain, ctx).toBe(r.uncertain);
        }
        // Model-only danger is uncertain unless consistent and highly confident.
        if (!rulesDanger && modelSeesDanger(m)) {
          expect(out.uncertain, ctx).toBe(!(m.category === 'acute_danger' && m.danger !== null && m.confidence >= CONFIDENT));
        }
        // Caution is never removed.
        if (r.domestic) expect(out.domestic, ctx).toBe(true);
        if (r.lockedOut) expect(out.lockedOut, ctx).toBe(true);
        // Non-danger categories change only for `unknown` rules or a poorly covered language.
        if (out.category !== 'acute_danger' && out.category !== r.category) {
          const poor = !WELL_COVERED.includes(r.language) || m.language === 'other' || !WELL_COVERED.includes(m.language);
          expect(r.category === 'unknown' || poor, ctx).toBe(true);
          expect(out.category, ctx).toBe(m.category);
          expect(m.confidence, ctx).toBeGreaterThanOrEqual(RECATEGORIZE_CONFIDENCE);
        }
        // Danger fields stay consistent.
        if (out.category !== 'acute_danger') expect(out.danger, ctx).toBeNull();
        // A model that changed anything says so.
        if (out !== r) expect(out.matches.some((x) => x.term === 'model'), ctx).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(rules.length * models.length);
  });

  it('the decided route is `emergency` whenever the rules alone decide `emergency`', () => {
    for (const r of rules.filter((x) => x.category === 'acute_danger')) {
      expect(decideRoute(r, policy, at).route).toBe('emergency');
      for (const m of models) expect(decideRoute(mergeTriage(r, m), policy, at).route).toBe('emergency');
    }
  });

  it('a model can never turn a non-danger triage into a route other than the rules’ in sv/en/ar unless the rules were unknown', () => {
    const covered = rules.filter((r) => WELL_COVERED.includes(r.language) && r.category !== 'unknown' && r.category !== 'acute_danger');
    for (const r of covered) {
      const base = decideRoute(r, policy, at).route;
      for (const m of models.filter((x) => x.language !== 'other' && WELL_COVERED.includes(x.language))) {
        const route = decideRoute(mergeTriage(r, m), policy, at).route;
        expect([base, 'emergency']).toContain(route);
      }
    }
  });

  it('is pure: the inputs are not changed', () => {
    const r = structuredClone(fire);
    const m = answer({ category: 'acute_danger', danger: 'gas', domestic: true });
    const before = [JSON.stringify(r), JSON.stringify(m)];
    mergeTriage(r, m);
    mergeTriage(noise, m);
    expect([JSON.stringify(r), JSON.stringify(m)]).toEqual(before);
  });
});
