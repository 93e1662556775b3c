/**
 * The rules that decide which lexicon hits stand and how sure each danger hit is: longer hits explain
 * shorter ones, negations stay in their clause, past / recent-past / not-real cues discount danger in their
 * sentence, and "ongoing" cues cancel the past in their own sentence. Pure functions over hits; `index.ts` turns the
 * verdicts into a `Triage`.
 */
import type { DangerKind, Lang } from '../types.ts';
import type { Hit } from './compile.ts';
import { CONTENT, CUES, type Field } from './fields.ts';

/** How far (tokens) a negation reaches before a danger hit, and after it. */
const NEGATION_REACH = 2;
/** How far (tokens, same sentence) a non-urgent fault explains a possible danger ("piper … batteriet"). */
const MINOR_EXPLAINS_REACH = 6;

/** Danger kinds a past cue turns into a crime that is over (police, 114 14). */
export const PAST_CRIME_KINDS: ReadonlySet<DangerKind> = new Set(['violence', 'weapon', 'break_in', 'explosion']);
/**
 * Danger kinds a past cue only makes uncertain: the state outlasts the moment (an injury, a gas leak, a wish
 * to die, a child who did not come home yesterday, someone still locked in).
 */
const PERSISTENT_KINDS: ReadonlySet<DangerKind> = new Set(['medical', 'gas', 'suicide', 'missing', 'trapped']);

/** Where a message's punctuation and clause words fall. */
export interface Layout {
  /** Punctuation before token i: 0 none, 1 clause, 2 sentence (from `tokenize`). */
  clauseBreak: Uint8Array;
  /** Token i is a clause-break word (but, and, if, a subject pronoun). */
  clauseWord: Uint8Array;
  /** Sentence number of token i. */
  sentence: Uint16Array;
}

/** How sure a danger hit is after the cues around it. */
export type DangerStatus = 'certain' | 'uncertain' | 'discounted';
/** Why a danger hit was discounted or made uncertain. */
export type DangerReason = 'negation' | 'past' | 'recentPast' | 'notReal' | 'explained' | 'typo' | 'phrase';

/** The verdict on one `danger` or `dangerUncertain` hit. */
export interface DangerVerdict {
  hit: Hit;
  status: DangerStatus;
  /** Why it is not certain; absent when certain. */
  reason?: DangerReason;
  /** Cue hits that made it uncertain or discounted it. */
  cues: Hit[];
}

/** What stands in a message after overlaps and cues are resolved. */
export interface Resolution {
  /** Hits that stand, other than danger hits (content, cues, flags). */
  standing: Hit[];
  /** The same hits by field. */
  byField: ReadonlyMap<Field, Hit[]>;
  /** Every danger hit with its verdict, in text order. */
  dangers: DangerVerdict[];
  /** Every sign of distress (`signs`, `help`) with its verdict (never `certain`), in text order. */
  signs: DangerVerdict[];
  /** At least one "ongoing" cue stands. */
  ongoing: boolean;
}

/** Builds the layout of a tokenised message from its punctuation and its `clauseBreaks` hits. */
export function layoutOf(clauseBreak: Uint8Array, tokenCount: number, hits: readonly Hit[]): Layout {
  const clauseWord = new Uint8Array(tokenCount);
  for (const h of hits) if (h.pattern.field === 'clauseBreaks') clauseWord[h.start] = 1;
  const sentence = new Uint16Array(tokenCount);
  for (let i = 1; i < tokenCount; i++) sentence[i] = sentence[i - 1]! + (clauseBreak[i] === 2 ? 1 : 0);
  return { clauseBreak, clauseWord, sentence };
}

/** True for hits of `danger` and `dangerUncertain`. */
export function isDanger(h: Hit): boolean {
  return h.pattern.field === 'danger' || h.pattern.field === 'dangerUncertain';
}

/** True for hits of `signs` and `help`: distress that names no danger, judged against cues like danger. */
export function isSign(h: Hit): boolean {
  return h.pattern.field === 'signs' || h.pattern.field === 'help';
}

/** True when every word of `h` stands in a `..` gap or the slack of `g`. */
function between(h: Hit, g: Hit): boolean {
  if (!g.gapAt && !g.skippedAt) return false;
  for (let k = h.start; k < h.end; k++) if (!g.gapAt?.includes(k) && !g.skippedAt?.includes(k)) return false;
  return true;
}

const span = (h: Hit): number => h.end - h.start - (h.skippedAt?.length ?? 0);
const contains = (g: Hit, h: Hit): boolean => g.start <= h.start && g.end >= h.end;
const overlaps = (g: Hit, h: Hit): boolean => g.start < h.end && h.start < g.end;

/**
 * True when hit `g` explains hit `h` away: the longer hit is the better reading of the same words.
 * Certain danger and cues are only explained by a hit that contains them; other hits by one that overlaps
 * them. A non-urgent fault wins a tie against an urgent one ("kranen läcker" over "läcker"). `domestic` and
 * `lockedOut` are flags and never compete; a negation or time cue never explains danger away.
 */
function explains(g: Hit, h: Hit): boolean {
  const gf = g.pattern.field;
  const hf = h.pattern.field;
  // A sign of distress explains nothing away: it only ever adds caution.
  if (gf === 'signs' || gf === 'help') return false;
  if (gf === hf || span(g) < span(h) || !overlaps(g, h)) return false;
  // Words that only stand in a gap or the slack of a phrase are not its words ("cykel .. stulen" says
  // nothing of the "igår" between them).
  if (between(h, g)) return false;
  if (span(g) === span(h)) return gf === 'minorFault' && hf === 'urgentFault';
  if (CUES.has(hf)) return contains(g, h);
  // A drill or idiom cue explains away danger and signs, never a topic ("ova napa će me ubiti" keeps its
  // kitchen hood).
  if (gf === 'notReal') return isDanger(h) || isSign(h);
  if (CUES.has(gf)) return false;
  return hf === 'danger' ? contains(g, h) : true;
}

/** True when nothing ends the clause between token `lo` and token `hi` (the gap between two hits). */
function sameClause(layout: Layout, lo: number, hi: number): boolean {
  for (let k = lo; k <= hi; k++) if (layout.clauseBreak[k]) return false;
  for (let k = lo; k < hi; k++) if (layout.clauseWord[k]) return false;
  return true;
}

/** How a negation hit bears on hit `h`: 'hard' discounts, 'soft' makes uncertain, null does nothing. */
function negationEffect(n: Hit, h: Hit, layout: Layout): 'hard' | 'soft' | null {
  if (n.end <= h.start) {
    return h.start - n.end <= NEGATION_REACH && sameClause(layout, n.end, h.start) ? 'hard' : null;
  }
  if (n.start >= h.end) {
    const gap = n.start - h.end;
    // Swedish V2 puts the negation right after the verb ("det brinner inte"); otherwise a negation after
    // a danger word may belong to the next verb ("the fire won't go out"), so it only makes it uncertain.
    if (gap > NEGATION_REACH || !sameClause(layout, h.end, n.start)) return null;
    return gap === 0 && n.pattern.field === 'negationAfter' ? 'hard' : 'soft';
  }
  return null; // overlapping: the negation is part of the danger phrase ("andas inte")
}

/**
 * True when a drill, news or what-if cue is said of danger hit `h` in its sentence: after it ("brandlarmet
 * går, det är en övning"), in its clause ("en film om en brand"), or at the end of a cue that ends in a
 * clause word and so introduces the danger's clause ("vad gör jag om det börjar brinna"). Not "I saw on
 * the news that our house is burning": "that" starts another clause.
 */
function saidOf(c: Hit, h: Hit, layout: Layout): boolean {
  if (c.start >= h.end) return true;
  if (c.end > h.start) return false;
  if (sameClause(layout, c.end, h.start)) return true;
  if (!layout.clauseWord[c.end - 1]) return false;
  for (let k = c.end; k <= h.start; k++) if (layout.clauseBreak[k]) return false;
  return true;
}

/** True when some negation discounts the cue hit `c` ("this is not a drill", "ingen övning"). */
function negated(c: Hit, negations: readonly Hit[], layout: Layout): boolean {
  return negations.some((n) => negationEffect(n, c, layout) === 'hard');
}

/**
 * Resolves overlaps and judges every danger hit against the cues in its clause and sentence. `language` is
 * the message's: a negation in another language than both the message and the danger word only makes the
 * danger uncertain, never discounts it (the Polish "no pali się", "well, it's burning", is not the English
 * "no").
 */
export function resolve(hits: readonly Hit[], layout: Layout, language?: Lang): Resolution {
  const standing: Hit[] = [];
  const byField = new Map<Field, Hit[]>();
  const dangers: DangerVerdict[] = [];
  const signs: DangerVerdict[] = [];
  // Only content and cue hits compete; markers, clause words and the flags stand as they are.
  const competing = hits.filter((h) => CONTENT.has(h.pattern.field) || CUES.has(h.pattern.field));
  for (const h of hits) {
    let by: Hit | undefined;
    if (competing.includes(h)) {
      for (const g of competing) {
        if (g !== h && explains(g, h)) {
          by = g;
          break;
        }
      }
    }
    if (!by) {
      if (isDanger(h)) {
        const certain = h.pattern.field === 'danger' && !h.fuzzy;
        const reason: DangerReason = h.fuzzy ? 'typo' : 'phrase';
        dangers.push(
          certain ? { hit: h, status: 'certain', cues: [] } : { hit: h, status: 'uncertain', reason, cues: [] },
        );
      } else if (isSign(h)) {
        signs.push({ hit: h, status: 'uncertain', reason: h.fuzzy ? 'typo' : 'phrase', cues: [] });
      } else {
        standing.push(h);
        const list = byField.get(h.pattern.field);
        if (list) list.push(h);
        else byField.set(h.pattern.field, [h]);
      }
    } else if (isDanger(h) && !isDanger(by)) {
      dangers.push({ hit: h, status: 'discounted', reason: 'explained', cues: [by] });
    }
    // A certain danger inside a possible-danger phrase is carried by that phrase, uncertain.
  }
  const of = (field: Field): Hit[] => byField.get(field) ?? [];
  if (dangers.length === 0 && signs.length === 0) {
    return { standing, byField, dangers, signs, ongoing: of('ongoing').length > 0 };
  }

  const negations = [...of('negation'), ...of('negationAfter')];
  const ongoing = of('ongoing');
  const past = of('past');
  const recentPast = of('recentPast');
  const notReal = of('notReal').filter((c) => !negated(c, negations, layout));
  const minors = of('minorFault');
  const inSentence = (cues: Hit[], h: Hit): Hit[] =>
    cues.filter((c) => layout.sentence[c.start] === layout.sentence[h.start]);
  const isOngoing = ongoing.length > 0;

  for (const v of [...dangers, ...signs]) {
    if (v.status === 'discounted') continue;
    const h = v.hit;
    const kind = h.pattern.kind!;
    const verdicts: Array<['hard' | 'soft', DangerReason, Hit[]]> = [];

    for (const n of negations) {
      const effect = negationEffect(n, h, layout);
      const foreign = n.pattern.lang !== h.pattern.lang && n.pattern.lang !== language;
      // Someone saying they will not kill themselves is still someone to ask: never fully discounted.
      if (effect) verdicts.push([kind === 'suicide' || foreign ? 'soft' : effect, 'negation', [n]]);
    }
    const drills = inSentence(notReal, h).filter((c) => saidOf(c, h, layout));
    // "Now", "still" count for the danger in their own sentence: "det brann i fjol, nu hänger ett gäng där"
    // keeps the fire in the past.
    const ongoingHere = inSentence(ongoing, h).length > 0;
    if (drills.length > 0) verdicts.push([kind === 'suicide' || ongoingHere ? 'soft' : 'hard', 'notReal', drills]);
    if (!ongoingHere) {
      const before = inSentence(past, h);
      const recent = inSentence(recentPast, h);
      // A sign in the past is over, whatever its kind: only a danger word outlasts its moment.
      const persistent = PERSISTENT_KINDS.has(kind) && isDanger(h);
      if (before.length > 0) verdicts.push([persistent ? 'soft' : 'hard', 'past', before]);
      else if (recent.length > 0) verdicts.push(['soft', 'recentPast', recent]);
    }
    if (h.pattern.field === 'dangerUncertain' && kind === 'fire') {
      // A non-urgent fault close by explains a beeping or broken alarm ("brandvarnaren piper, batteriet är
      // slut"). Only for alarms: a hissing stove or a banging radiator needs its own phrase.
      const minor = minors.find((m) => near(m, h, layout));
      if (minor) verdicts.push(['hard', 'explained', [minor]]);
    }

    const hard = verdicts.find(([effect]) => effect === 'hard');
    const soft = verdicts.find(([effect]) => effect === 'soft');
    if (hard) {
      v.status = 'discounted';
      v.reason = hard[1];
      v.cues = hard[2];
    } else if (soft) {
      v.status = 'uncertain';
      v.reason = soft[1];
      v.cues = soft[2];
    }
  }
  dangers.sort((a, b) => a.hit.start - b.hit.start);
  signs.sort((a, b) => a.hit.start - b.hit.start);
  return { standing, byField, dangers, signs, ongoing: isOngoing };
}

/** A hit within reach of another, in the same sentence. */
function near(m: Hit, h: Hit, layout: Layout): boolean {
  const gap = m.start >= h.end ? m.start - h.end : h.start >= m.end ? h.start - m.end : 0;
  return gap <= MINOR_EXPLAINS_REACH && layout.sentence[m.start] === layout.sentence[h.start];
}
