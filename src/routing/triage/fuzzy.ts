/**
 * Typo tolerance for lexicon words: Damerau distance 1 (one letter added, missing, changed to a
 * neighbouring key, or two neighbours swapped), found through a SymSpell-style deletion index rather than
 * by comparing a word with every entry.
 *
 * Only the first `HEAD` letters of an entry go into the index (SymSpell's "prefix length"): an edit inside
 * the head leaves a shared one-deletion key, an edit after it leaves the heads equal. The first letter is
 * never deleted, so it must be right. Candidates are then checked with an exact distance. Suffix entries
 * (`*word`) are indexed reversed, so for them the last letter must be right.
 */

/** Letters of an entry that go into the deletion index. */
const HEAD = 6;

/**
 * Which Latin letters are neighbours on a keyboard (QWERTY, as in Swedish and English layouts): a hurried
 * finger hits the key next to the right one, not one across the keyboard. A changed letter only counts as
 * a typo between neighbours; this keeps common words such as "skatten" (the tax) from reading as "skotten"
 * (the shots). Letters outside a–z (other scripts) may change into any letter.
 */
const NEIGHBOURS: ReadonlyMap<number, string> = (() => {
  const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
  const map = new Map<number, string>();
  rows.forEach((row, r) => {
    [...row].forEach((ch, c) => {
      const near = [
        row[c - 1],
        row[c + 1],
        rows[r - 1]?.[c],
        rows[r - 1]?.[c + 1],
        rows[r + 1]?.[c - 1],
        rows[r + 1]?.[c],
      ];
      map.set(ch.charCodeAt(0), near.filter((x) => x !== undefined).join(''));
    });
  });
  return map;
})();

/** True when typing `x` for `y` is a plausible slip: neighbouring keys, or a letter outside a–z. */
function slip(x: number, y: number): boolean {
  const near = NEIGHBOURS.get(x);
  if (near === undefined || !NEIGHBOURS.has(y)) return true;
  return near.includes(String.fromCharCode(y));
}

/**
 * True when `a[0, aLen)` and `b` are at most one insertion, deletion, swap of neighbours, or substitution
 * of a neighbouring key apart.
 */
export function withinOne(a: string, aLen: number, b: string): boolean {
  const bLen = b.length;
  if (aLen - bLen > 1 || bLen - aLen > 1) return false;
  let i = 0;
  while (i < aLen && i < bLen && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === aLen && i === bLen) return true;
  if (aLen === bLen) {
    if (slip(a.charCodeAt(i), b.charCodeAt(i)) && restEqual(a, i + 1, aLen, b, i + 1)) return true;
    return i + 1 < aLen && a[i] === b[i + 1] && a[i + 1] === b[i] && restEqual(a, i + 2, aLen, b, i + 2);
  }
  return aLen > bLen ? restEqual(a, i + 1, aLen, b, i) : restEqual(a, i, aLen, b, i + 1);
}

function restEqual(a: string, ai: number, aEnd: number, b: string, bi: number): boolean {
  if (aEnd - ai !== b.length - bi) return false;
  for (; ai < aEnd; ai++, bi++) if (a.charCodeAt(ai) !== b.charCodeAt(bi)) return false;
  return true;
}

/** True when some beginning of `t` (one letter shorter than `p`, as long, or one longer) is within one of `p`. */
function headWithinOne(t: string, p: string): boolean {
  const n = p.length;
  for (let m = n - 1; m <= n + 1; m++) if (m <= t.length && withinOne(t, m, p)) return true;
  return false;
}

/**
 * Hashes of the head of a word (its first `HEAD` letters, or its last ones read backwards) and of the head
 * with one letter (never the first) removed: the deletion keys, as small integers rather than substrings,
 * so a lookup allocates nothing. Collisions only add candidates, which are verified exactly.
 */
function deletionKeys(word: string, backwards: boolean, out: number[]): number[] {
  const len = Math.min(HEAD, word.length);
  out.length = 0;
  for (let skip = 0; skip < len; skip++) {
    // skip 0 stands for "nothing removed": the first letter is never removed. Equal strings must hash
    // alike whatever they came from (a 5-letter token and a 6-letter head less one letter).
    let key = 7;
    for (let k = 0; k < len; k++) {
      if (k === skip && skip !== 0) continue;
      key = (key * 131 + word.charCodeAt(backwards ? word.length - 1 - k : k)) & 0x3fffffff;
    }
    out.push(key);
  }
  return out;
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/** How an indexed word may match: the whole token, or the beginning or end of a longer token. */
export type TypoShape = 'word' | 'prefix' | 'suffix';

/** A deletion index over lexicon words. */
export interface TypoIndex {
  /** Adds a (folded) word under an id. */
  add(id: number, shape: TypoShape, word: string): void;
  /** Pushes onto `out` the ids whose word the token matches with exactly one typo (or none). */
  lookup(token: string, out: number[]): void;
}

/** Creates an empty deletion index. */
export function createTypoIndex(): TypoIndex {
  const forward = new Map<number, number[]>();
  const backward = new Map<number, number[]>();
  /** Indexed words; suffix words are stored reversed, so all checks read from the fixed end. */
  const words: string[] = [];
  const shapes: TypoShape[] = [];
  const keys: number[] = [];

  const collect = (index: Map<number, number[]>, token: string, backwards: boolean, out: number[]): void => {
    let reversed: string | undefined;
    for (const key of deletionKeys(token, backwards, keys)) {
      const candidates = index.get(key);
      if (!candidates) continue;
      for (const id of candidates) {
        if (out.includes(id)) continue;
        const word = words[id]!;
        if (shapes[id] === 'word') {
          if (withinOne(token, token.length, word)) out.push(id);
        } else {
          const t = backwards ? (reversed ??= reverse(token)) : token;
          if (headWithinOne(t, word)) out.push(id);
        }
      }
    }
  };

  return {
    add(id, shape, word) {
      const backwards = shape === 'suffix';
      words[id] = backwards ? reverse(word) : word;
      shapes[id] = shape;
      const index = backwards ? backward : forward;
      for (const key of deletionKeys(word, backwards, [])) {
        const list = index.get(key);
        if (!list) index.set(key, [id]);
        else if (!list.includes(id)) list.push(id);
      }
    },
    lookup(token, out) {
      if (forward.size > 0) collect(forward, token, false, out);
      if (backward.size > 0) collect(backward, token, true, out);
    },
  };
}
