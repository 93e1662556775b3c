/**
 * Guesses the language of a message, for replying in the tenant's language. Works on short, hurried text:
 * script first, then tell-tale letters, then lexicon markers and lexicon hits.
 */
import type { Lang } from '../types.ts';
import { compiledFor, type Hit } from './compile.ts';
import { LEXICONS } from './lexicons/index.ts';
import { tokenize } from './normalize.ts';

/**
 * Languages written in Latin letters, in tie-break order (Swedish first: it is the default). Arabic and
 * Persian are here too, last: Arabizi and Finglish are read from their lexicons' Latin entries and markers.
 */
const LATIN: readonly Lang[] = ['sv', 'en', 'so', 'pl', 'bs', 'tr', 'ar', 'fa'];

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

/** Index into `LATIN` of the languages each tell-tale letter points to, by code unit. */
const LETTER_LANG = new Map<number, number[]>();
for (const [lang, letters] of TELL_TALE) {
  for (const ch of letters) {
    const code = ch.charCodeAt(0);
    LETTER_LANG.set(code, [...(LETTER_LANG.get(code) ?? []), LATIN.indexOf(lang)]);
  }
}

/** Persian letters that Arabic does not use (پ چ ژ گ), and the Persian forms of yeh and kaf (ی ک). */
const PERSIAN_STRONG = new Set([0x067e, 0x0686, 0x0698, 0x06af]);
const PERSIAN_WEAK = new Set([0x06cc, 0x06a9]);

const isArabicScript = (c: number): boolean =>
  (c >= 0x0600 && c <= 0x06ff) ||
  (c >= 0x0750 && c <= 0x077f) ||
  (c >= 0xfb50 && c <= 0xfdff) ||
  (c >= 0xfe70 && c <= 0xfeff);
const isLatinScript = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);

/** Detects the language from the text and the lexicon hits already found in it. */
export function detectLanguageFromHits(text: string, hits: readonly Hit[]): Lang {
  const score = new Map<Lang, number>();
  for (const hit of hits) {
    const field = hit.pattern.field;
    if (field === 'clauseBreaks') continue;
    const lang = hit.pattern.lang;
    score.set(lang, (score.get(lang) ?? 0) + (field === 'markers' ? MARKER_POINTS : HIT_POINTS));
  }
  const of = (lang: Lang): number => score.get(lang) ?? 0;

  let arabic = 0;
  let latin = 0;
  let persianStrong = 0;
  let persianWeak = 0;
  const letters = new Array<number>(LATIN.length).fill(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (isLatinScript(c)) latin++;
    } else if (isArabicScript(c)) {
      arabic++;
      if (PERSIAN_STRONG.has(c)) persianStrong++;
      else if (PERSIAN_WEAK.has(c)) persianWeak++;
    } else if (isLatinScript(c)) {
      latin++;
      const langs = LETTER_LANG.get(c);
      if (langs) for (const k of langs) letters[k]!++;
    }
  }
  if (arabic > latin) {
    if (persianStrong > 0) return 'fa';
    return of('fa') + persianWeak > of('ar') ? 'fa' : 'ar';
  }
  if (latin === 0) return 'sv';

  let best: Lang = 'sv';
  let bestScore = 0;
  LATIN.forEach((lang, k) => {
    const s = of(lang) + Math.min(LETTER_CAP, LETTER_POINTS * letters[k]!);
    if (s > bestScore) {
      best = lang;
      bestScore = s;
    }
  });
  return best;
}

/** Detects the language of a message; `sv` when nothing points elsewhere. */
export function detectLanguage(text: string): Lang {
  const { tokens, clauseBreak } = tokenize(text);
  return detectLanguageFromHits(text, compiledFor(LEXICONS).match(tokens, clauseBreak));
}
