/**
 * The three layers of triage, and how they combine. Each later layer may only add caution: none lowers
 * what an earlier one decided.
 *
 * 1. **Lexicons** (`index.ts`, `lexicons/`): words and phrases with negation, time and drill cues. Acute
 *    danger they find stands, certain or uncertain.
 * 2. **Classifier** (`classifier/`): a linear model over character n-grams and words, trained on the corpus.
 *    When it is sure enough of danger (`thresholds.acute`, or the lower `thresholds.acuteUnplaced` where the
 *    lexicons found no topic) it raises the message to uncertain danger (112 first, then the tenant is asked). When the lexicons placed nothing it may place the message in a
 *    non-danger category (`thresholds.category`).
 * 3. **Safety net**: signs of harm or distress (a person lying, bleeding, not answering, missing or locked
 *    in; a cry for help; `!!!`; capitals; emoji such as 🔥 🚑 🔪 🩸 💥 🆘).
 *    - A sign counts as soon as the classifier leans towards danger (`thresholds.acuteWithSign`), whatever
 *      the lexicons placed: danger cues outrank topic words.
 *    - In a message the lexicons could not place, a sign of harm (a described state, 🔥 🩸 🆘) makes it
 *      uncertain danger; any other sign does too, unless the classifier is sure the message is nothing to
 *      route (thanks, a greeting). The classifier's "unknown" never counts as placing a message.
 *    - A message nobody could place stays `unknown`, and the reply asks first whether anyone is in danger.
 *
 * Where the lexicons discounted a danger word (negated, in the past, a drill, a film), neither the
 * classifier nor a weak sign may raise the message again: the rules said why it is not acute, and
 * "igår", "nu är det lugnt" or "in a film" must move a message away from danger. Signs of harm that stand
 * after the cues of their own sentence still count.
 */
import type { Category, DangerKind, Triage, TriageMatch } from '../types.ts';
import {
  classify,
  shapeOf,
  shippedModel,
  type ClassifierView,
  type Thresholds,
  type TriageModel,
} from './classifier/index.ts';
import type { LexiconReading } from './index.ts';

/** Emoji that point to a kind of danger: signs of harm. */
const HARM_EMOJI: ReadonlyMap<string, DangerKind | null> = new Map<string, DangerKind | null>([
  ['🔥', 'fire'],
  ['🚒', 'fire'],
  ['🧯', 'fire'],
  ['💣', 'explosion'],
  ['💥', 'explosion'],
  ['🔪', 'weapon'],
  ['🗡', 'weapon'],
  ['🔫', 'weapon'],
  ['🚑', 'medical'],
  ['🩸', 'medical'],
  ['🤕', 'medical'],
  ['🆘', null],
]);
/** Emoji of alarm or fear: weak signs, like `!!!`. */
const ALARM_EMOJI: ReadonlySet<string> = new Set(['🚨', '😱', '😨', '😰', '😭', '🙏', '‼', '❗', '⚠']);

/** A sign of distress and the kind of danger it points to, if any. */
export interface Sign {
  label: string;
  kind: DangerKind | null;
  /** A sign of harm (a described state, a danger emoji), not only of alarm. */
  harm: boolean;
  match?: TriageMatch;
}

function signsOf(text: string, reading: LexiconReading): Sign[] {
  const out: Sign[] = [];
  for (const v of reading.signs) {
    if (v.status === 'discounted') continue;
    const p = v.hit.pattern;
    const match: TriageMatch = { group: p.group, term: p.term, lang: p.lang, ...(v.hit.fuzzy ? { fuzzy: true } : {}) };
    out.push({ label: p.term, kind: p.kind, harm: p.field === 'signs', match });
  }
  const shape = shapeOf(text);
  for (const e of new Set(shape.emoji.map((x) => x.replace(/[\uFE0F\u200D]/g, '')))) {
    const kind = HARM_EMOJI.get(e);
    if (kind !== undefined) out.push({ label: e, kind, harm: true });
    else if (ALARM_EMOJI.has(e)) out.push({ label: e, kind: null, harm: false });
  }
  if (shape.exclamations) out.push({ label: '!!!', kind: null, harm: false });
  if (shape.capitals) out.push({ label: 'CAPITALS', kind: null, harm: false });
  return out;
}

/** What layers 2 and 3 look at: the lexicons' triage, the classifier's view, and the signs. */
export interface Evidence {
  reading: LexiconReading;
  view: ClassifierView | null;
  signs: Sign[];
}

/** Gathers the evidence for a message: the signs, and the classifier's view unless the lexicons saw danger. */
export function gather(text: string, reading: LexiconReading, model: TriageModel | null): Evidence {
  const signs = signsOf(text, reading);
  const view =
    model && reading.triage.category !== 'acute_danger'
      ? classify(reading.tokens, shapeOf(text), reading.concepts, model)
      : null;
  return { reading, view, signs };
}

/** Decides on the evidence with the given thresholds; see the module comment for the order. */
export function decide(evidence: Evidence, t: Thresholds | undefined): Triage {
  const { reading, view, signs } = evidence;
  const lexical = reading.triage;
  const signLabels = signs.map((s) => s.label);
  const withSigns = signLabels.length > 0 ? { signs: signLabels } : {};
  if (lexical.category === 'acute_danger') return { ...lexical, layer: 'lexicon', ...withSigns };

  const seen = view
    ? {
        classifier: {
          acute: round(view.acute),
          kind: view.kind,
          category: view.category as Category,
          p: round(view.categoryP),
        },
      }
    : {};
  const blocked = lexical.discounted.length > 0;
  const harm = signs.filter((s) => s.harm);
  const raise = (layer: 'classifier' | 'safety-net', kind: DangerKind, why: Sign[]): Triage => ({
    ...lexical,
    category: 'acute_danger',
    danger: kind,
    uncertain: true,
    domestic: lexical.domestic || ((kind === 'violence' || kind === 'weapon') && reading.domestic.length > 0),
    matches: [...why.flatMap((s) => (s.match ? [s.match] : [])), ...lexical.matches],
    layer,
    ...withSigns,
    ...seen,
  });
  const signKind = (list: Sign[]): DangerKind => list.find((s) => s.kind)?.kind ?? view?.kind ?? 'medical';
  const sure = view !== null && t !== undefined;

  // The bar is lower where the lexicons found no topic at all: there the classifier is the only reader.
  // Not for a word or two ("kanske", an address, a phone number: answers to a question), which say too little.
  const unplaced = lexical.category === 'unknown' && wordsIn(reading.tokens) >= MIN_UNPLACED_WORDS;
  const bar = unplaced ? (t?.acuteUnplaced ?? t?.acute ?? 1) : (t?.acute ?? 1);
  if (sure && !blocked && view.acute >= bar) return raise('classifier', view.kind, harm);
  // Where the lexicons discounted a danger word, only the described states that survived their own cues
  // count: not an emoji next to an idiom ("bandet var eld 🔥"), not exclamation marks.
  const counting = blocked ? harm.filter((s) => s.match) : signs;
  if (sure && counting.length > 0 && view.acute >= t.acuteWithSign) {
    return raise('safety-net', signKind(counting), counting);
  }
  if (lexical.category !== 'unknown') return { ...lexical, layer: 'lexicon', ...withSigns, ...seen };
  // The lexicons could not place it. A sign of harm (a person lying, bleeding, missing; 🔥 🩸 🆘) makes it
  // danger to ask about, whatever the classifier thinks.
  const harmCounting = counting.filter((s) => s.harm);
  if (harmCounting.length > 0) return raise('safety-net', signKind(harmCounting), harmCounting);
  const confident = sure && view.categoryP >= t.category;
  if (confident && view.category !== 'unknown') {
    return { ...lexical, category: view.category, layer: 'classifier', ...withSigns, ...seen };
  }
  // Nobody could place it: a sign of distress makes it danger to ask about, unless the classifier is sure it
  // is nothing to route ("TACK!!!"); without one the reply still asks first whether anyone is in danger
  // (dialogs), and the route stays the office.
  if (counting.length > 0 && !confident) return raise('safety-net', signKind(counting), counting);
  return { ...lexical, layer: confident ? 'classifier' : 'safety-net', ...withSigns, ...seen };
}

/** Layers 2 and 3 on top of the lexicons' reading (the shipped model unless one is given). */
export function combineLayers(text: string, reading: LexiconReading, model?: TriageModel | null): Triage {
  const chosen = model === undefined ? shippedModel() : model;
  return decide(gather(text, reading, chosen), chosen?.header.thresholds);
}

/** Words (tokens with a letter) a message needs before the classifier's lower bar for unplaced messages. */
const MIN_UNPLACED_WORDS = 3;
const LETTER = /\p{L}/u;
const wordsIn = (tokens: readonly string[]): number => tokens.filter((t) => LETTER.test(t)).length;

const round = (x: number): number => Math.round(x * 1000) / 1000;

export type { ClassifierView };
