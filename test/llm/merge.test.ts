// mergeTriage: a table of the rules, then every combination of rules and model checked for the invariants.
import { describe, expect, it } from 'vitest';
import { CONFIDENT, mergeTriage, modelSeesDanger, RECATEGORIZE_CONFIDENCE, WELL_COVERED } from '../../src/llm/merge.ts';
import type { ModelSuggestion } from '../../src/llm/types.ts';
import { decideRoute, loadPolicy } from '../../src/routing/index.ts';
import {
  CATEGORIES,
  DANGER_KINDS,
  LANGUAGES,
  type Category,
  type DangerKind,
  type Lang,
  type Triage,
} from '../../src/routing/types.ts';
import { answer, rulesTriage } from './helpers.ts';

const fire = rulesTriage({
  category: 'acute_danger',
  danger: 'fire',
  matches: [{ group: 'danger.fire', term: 'brinner', lang: 'sv' }],
});
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
    expect(mergeTriage(unsure, answer({ category: 'acute_danger', danger: 'fire', confidence: 1 })).uncertain).toBe(
      true,
    );
    const m = mergeTriage(fire, answer({ domestic: true }));
    expect(m.domestic).toBe(true);
    expect(m.matches.at(-1)).toMatchObject({ term: 'model', group: 'model.domestic' });
  });

  it('model-only danger → acute danger, uncertain unless the model is consistent and highly confident', () => {
    expect(mergeTriage(noise, answer({ category: 'acute_danger', danger: 'weapon', confidence: 0.7 }))).toMatchObject({
      category: 'acute_danger',
      danger: 'weapon',
      uncertain: true,
    });
    expect(
      mergeTriage(noise, answer({ category: 'acute_danger', danger: 'weapon', confidence: CONFIDENT })),
    ).toMatchObject({ category: 'acute_danger', danger: 'weapon', uncertain: false });
    // A danger kind under another category is still danger, and the inconsistency keeps it uncertain.
    expect(mergeTriage(noise, answer({ category: 'disturbance', danger: 'violence', confidence: 1 }))).toMatchObject({
      category: 'acute_danger',
      danger: 'violence',
      uncertain: true,
    });
  });

  it('model danger without a kind takes the kind the rules discounted', () => {
    const drill = rulesTriage({
      category: 'information',
      discounted: [{ group: 'danger.fire', term: 'brand', lang: 'sv' }],
      matches: [{ group: 'information', term: 'övning', lang: 'sv' }],
    });
    expect(mergeTriage(drill, answer({ category: 'acute_danger', danger: null, confidence: 1 }))).toMatchObject({
      category: 'acute_danger',
      danger: 'fire',
      uncertain: true,
    });
  });

  it('a partner making a disturbance is treated as possible violence, as the rules do', () => {
    expect(mergeTriage(noise, answer({ category: 'disturbance', domestic: true }))).toMatchObject({
      category: 'acute_danger',
      danger: 'violence',
      uncertain: true,
      domestic: true,
    });
  });

  it('a well-covered language keeps the rules’ non-danger category', () => {
    expect(mergeTriage(noise, answer({ category: 'information', confidence: 1 }))).toBe(noise);
  });

  it('rules `unknown` or a poorly covered language → the model’s category when it is sure enough', () => {
    expect(
      mergeTriage(rulesTriage(), answer({ category: 'urgent_fault', confidence: 0.8, lockedOut: true })),
    ).toMatchObject({ category: 'urgent_fault', lockedOut: true });
    expect(
      mergeTriage(rulesTriage(), answer({ category: 'urgent_fault', confidence: RECATEGORIZE_CONFIDENCE - 0.01 }))
        .category,
    ).toBe('unknown');
    const somali = rulesTriage({
      category: 'minor_fault',
      language: 'so',
      matches: [{ group: 'minorFault', term: 'x', lang: 'so' }],
    });
    expect(mergeTriage(somali, answer({ category: 'urgent_fault', language: 'so', confidence: 0.9 })).category).toBe(
      'urgent_fault',
    );
  });

  it('in a poorly covered language the model may raise a category, never lower it', () => {
    const somali = rulesTriage({
      category: 'urgent_fault',
      language: 'so',
      matches: [{ group: 'urgentFault', term: 'x', lang: 'so' }],
    });
    expect(mergeTriage(somali, answer({ category: 'disturbance', language: 'so', confidence: 0.9 })).category).toBe(
      'disturbance',
    );
    expect(mergeTriage(somali, answer({ category: 'information', language: 'so', confidence: 1 })).category).toBe(
      'urgent_fault',
    );
    expect(mergeTriage(somali, answer({ category: 'minor_fault', language: 'other', confidence: 1 })).category).toBe(
      'urgent_fault',
    );
  });

  it('the language: the rules’ when their lexicons matched in it, else the model’s', () => {
    expect(mergeTriage(noise, answer({ language: 'en', confidence: 1 })).language).toBe('sv');
    expect(mergeTriage(rulesTriage(), answer({ category: 'unknown', language: 'tr', confidence: 0.9 })).language).toBe(
      'tr',
    );
    expect(
      mergeTriage(rulesTriage(), answer({ category: 'unknown', language: 'other', confidence: 0.9 })).language,
    ).toBe('sv');
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
            const matches =
              category === 'unknown'
                ? []
                : [{ group: category === 'acute_danger' ? `danger.${danger}` : category, term: 'x', lang: language }];
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

  /** The invariants for one pair; a description of the first one broken, or undefined. */
  function broken(r: Triage, m: ModelSuggestion, out: Triage): string | undefined {
    const rulesDanger = r.category === 'acute_danger';
    // Danger is the maximum of rules and model.
    if ((rulesDanger || modelSeesDanger(m)) && out.category !== 'acute_danger') return 'danger lost';
    // A rules emergency keeps its kind and its uncertainty.
    if (rulesDanger && (out.danger !== r.danger || out.uncertain !== r.uncertain)) return 'rules emergency changed';
    // Model-only danger is uncertain unless consistent and highly confident.
    if (
      !rulesDanger &&
      modelSeesDanger(m) &&
      out.uncertain !== !(m.category === 'acute_danger' && m.danger !== null && m.confidence >= CONFIDENT)
    )
      return 'model danger certainty';
    // Caution is never removed.
    if ((r.domestic && !out.domestic) || (r.lockedOut && !out.lockedOut)) return 'flag removed';
    // Non-danger categories change only for `unknown` rules or a poorly covered language, to the model's.
    if (out.category !== 'acute_danger' && out.category !== r.category) {
      const poor = !WELL_COVERED.includes(r.language) || m.language === 'other' || !WELL_COVERED.includes(m.language);
      if (!(r.category === 'unknown' || poor)) return 'recategorized a well-covered message';
      if (r.category !== 'unknown' && CATEGORIES.indexOf(out.category) > CATEGORIES.indexOf(r.category))
        return 'lowered a category';
      if (out.category !== m.category || m.confidence < RECATEGORIZE_CONFIDENCE)
        return 'recategorized without confidence';
    }
    if (out.category !== 'acute_danger' && out.danger !== null) return 'danger kind without danger';
    // A model that changed anything says so.
    if (out !== r && !out.matches.some((x) => x.term === 'model')) return 'no provenance';
    return undefined;
  }

  it(`holds for ${rules.length} × ${models.length} pairs`, () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of rules) {
      for (const m of models) {
        const out = mergeTriage(r, m);
        const why = broken(r, m, out);
        if (why && failures.length < 5)
          failures.push(`${why}: ${JSON.stringify(r)} + ${JSON.stringify(m)} → ${JSON.stringify(out)}`);
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(rules.length * models.length);
  });

  // decideRoute reads schedules: a smaller sample of the same space.
  const sampleRules = rules.filter((r) => ['sv', 'so'].includes(r.language) && !r.domestic);
  const sampleModels = models.filter(
    (m) => ['sv', 'other'].includes(m.language) && [0.5, 1].includes(m.confidence) && !m.domestic,
  );

  it('the decided route is `emergency` whenever the rules alone decide `emergency`', () => {
    let bad = 0;
    for (const r of sampleRules.filter((x) => x.category === 'acute_danger')) {
      expect(decideRoute(r, policy, at).route).toBe('emergency');
      for (const m of sampleModels) if (decideRoute(mergeTriage(r, m), policy, at).route !== 'emergency') bad++;
    }
    expect(bad).toBe(0);
  });

  it('in sv/en/ar a model can only raise a known non-danger route to `emergency`, never move it elsewhere', () => {
    const covered = sampleRules.filter(
      (r) => WELL_COVERED.includes(r.language) && r.category !== 'unknown' && r.category !== 'acute_danger',
    );
    const bad: string[] = [];
    for (const r of covered) {
      const base = decideRoute(r, policy, at).route;
      for (const m of sampleModels.filter((x) => x.language !== 'other')) {
        const route = decideRoute(mergeTriage(r, m), policy, at).route;
        if (route !== base && route !== 'emergency') bad.push(`${r.category}/${m.category} → ${route}`);
      }
    }
    expect(bad).toEqual([]);
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
