/**
 * Compiles lexicons (the pattern syntax documented in `lexicon.ts`) into one matcher over folded tokens.
 *
 * Every distinct pattern word ("element") gets an id. A token is looked up once (and cached): exact words
 * in a map, `word*` and `*word` through buckets keyed by their first (last) one to three letters, `*word*`
 * through buckets keyed by two letters, looked up at each position of the token. Patterns are indexed by
 * their first element and verified word by word from there, so a message costs a few map lookups per
 * token, however large the lexicons grow.
 *
 * Typo tolerance (`fuzzy.ts`) uses a SymSpell-style deletion index, so a typo is found with about seven
 * lookups per unknown token, never by comparing the token with every entry.
 */
import { DANGER_KINDS, type DangerKind, type Lang } from '../types.ts';
import type { Lexicon } from './lexicon.ts';
import { CUES, LIST_FIELDS, NO_FUZZY, PHRASE_SLACK, type Field } from './fields.ts';
import { createTypoIndex, type TypoShape } from './fuzzy.ts';

export type { Field } from './fields.ts';
import { EXACT, INFIX, PREFIX, SUFFIX, parseEntry, type ElementKind } from './parse.ts';

/** Entries with at least this many letters (folded, wildcards removed) get typo tolerance. */
const FUZZY_MIN_LETTERS = 6;
/** `word*` and `*word` are bucketed by up to this many letters at their fixed end. */
const BUCKET_LETTERS = 3;
/** Upper bound of the per-token cache; it is cleared when full (the results never depend on it). */
const TOKEN_CACHE_LIMIT = 10_000;

/** One compiled lexicon entry. */
export interface Pattern {
  lang: Lang;
  field: Field;
  /** The danger kind for `danger` and `dangerUncertain` entries, otherwise null. */
  kind: DangerKind | null;
  /** `danger.fire`, `dangerUncertain.gas`, or the field name. */
  group: string;
  /** The entry as written in the lexicon. */
  term: string;
  /** Element ids, one per word. */
  words: number[];
  /** `gapBefore[j]`: up to three other words may stand before word `j` (`..`). */
  gapBefore: boolean[];
  /** Single-word entry eligible for typo tolerance. */
  fuzzy: boolean;
  /**
   * Other words allowed between two neighbouring words of the entry (1 for content entries: "vatten kommer
   * från taket" matches `vatten från taket`; 0 for cues and markers, whose exact form matters).
   */
  slack: number;
}

/** One place where a pattern matched: tokens `start` (inclusive) to `end` (exclusive). */
export interface Hit {
  pattern: Pattern;
  start: number;
  end: number;
  /** Matched through typo tolerance. */
  fuzzy: boolean;
  /** Positions inside the hit that the entry's slack skipped (they do not make the hit longer). */
  skippedAt?: number[];
  /** Positions inside the hit that stood in a `..` gap: not the entry's own words. */
  gapAt?: number[];
}

/** Lexicons compiled into a matcher. */
export interface CompiledLexicons {
  readonly patterns: readonly Pattern[];
  /** Entries that were skipped or look wrong, with the language, field and entry. */
  readonly warnings: readonly string[];
  /**
   * Every hit of every pattern in the folded tokens, ordered by start then pattern order. With `breaks`
   * (punctuation before each token, from `tokenize`) a phrase does not reach across punctuation.
   */
  match(tokens: readonly string[], breaks?: Uint8Array): Hit[];
}

/** Wildcard elements by a hash of their fixed letters: [folded text, element id]. */
type Buckets = Map<number, Array<[string, number]>>;

interface Element {
  kind: ElementKind;
  text: string;
}

interface TokenInfo {
  /** Elements the token matches exactly or through a wildcard. */
  ids: number[];
  /** Elements of typo-tolerant entries the token matches only through a typo. */
  fuzzyIds: number[];
}

/**
 * A small-integer hash of the first (or last) `n` letters of a word, computed without building a
 * substring. Collisions only add candidates: every candidate is verified with `startsWith`/`endsWith`.
 */
function endKey(word: string, n: number, fromEnd: boolean): number {
  let key = n;
  for (let k = 0; k < n; k++) key = (key * 131 + word.charCodeAt(fromEnd ? word.length - n + k : k)) & 0x3fffffff;
  return key;
}

/** The same hash for the one or two letters at `at`, for `*word*` buckets. */
function keyAt(word: string, at: number, n: number): number {
  let key = n;
  for (let k = 0; k < n; k++) key = (key * 131 + word.charCodeAt(at + k)) & 0x3fffffff;
  return key;
}

/** True when the token has a digit: a typo of a word has none, so such tokens skip typo lookup. */
const HAS_DIGIT = /\d/;

/** Compiles lexicons into one matcher. Cheap enough to call in tests; production uses `compiledFor`. */
export function compileLexicons(lexicons: readonly Lexicon[]): CompiledLexicons {
  const elements: Element[] = [];
  /** Element ids by kind (exact, prefix, suffix, infix) and folded text. */
  const elementIds = [EXACT, PREFIX, SUFFIX, INFIX].map(() => new Map<string, number>());
  const exact = new Map<string, number>();
  const prefixes: Buckets = new Map();
  const suffixes: Buckets = new Map();
  /** `*word*` elements bucketed by their first two letters (or one, for one-letter words). */
  const infixes: Buckets = new Map();
  const patterns: Pattern[] = [];
  const firstOf: Pattern[][] = [];
  const fuzzyFirstOf: Pattern[][] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();

  const elementId = (kind: ElementKind, text: string): number => {
    let id = elementIds[kind]!.get(text);
    if (id !== undefined) return id;
    id = elements.length;
    elements.push({ kind, text });
    elementIds[kind]!.set(text, id);
    firstOf.push([]);
    fuzzyFirstOf.push([]);
    if (kind === EXACT) exact.set(text, id);
    else if (kind === PREFIX || kind === SUFFIX) {
      const buckets = kind === PREFIX ? prefixes : suffixes;
      const key = endKey(text, Math.min(BUCKET_LETTERS, text.length), kind === SUFFIX);
      const bucket = buckets.get(key);
      if (bucket) bucket.push([text, id]);
      else buckets.set(key, [[text, id]]);
    } else {
      const key = keyAt(text, 0, Math.min(2, text.length));
      const bucket = infixes.get(key);
      if (bucket) bucket.push([text, id]);
      else infixes.set(key, [[text, id]]);
    }
    return id;
  };

  const add = (lang: Lang, field: Field, kind: DangerKind | null, term: string): void => {
    const where = (): string => `${lang}.${field}${kind ? '.' + kind : ''}: "${term}"`;
    const parsed = parseEntry(term);
    if (typeof parsed === 'string') {
      warnings.push(`${where()} skipped: ${parsed}`);
      return;
    }
    const group = kind ? `${field}.${kind}` : field;
    const words: number[] = [];
    const gapBefore: boolean[] = [];
    let key = lang + ' ' + group;
    for (const w of parsed) {
      const id = elementId(w.kind, w.text);
      words.push(id);
      gapBefore.push(w.gapBefore);
      key += (w.gapBefore ? ' .' : ' ') + id;
    }
    if (seen.has(key)) {
      warnings.push(`${where()} duplicates an earlier entry after folding`);
      return;
    }
    seen.add(key);
    const only = parsed[0]!;
    const fuzzy =
      parsed.length === 1 && only.kind !== INFIX && only.text.length >= FUZZY_MIN_LETTERS && !NO_FUZZY.has(field);
    const slack = PHRASE_SLACK.has(field) ? 1 : 0;
    const pattern: Pattern = { lang, field, kind, group, term, words, gapBefore, fuzzy, slack };
    patterns.push(pattern);
    firstOf[pattern.words[0]!]!.push(pattern);
    if (fuzzy) fuzzyFirstOf[pattern.words[0]!]!.push(pattern);
  };

  for (const lexicon of lexicons) {
    for (const kind of DANGER_KINDS) {
      for (const term of lexicon.danger[kind] ?? []) add(lexicon.lang, 'danger', kind, term);
      for (const term of lexicon.dangerUncertain[kind] ?? []) add(lexicon.lang, 'dangerUncertain', kind, term);
      for (const term of lexicon.signs?.[kind] ?? []) add(lexicon.lang, 'signs', kind, term);
    }
    for (const field of LIST_FIELDS) for (const term of lexicon[field] ?? []) add(lexicon.lang, field, null, term);
  }

  const typos = createTypoIndex();
  elements.forEach((element, id) => {
    if (fuzzyFirstOf[id]!.length === 0) return;
    const shape: TypoShape = element.kind === PREFIX ? 'prefix' : element.kind === SUFFIX ? 'suffix' : 'word';
    typos.add(id, shape, element.text);
  });
  const cache = new Map<string, TokenInfo>();

  /** Pushes the ids of the `word*` (or `*word`) elements that the token starts (or ends) with. */
  const wildcard = (t: string, buckets: Buckets, fromEnd: boolean, ids: number[]): void => {
    if (buckets.size === 0) return;
    for (let n = 1; n <= BUCKET_LETTERS && n <= t.length; n++) {
      const bucket = buckets.get(endKey(t, n, fromEnd));
      if (!bucket) continue;
      for (const [text, id] of bucket) {
        if ((fromEnd ? t.endsWith(text) : t.startsWith(text)) && !ids.includes(id)) ids.push(id);
      }
    }
  };

  /** Letters that some `*word*` element starts with: other positions need no lookup. */
  const infixStart = new Uint8Array(0x10000);
  for (const bucket of infixes.values()) for (const [text] of bucket) infixStart[text.charCodeAt(0)] = 1;

  /** Pushes the ids of the `*word*` elements found anywhere in the token (each once). */
  const infix = (t: string, ids: number[]): void => {
    for (let i = 0; i < t.length; i++) {
      if (!infixStart[t.charCodeAt(i)]) continue;
      scan(infixes.get(keyAt(t, i, 1)), t, i, ids);
      if (i + 1 < t.length) scan(infixes.get(keyAt(t, i, 2)), t, i, ids);
    }
  };
  const scan = (bucket: Array<[string, number]> | undefined, t: string, at: number, ids: number[]): void => {
    if (bucket) for (const [text, id] of bucket) if (t.startsWith(text, at) && !ids.includes(id)) ids.push(id);
  };

  const tokenInfo = (t: string): TokenInfo => {
    const cached = cache.get(t);
    if (cached) return cached;
    const ids: number[] = [];
    const e = exact.get(t);
    if (e !== undefined) ids.push(e);
    wildcard(t, prefixes, false, ids);
    wildcard(t, suffixes, true, ids);
    if (infixes.size > 0) infix(t, ids);
    const fuzzyIds: number[] = [];
    // A word that matches some entry as it is, is that word, not a typo of another.
    if (ids.length === 0 && t.length >= FUZZY_MIN_LETTERS - 1 && !HAS_DIGIT.test(t)) typos.lookup(t, fuzzyIds);
    const info = { ids, fuzzyIds };
    if (cache.size >= TOKEN_CACHE_LIMIT) cache.clear();
    cache.set(t, info);
    return info;
  };

  /**
   * End (exclusive) of the shortest match of `p` whose word `j` stands at `pos`, or -1. Positions skipped
   * through the entry's slack (not through `..`) are pushed to `skipped`.
   */
  const extend = (
    p: Pattern,
    j: number,
    pos: number,
    infos: TokenInfo[],
    skipped: number[],
    gaps: number[],
    breaks?: Uint8Array,
  ): number => {
    if (j === p.words.length - 1) return pos + 1;
    const next = p.words[j + 1]!;
    const gap = p.gapBefore[j + 1];
    const last = Math.min(infos.length - 1, gap ? pos + 4 : pos + 1 + p.slack);
    for (let q = pos + 1; q <= last; q++) {
      if (breaks?.[q]) return -1;
      if (!infos[q]!.ids.includes(next)) continue;
      const before = skipped.length;
      const beforeGaps = gaps.length;
      for (let k = pos + 1; k < q; k++) (gap ? gaps : skipped).push(k);
      const end = extend(p, j + 1, q, infos, skipped, gaps, breaks);
      if (end >= 0) return end;
      skipped.length = before;
      gaps.length = beforeGaps;
    }
    return -1;
  };

  const match = (tokens: readonly string[], breaks?: Uint8Array): Hit[] => {
    const infos = tokens.map(tokenInfo);
    const hits: Hit[] = [];
    const skipped: number[] = [];
    const gaps: number[] = [];
    let slackHits = false;
    for (let i = 0; i < infos.length; i++) {
      const info = infos[i]!;
      for (const id of info.ids) {
        for (const p of firstOf[id]!) {
          skipped.length = 0;
          gaps.length = 0;
          const end = extend(p, 0, i, infos, skipped, gaps, breaks);
          if (end < 0) continue;
          if (skipped.length) slackHits = true;
          const hit: Hit = { pattern: p, start: i, end, fuzzy: false };
          if (skipped.length) hit.skippedAt = [...skipped];
          if (gaps.length) hit.gapAt = [...gaps];
          hits.push(hit);
        }
      }
      for (const id of info.fuzzyIds) {
        for (const p of fuzzyFirstOf[id]!) hits.push({ pattern: p, start: i, end: i + 1, fuzzy: true });
      }
    }
    if (!slackHits) return hits;
    // A phrase's slack never skips a cue (negation, time, drill): the cue keeps its own effect ("slår inte
    // ihjäl" is not `slår ihjäl`; "luktar fortfarande rök" keeps its "fortfarande").
    const cue = new Uint8Array(tokens.length);
    for (const h of hits) if (CUES.has(h.pattern.field)) for (let k = h.start; k < h.end; k++) cue[k] = 1;
    return hits.filter((h) => !h.skippedAt?.some((k) => cue[k]));
  };

  return { patterns, warnings, match };
}

const compiledCache = new WeakMap<readonly Lexicon[], CompiledLexicons>();

/** The compiled form of a set of lexicons, compiled on first use and kept for the life of the process. */
export function compiledFor(lexicons: readonly Lexicon[]): CompiledLexicons {
  let compiled = compiledCache.get(lexicons);
  if (!compiled) {
    compiled = compileLexicons(lexicons);
    compiledCache.set(lexicons, compiled);
  }
  return compiled;
}
