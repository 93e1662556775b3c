/**
 * Deterministic multilingual triage: what a tenant's message is about. Pure: no clock, no I/O beyond reading
 * the shipped classifier model once, the same result for the same text. Three layers (`layers.ts`): the
 * lexicons here, the learned classifier (`classifier/`), and the safety net.
 *
 * The lexicon layer's precedence: acute danger (uncertain when only possible-danger phrases, typos or softening cues back it)
 * > disturbance > urgent fault (a lock-out counts) > crime that is over > minor fault > support
 * > information > unknown. Danger that a negation, a past cue or a drill discounts is listed in
 * `discounted` and never silently dropped: past violence, weapons, break-ins and explosions become a crime
 * that is over.
 */
import {
  CATEGORIES,
  DANGER_KINDS,
  LANGUAGES,
  type Category,
  type DangerKind,
  type Lang,
  type Triage,
  type TriageMatch,
} from '../types.ts';
import { compiledFor, type Field, type Hit } from './compile.ts';
import { detectLanguageFromHits } from './detect-language.ts';
import { LEXICONS } from './lexicons/index.ts';
import { tokenize } from './normalize.ts';
import { layoutOf, PAST_CRIME_KINDS, resolve, type DangerVerdict, type Layout } from './resolve.ts';
import { combineLayers } from './layers.ts';
import type { TriageModel } from './classifier/index.ts';

export { detectLanguage } from './detect-language.ts';
export { fold, tokenize } from './normalize.ts';

/** Options for `triage`. */
export interface TriageOptions {
  /** The tenant's language when the channel already knows it; otherwise it is detected. */
  language?: Lang;
  /** The classifier's model: the shipped one when absent; `null` runs without the classifier. */
  model?: TriageModel | null;
}

/**
 * Which danger to name when several are present: suicide first (its own helpline), then what spreads to
 * neighbours, then violence, then the rest.
 */
const KIND_PRIORITY: readonly DangerKind[] = [
  'suicide',
  'fire',
  'explosion',
  'gas',
  'weapon',
  'violence',
  'trapped',
  'missing',
  'medical',
  'break_in',
];

/** Non-danger categories in precedence order, with the fields that give them. */
const FIELD_CATEGORIES: ReadonlyArray<readonly [Category, readonly Field[]]> = [
  ['disturbance', ['disturbance']],
  ['urgent_fault', ['urgentFault', 'lockedOut']],
  // A crime names what broke the thing: "someone smashed my car window" is for the police, not a repair.
  ['crime_over', ['crimeOver']],
  ['minor_fault', ['minorFault']],
  ['support', ['support']],
  ['information', ['information']],
];

/** True when two hits stand in one clause: no punctuation and no clause word between them. */
function oneClause(layout: Layout, a: Hit, b: Hit): boolean {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  for (let k = first.end; k <= second.start && k < layout.clauseBreak.length; k++)
    if (layout.clauseBreak[k]) return false;
  for (let k = first.end; k < second.start; k++) if (layout.clauseWord[k]) return false;
  return true;
}

function toMatch(h: Hit): TriageMatch {
  const p = h.pattern;
  const match: TriageMatch = { group: p.group, term: p.term, lang: p.lang };
  if (h.fuzzy) match.fuzzy = true;
  return match;
}

/** Matches in text order without repeats (the same entry matched twice, or a cue listed twice). */
function matchList(hits: Hit[]): TriageMatch[] {
  hits.sort((a, b) => a.start - b.start);
  const out: TriageMatch[] = [];
  const from: Hit[] = [];
  for (const h of hits) {
    if (from.some((f) => f.pattern === h.pattern && f.fuzzy === h.fuzzy)) continue;
    from.push(h);
    out.push(toMatch(h));
  }
  return out;
}

function firstKind(verdicts: readonly DangerVerdict[]): DangerKind {
  let best = KIND_PRIORITY.length;
  for (const v of verdicts) best = Math.min(best, KIND_PRIORITY.indexOf(v.hit.pattern.kind!));
  return KIND_PRIORITY[best] ?? DANGER_KINDS[0];
}

/** What the lexicon layer found: its triage, and what the other layers build on. */
export interface LexiconReading {
  triage: Triage;
  /** Folded tokens of the message. */
  tokens: string[];
  /** Signs of distress with their verdicts after cues (`uncertain` stands, `discounted` does not). */
  signs: DangerVerdict[];
  /** Partner or family words (they count next to violence or a disturbance). */
  domestic: TriageMatch[];
  /**
   * What the lexicons saw, in words no language owns (`danger.fire:certain`, `past`, `signs.medical`): the
   * classifier's cross-lingual features, so what it learns from a Polish message carries over to Somali.
   */
  concepts: string[];
}

/** Fields that say nothing about a message's meaning. */
const NO_CONCEPT: ReadonlySet<Field> = new Set(['markers', 'clauseBreaks']);

/** The lexicon's findings as language-free concept names (see `LexiconReading.concepts`). */
function conceptsOf(standing: readonly Hit[], verdicts: readonly DangerVerdict[]): string[] {
  const out = new Set<string>();
  for (const h of standing) if (!NO_CONCEPT.has(h.pattern.field)) out.add(h.pattern.group);
  for (const v of verdicts) {
    out.add(`${v.hit.pattern.group}:${v.status}`);
    if (v.reason) out.add(`${v.hit.pattern.field}:${v.reason}`);
  }
  return [...out];
}

/**
 * The first layer: lexicons. Every lexicon is matched (a tenant may mix languages; danger words count in
 * any language); `options.language` only sets the reported language.
 */
export function readLexicons(text: string, options?: TriageOptions): LexiconReading {
  const compiled = compiledFor(LEXICONS);
  const { tokens, clauseBreak } = tokenize(text);
  const found = compiled.match(tokens, clauseBreak);
  const detected = detectLanguageFromHits(text, found);
  const language = options?.language && LANGUAGES.includes(options.language) ? options.language : detected;
  // A typo is read only in the message's own language: across languages a near-miss is usually just
  // another word ("husbands" is not a misspelt Swedish "husbrand").
  const hits = found.filter((h) => !h.fuzzy || h.pattern.lang === detected || h.pattern.lang === language);
  const layout = layoutOf(clauseBreak, tokens.length, hits);
  const { byField, standing, dangers, signs } = resolve(hits, layout, language);
  const reading = (t: Triage): LexiconReading => ({
    triage: t,
    tokens,
    signs,
    domestic: matchList(of('domestic')),
    concepts: conceptsOf(standing, [...dangers, ...signs]),
  });
  const of = (...fields: Field[]): Hit[] => fields.flatMap((f) => byField.get(f) ?? []);
  const certain: DangerVerdict[] = [];
  const possible: DangerVerdict[] = [];
  const discountedVerdicts: DangerVerdict[] = [];
  for (const v of dangers) {
    (v.status === 'certain' ? certain : v.status === 'uncertain' ? possible : discountedVerdicts).push(v);
  }
  const discounted = matchList(discountedVerdicts.map((v) => v.hit));

  const lockedOutHits = of('lockedOut');
  // A disturbance in the past is over ("tack för att ni kom igår när det var fest"): it counts only without
  // a past cue in its sentence, or with something ongoing there too.
  const inSentenceOf = (field: Field, h: Hit) =>
    of(field).some((c) => layout.sentence[c.start] === layout.sentence[h.start]);
  const disturbance = of('disturbance').filter((d) => !inSentenceOf('past', d) || inSentenceOf('ongoing', d));
  const violent = dangers.some((v) => v.hit.pattern.kind === 'violence' || v.hit.pattern.kind === 'weapon');
  // A partner or family word counts only next to violence, threats or a disturbance.
  const domesticHits = violent || disturbance.length > 0 ? of('domestic') : [];
  const domestic = domesticHits.length > 0;
  const lockedOut = lockedOutHits.length > 0;
  const flags = [...domesticHits, ...lockedOutHits];
  const result = (category: Category, danger: DangerKind | null, uncertain: boolean, decisive: Hit[]): Triage => ({
    language,
    category,
    danger,
    uncertain,
    domestic,
    lockedOut,
    matches: matchList([...decisive, ...flags]),
    discounted,
  });

  if (certain.length > 0) {
    // Show the "ongoing" cue when it is what kept a past cue from discounting the danger.
    const why = of('past').length > 0 ? of('ongoing') : [];
    return reading(result('acute_danger', firstKind(certain), false, [...certain.map((v) => v.hit), ...why]));
  }
  if (possible.length > 0) {
    return reading(
      result(
        'acute_danger',
        firstKind(possible),
        true,
        possible.flatMap((v) => [v.hit, ...v.cues]),
      ),
    );
  }
  // A partner or relative making a disturbance (in one clause): violence in a close relationship may be
  // near; ask. Not "min man och jag kan inte sova för musiken".
  const domesticDisturbance = disturbance.filter((d) => domesticHits.some((f) => oneClause(layout, f, d)));
  if (domesticDisturbance.length > 0) return reading(result('acute_danger', 'violence', true, domesticDisturbance));

  const pastCrimes = discountedVerdicts.filter((v) => v.reason === 'past' && PAST_CRIME_KINDS.has(v.hit.pattern.kind!));
  // A word of the message's own language is read in that language: "gården" is a Swedish yard, not an
  // English garden. A topic hit of another language whose words all match the message's own language
  // (markers included) does not count; code-switched topic words ("office" in a Somali message) still do.
  const ownWord = new Uint8Array(tokens.length);
  for (const h of hits) {
    if (h.pattern.lang !== language && h.pattern.lang !== detected) continue;
    for (let k = h.start; k < h.end; k++) ownWord[k] = 1;
  }
  const readable = (h: Hit) => {
    if (h.pattern.lang === language || h.pattern.lang === detected) return true;
    for (let k = h.start; k < h.end; k++) if (!ownWord[k]) return true;
    return false;
  };
  for (const [category, fields] of FIELD_CATEGORIES) {
    const decisive = of(...fields).filter(readable);
    if (category === 'crime_over') decisive.push(...pastCrimes.flatMap((v) => [v.hit, ...v.cues]));
    if (decisive.length > 0) return reading(result(category, null, false, decisive));
  }
  return reading(result(CATEGORIES[CATEGORIES.length - 1]!, null, false, []));
}

/**
 * Classifies one tenant message in three layers (see `layers.ts`): the lexicons, the learned classifier,
 * and the safety net. Deterministic and pure: the same text gives the same triage.
 */
export function triage(text: string, options?: TriageOptions): Triage {
  return combineLayers(text, readLexicons(text, options), options?.model);
}
