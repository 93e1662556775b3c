/**
 * Guesses the language of a message, for replying in the tenant's language. Works on short, hurried text:
 * script first, then tell-tale letters, then lexicon markers and lexicon hits.
 */
import type { Lang } from '../types.ts';
import { compiledFor, type Hit } from './compile.ts';
import { LEXICONS } from './lexicons/index.ts';
import { tokenize } from './normalize.ts';

/** Latin-script languages, in tie-break order (Swedish first: it is the default). */
const LATIN: readonly Lang[] = ['sv', 'en', 'so', 'pl', 'bs', 'tr'];

/** Letters that point to one language (before folding). ć is both Polish and Bosnian. */
const TELL_TALE: ReadonlyArray<readonly [Lang, string]> = [
  ['sv', 'åäöÅÄÖ'],
  ['pl', 'ąęłśżźńćóĄĘŁŚŻŹŃĆÓ'],
  ['tr', 'şğıİüçŞĞÜÇ'],
  ['bs', 'čćšžđČĆŠŽĐ'],
];
/** Points per tell-tale letter: strong evidence, while short function words are shared between languages. */
const LETTER_POINTS = 2;
/** At most this many points from tell-tale letters, so a place name (Malmö) cannot outvote the words. */
const LETTER_CAP = 6;
/** Points per marker hit (function words) and per hit in any other field. */
const MARKER_POINTS = 2;
const HIT_POINTS = 1;

const LETTER_LANG = new Map<string, Lang[]>();
for (const [lang, letters] of TELL_TALE) {
  for (const ch of letters) LETTER_LANG.set(ch, [...(LETTER_LANG.get(ch) ?? []), lang]);
}

/** Persian letters that Arabic does not use, and the Persian forms of yeh and kaf. */
const PERSIAN_STRONG = /[پچژگ]/g;
const PERSIAN_WEAK = /[یک]/g;
const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/g;
const LATIN_SCRIPT = /[A-Za-z\u00c0-\u024f]/g;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** Detects the language from the text and the lexicon hits already found in it. */
export function detectLanguageFromHits(text: string, hits: readonly Hit[]): Lang {
  const score = new Map<Lang, number>();
  const add = (lang: Lang, points: number): void => void score.set(lang, (score.get(lang) ?? 0) + points);
  for (const hit of hits) {
    const field = hit.pattern.field;
    if (field === 'clauseBreaks') continue;
    add(hit.pattern.lang, field === 'markers' ? MARKER_POINTS : HIT_POINTS);
  }
  const of = (lang: Lang): number => score.get(lang) ?? 0;

  const arabic = count(text, ARABIC_SCRIPT);
  const latin = count(text, LATIN_SCRIPT);
  if (arabic > latin) {
    if (count(text, PERSIAN_STRONG) > 0) return 'fa';
    return of('fa') + count(text, PERSIAN_WEAK) > of('ar') ? 'fa' : 'ar';
  }
  if (latin === 0) return 'sv';

  const letters = new Map<Lang, number>();
  for (const ch of text) {
    const langs = LETTER_LANG.get(ch);
    if (langs) for (const lang of langs) letters.set(lang, (letters.get(lang) ?? 0) + 1);
  }
  let best: Lang = 'sv';
  let bestScore = 0;
  for (const lang of LATIN) {
    const s = of(lang) + Math.min(LETTER_CAP, LETTER_POINTS * (letters.get(lang) ?? 0));
    if (s > bestScore) {
      best = lang;
      bestScore = s;
    }
  }
  return best;
}

/** Detects the language of a message; `sv` when nothing points elsewhere. */
export function detectLanguage(text: string): Lang {
  return detectLanguageFromHits(text, compiledFor(LEXICONS).match(tokenize(text).tokens));
}
