/**
 * Text folding shared by messages and lexicon patterns, so that both sides are compared in one form.
 *
 * What folding does, in order:
 * - NFKD (only when the text is not plain ASCII), then every combining mark is dropped: å ä ö → a a o,
 *   ş → s, č → c, Arabic tashkeel (U+064B–U+065F, U+0670) and the hamza/madda on alef, waw and yeh go too.
 * - Lowercase, locale-independent; Turkish İ, I and ı all become i.
 * - Letters with no decomposition are mapped by hand: ł → l, đ → d, ø → o, æ → a, ß → s, ı → i.
 * - Arabic: alef forms (أ إ آ ٱ) → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, tatweel dropped; Persian ی → ي and
 *   ک → ك; Arabic-Indic and Persian digits → ASCII digits.
 * - A run of the same letter becomes one letter (BRINNNER → briner, "brinner" → briner). Digits are kept.
 * - Tokens are runs of letters and digits (Unicode-aware); everything else separates them. Apostrophes
 *   (' ’ ʼ ` ´) are dropped without splitting, so "isn't" and "isnt" are the same token `isnt`. The Persian
 *   zero-width non-joiner separates, like a space, so "آتش‌سوزی" and "آتش سوزی" are the same two tokens.
 *
 * Folding is table-driven: one lookup per UTF-16 code unit after a single native `normalize` call; the
 * table fills lazily, one code unit the first time it is seen.
 * Letters outside the Basic Multilingual Plane (emoji, historic scripts) separate tokens.
 */

/** Table value: the code unit separates tokens. */
const SEP = 0;
/** Table value: the code unit is ignored (marks, tatweel, apostrophes, zero-width joiner). */
const DROP = 1;
/** Table value: the code unit separates tokens and ends a clause (, ; : and dashes). */
const BREAK = 2;
/** Table value: the code unit separates tokens and ends a sentence (. ! ? … and line breaks). */
const STOP = 3;

/** Hand mappings applied after lowercasing: letters NFKD leaves alone, Arabic and Persian variants. */
const SPECIAL: ReadonlyArray<readonly [string, string]> = [
  ['ı', 'i'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ø', 'o'],
  ['æ', 'a'],
  ['ß', 's'],
  ['ð', 'd'],
  ['ħ', 'h'],
  ['ŧ', 't'],
  // Arabic alef forms (the hamza/madda forms also decompose under NFKD; mapped here for safety).
  ['أ', 'ا'],
  ['إ', 'ا'],
  ['آ', 'ا'],
  ['ٱ', 'ا'],
  ['ٲ', 'ا'],
  ['ٳ', 'ا'],
  ['ٵ', 'ا'],
  ['ى', 'ي'],
  ['ئ', 'ي'],
  ['ی', 'ي'],
  ['ې', 'ي'],
  ['ؤ', 'و'],
  ['ة', 'ه'],
  ['ە', 'ه'],
  ['ۀ', 'ه'],
  ['ۃ', 'ه'],
  ['ھ', 'ه'],
  ['ک', 'ك'],
  ['ڪ', 'ك'],
];

/** Punctuation that ends a clause: a negation does not reach across it. */
const CLAUSE_PUNCTUATION = ',;:()[]{}\t–—،؛|•';
/** Punctuation that ends a sentence. */
const SENTENCE_PUNCTUATION = '.!?…\n\r¡¿؟۔';

/** Apostrophes of every keyboard: dropped so that "don't" = "dont" and Somali "la'aan" stays one word. */
const APOSTROPHES = "'’‘ʼʻ`´";

/** Words after which an English 's is kept (it is "is" or "has" of a pronoun, and lexicons write `its`). */
const KEEP_S: ReadonlySet<string> = new Set([
  'it',
  'that',
  'there',
  'what',
  'he',
  'she',
  'who',
  'here',
  'let',
  'where',
  'how',
  'this',
  'everyone',
  'someone',
  'somebody',
  'nobody',
  'noone',
  'everything',
  'something',
  'nothing',
  'one',
]);

const isApostrophe = (c: number): boolean => APOSTROPHES.includes(String.fromCharCode(c));
const isS = (s: string, i: number): boolean => s[i] === 's' || s[i] === 'S';
/** True when position `i` is past the end of `s`, or holds no letter or digit. */
const endsWord = (s: string, i: number): boolean => i >= s.length || !LETTER_OR_DIGIT.test(s[i]!);

/** Table value: not computed yet (the table fills lazily, so loading the module costs nothing). */
const UNKNOWN = 0xffff;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;

/** Folds one BMP code unit the generic way: marks dropped, letters lowercased, the rest separates. */
function foldCodeUnit(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return SEP;
  const ch = String.fromCharCode(c);
  if (MARK.test(ch)) return DROP;
  if (!LETTER_OR_DIGIT.test(ch)) return SEP;
  // Lowercase after decomposition; İ lowercases to i + dot above, whose mark is dropped.
  const folded = ch.normalize('NFKD').toLowerCase().replace(MARKS, '');
  const v = folded.length > 0 ? folded.charCodeAt(0) : DROP;
  return v === UNKNOWN ? SEP : v;
}

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000).fill(UNKNOWN);
  // ASCII eagerly: the common case never takes the slow path.
  for (let c = 0; c < 0x80; c++) table[c] = foldCodeUnit(c);
  for (const [from, to] of SPECIAL) table[from.charCodeAt(0)] = to.charCodeAt(0);
  // Upper-case forms of the hand-mapped Latin letters fold the same way.
  for (const [from, to] of ['Łl', 'Đd', 'Øo', 'Æa', 'Ðd', 'Ħh', 'Ŧt', 'ẞs']) {
    table[from!.charCodeAt(0)] = to!.charCodeAt(0);
  }
  for (let d = 0; d < 10; d++) {
    table[0x0660 + d] = 0x30 + d; // Arabic-Indic digits
    table[0x06f0 + d] = 0x30 + d; // Persian (extended Arabic-Indic) digits
  }
  table[0x0640] = DROP; // tatweel
  for (let c = 0x064b; c <= 0x065f; c++) table[c] = DROP; // tashkeel
  table[0x0670] = DROP; // superscript alef
  table[0x200d] = DROP; // zero-width joiner
  table[0x00ad] = DROP; // soft hyphen
  for (const ch of APOSTROPHES) table[ch.charCodeAt(0)] = DROP;
  for (const ch of CLAUSE_PUNCTUATION) table[ch.charCodeAt(0)] = BREAK;
  for (const ch of SENTENCE_PUNCTUATION) table[ch.charCodeAt(0)] = STOP;
  return table;
}

/** Folded form of every BMP code unit: a code unit > 3, or SEP / DROP / BREAK / STOP / UNKNOWN. */
const FOLD = buildFoldTable();

/** A message cut into folded tokens. */
export interface TokenizedText {
  /** Folded tokens in text order. */
  tokens: string[];
  /**
   * Punctuation between token `i - 1` and token `i`: 0 none, 1 a clause break (, ; : dash), 2 a sentence
   * break (. ! ? line break). Index 0 and `tokens.length` are always 0. Keeps negations in their clause.
   */
  clauseBreak: Uint8Array;
}

const NON_ASCII = /[^\u0000-\u007f]/;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** Scratch space for the token being built (grown when a token is longer). */
let scratch = new Uint16Array(256);

/** The first `n` folded code units in `scratch` as a string. */
function fromScratch(n: number): string {
  return String.fromCharCode.apply(null, scratch.subarray(0, n) as unknown as number[]);
}

/** Cuts text into folded tokens and records clause-ending punctuation between them. */
export function tokenize(text: string): TokenizedText {
  const breaks: number[] = [];
  const tokens = scan(text, breaks);
  const clauseBreak = new Uint8Array(tokens.length + 1);
  for (let i = 1; i < tokens.length; i++) clauseBreak[i] = breaks[i]!;
  return { tokens, clauseBreak };
}

/**
 * Arabizi (Arabic written in Latin letters, with digits for the letters Latin lacks) folded to letters, so
 * `7ari2`, `hari2` and `hari2a` meet: 2 (hamza) is dropped, 3 (ain) → a, 5 (kha) → kh, 6 (ta) → t,
 * 7 (ha) → h, 8 (ghain) → gh, 9 (qaf) → q, then letter runs collapse again. Only in words with at least two
 * Latin letters that are not a number with an ending ("3rd", "12an", "2a", "10de").
 */
const ARABIZI_DIGITS: Readonly<Record<string, string>> = {
  '2': '',
  '3': 'a',
  '5': 'kh',
  '6': 't',
  '7': 'h',
  '8': 'gh',
  '9': 'q',
};
const HAS_ARABIZI_DIGIT = /[235-9]/;
const LATIN_LETTERS = /[a-z].*[a-z]/;
/** A number with an ending: 12an, 3rd, 2a, 5e, 1st, 4th, 10de, 6yo, 3år, 5min, 3h. */
const NUMBER_WITH_ENDING =
  /^\d+(?:st|nd|rd|th|an|or|er|te|de|yo|yr|yrs|ar|aring|arig|min|tim|kr|km|kg|[a-eh-m])?$|^\d{2,}[a-z]{1,3}$/;

function arabizi(token: string): string {
  if (!HAS_ARABIZI_DIGIT.test(token) || !LATIN_LETTERS.test(token) || NUMBER_WITH_ENDING.test(token)) return token;
  const mapped = token.replace(/[235-9]/g, (d) => ARABIZI_DIGITS[d]!);
  return mapped.replace(/([a-z])\1+/g, '$1');
}

/** The folding loop: tokens out, and the punctuation before each token into `breaks` when given. */
function scan(text: string, breaks: number[] | null): string[] {
  let s = text;
  if (NON_ASCII.test(s)) {
    // NFKD turns ´ into a space plus a combining accent; make it an apostrophe first so it is dropped.
    if (s.includes('´')) s = s.replaceAll('´', "'");
    s = s.normalize('NFKD');
  }
  const tokens: string[] = [];
  let n = 0; // letters in the current token
  let start = 0; // where it starts in `s`
  let verbatim = true; // so far the token is exactly `s.slice(start, i)` (no case change, drop or collapse)
  let last = -1;
  let pendingBreak = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let v = FOLD[c]!;
    if (v === UNKNOWN) v = FOLD[c] = foldCodeUnit(c);
    if (v > STOP) {
      if (n === 0) {
        breaks?.push(pendingBreak);
        pendingBreak = 0;
        start = i;
        verbatim = true;
      }
      // Collapse runs of the same letter (not digits: 112 stays 112).
      if (v === last && (v < DIGIT_0 || v > DIGIT_9)) {
        verbatim = false;
        continue;
      }
      if (v !== c) verbatim = false;
      if (n === scratch.length) {
        const grown = new Uint16Array(n * 2);
        grown.set(scratch);
        scratch = grown;
      }
      scratch[n++] = v;
      last = v;
    } else if (v === DROP) {
      if (n > 0) verbatim = false;
      // English 's after a noun ("power's out", "the neighbour's door") is dropped with its apostrophe,
      // so phrases match the bare noun; after a pronoun ("it's", "there's") it stays: `its`, `theres`.
      if (n > 0 && isApostrophe(c) && isS(s, i + 1) && endsWord(s, i + 2) && !KEEP_S.has(fromScratch(n))) i++;
    } else {
      if (n > 0) {
        tokens.push(arabizi(verbatim ? s.slice(start, i) : fromScratch(n)));
        n = 0;
      }
      last = -1;
      // A full stop right after a number is an ordinal ("3. kat", "5. sprat", "12. piętro"), not a sentence end.
      const ordinal = c === 0x2e && i > 0 && s.charCodeAt(i - 1) >= DIGIT_0 && s.charCodeAt(i - 1) <= DIGIT_9;
      if (v >= BREAK && tokens.length > 0 && !ordinal) pendingBreak = Math.max(pendingBreak, v - 1);
    }
  }
  if (n > 0) tokens.push(arabizi(verbatim ? s.slice(start) : fromScratch(n)));
  return tokens;
}

/** The folded tokens of a text: `tokenize(text).tokens`, without the punctuation bookkeeping. */
export function tokens(text: string): string[] {
  return scan(text, null);
}

/** The folded form of a text as one string, tokens joined by single spaces. */
export function fold(text: string): string {
  return scan(text, null).join(' ');
}
