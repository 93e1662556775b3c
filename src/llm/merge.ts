/**
 * mergeTriage: the rules' triage and the model's suggestion in, one triage out. Pure.
 *
 * The rules are the floor; the model can only add caution:
 * 1. No suggestion (no model, a failure, a cap) → the rules' triage, unchanged.
 * 2. Rules say acute danger → acute danger with the rules' kind and `uncertain` flag, whatever the model says.
 *    The model may only add `domestic` (an extra helpline).
 * 3. Model sees danger (category `acute_danger` or any danger kind, or violence in a close relationship next to a
 *    disturbance, as the rules' own triage treats it) and the rules do not → acute danger with
 *    the model's kind (or the kind of a danger word the rules discounted), `uncertain: true` so the tenant is
 *    asked to confirm, unless the model is consistent and at least {@link CONFIDENT} sure. Either way it is
 *    treated as danger: 112 first.
 * 4. Neither sees danger → the rules' category stands, with two exceptions when the model is at least
 *    {@link RECATEGORIZE_CONFIDENCE} sure: the rules said `unknown` (the model's category is used), or the
 *    message's language is outside {@link WELL_COVERED} (by the rules' or the model's reading) and the model's
 *    category comes earlier in the core's precedence (`CATEGORIES`: a minor fault may become urgent, a
 *    disturbance never becomes information). So a model, or an injection steering it, never lowers a route.
 * 5. Language: the rules' when their lexicons matched in it; otherwise the model's (when it is one of
 *    Trygg's languages and the model is {@link RECATEGORIZE_CONFIDENCE} sure).
 * 6. Whenever the model changed anything, a `model` entry is added to `matches`, so decisions show it.
 */
import type { Category, DangerKind, Lang, Triage, TriageMatch } from '../routing/types.ts';
import { CATEGORIES, DANGER_KINDS } from '../routing/types.ts';
import type { ModelSuggestion } from './types.ts';

/** Confidence at or above which a model-only danger is not marked uncertain (it is danger either way). */
export const CONFIDENT = 0.9;
/** Confidence the model needs to change a non-danger category or the language. */
export const RECATEGORIZE_CONFIDENCE = 0.6;
/** Languages the lexicons cover well: there the rules' non-danger category wins. */
export const WELL_COVERED: readonly Lang[] = ['sv', 'en', 'ar'];

/** Whether a suggestion sees acute danger: the category says so, or a danger kind is named. */
export function modelSeesDanger(model: ModelSuggestion): boolean {
  return model.category === 'acute_danger' || model.danger !== null;
}

/** The kind of a danger word the rules found but discounted (`danger.fire` → `fire`), if any. */
function discountedKind(rules: Triage): DangerKind | null {
  for (const m of rules.discounted) {
    const kind = m.group.startsWith('danger.') ? m.group.slice('danger.'.length) : '';
    if ((DANGER_KINDS as readonly string[]).includes(kind)) return kind as DangerKind;
  }
  return null;
}

function mergedLanguage(rules: Triage, model: ModelSuggestion): Lang {
  const evidence = [...rules.matches, ...rules.discounted].some((m) => m.lang === rules.language);
  if (evidence || model.language === 'other' || model.confidence < RECATEGORIZE_CONFIDENCE) return rules.language;
  return model.language;
}

function poorlyCovered(rules: Triage, model: ModelSuggestion): boolean {
  return !WELL_COVERED.includes(rules.language) || model.language === 'other' || !WELL_COVERED.includes(model.language);
}

/** Precedence of a category: lower is more urgent (`CATEGORIES` order). */
const rank = (c: Category): number => CATEGORIES.indexOf(c);

function provenance(group: string, lang: Lang): TriageMatch {
  return { group: `model.${group}`, term: 'model', lang };
}

/** Combines the rules' triage with the model's suggestion; see the module comment for the rules. */
export function mergeTriage(rules: Triage, model: ModelSuggestion | undefined): Triage {
  if (!model) return rules;
  const domestic = rules.domestic || model.domestic;
  const sawDanger = modelSeesDanger(model);

  if (rules.category === 'acute_danger') {
    const changed = domestic !== rules.domestic;
    return changed
      ? { ...rules, domestic, matches: [...rules.matches, provenance('domestic', rules.language)] }
      : rules;
  }

  const language = mergedLanguage(rules, model);
  // As in the rules' own triage: a partner or relative making a disturbance may be violence; ask.
  const domesticDisturbance = domestic && (model.category === 'disturbance' || rules.category === 'disturbance');
  if (sawDanger || domesticDisturbance) {
    const danger = model.danger ?? discountedKind(rules) ?? (domesticDisturbance ? 'violence' : null);
    const consistent = model.category === 'acute_danger' && model.danger !== null;
    return {
      ...rules,
      language,
      category: 'acute_danger',
      danger,
      uncertain: !(consistent && model.confidence >= CONFIDENT),
      domestic,
      matches: [...rules.matches, provenance(`danger.${danger ?? 'unknown'}`, language)],
    };
  }

  const recategorize =
    model.category !== rules.category &&
    model.confidence >= RECATEGORIZE_CONFIDENCE &&
    (rules.category === 'unknown' || (poorlyCovered(rules, model) && rank(model.category) < rank(rules.category)));
  if (!recategorize) {
    const changed = language !== rules.language || domestic !== rules.domestic;
    if (!changed) return rules;
    return {
      ...rules,
      language,
      domestic,
      matches: [...rules.matches, provenance(language !== rules.language ? 'language' : 'domestic', language)],
    };
  }
  return {
    ...rules,
    language,
    category: model.category,
    danger: null,
    uncertain: false,
    domestic,
    lockedOut: rules.lockedOut || model.lockedOut,
    matches: [...rules.matches, provenance(model.category, language)],
  };
}
