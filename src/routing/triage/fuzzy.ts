/**
 * Typo tolerance for lexicon words: Damerau distance 1 (one letter added, missing, changed, or two
 * neighbours swapped), found through a SymSpell-style deletion index rather than by comparing a word with
 * every entry.
 *
 * Only the first `HEAD` letters of an entry go into the index (SymSpell's "prefix length"): an edit inside
 * the head leaves a shared one-deletion key, an edit after it leaves the heads equal. The first letter is
 * never deleted, so it must be right. Candidates are then checked with an exact distance. Suffix entries
 * (`*word`) are indexed reversed, so for them the last letter must be right.
 */

/** Letters of an entry that go into the deletion index. */
const HEAD = 6;

/** True when `a[0, aLen)` and `b` are at most one insertion, deletion, substitution or swap apart. */
export function withinOne(a: string, aLen: number, b: string): boolean {
  const bLen = b.length;
  if (aLen - bLen > 1 || bLen - aLen > 1) return false;
  let i = 0;
  while (i < aLen && i < bLen && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === aLen && i === bLen) return true;
  if (aLen === bLen) {
    if (restEqual(a, i + 1, aLen, b, i + 1)) return true;
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

/** The head of a word and the head with one letter (never the first) removed. */
function deletionKeys(word: string): string[] {
  const head = word.length > HEAD ? word.slice(0, HEAD) : word;
  const keys = [head];
  for (let i = 1; i < head.length; i++) keys.push(head.slice(0, i) + head.slice(i + 1));
  return keys;
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
  const forward = new Map<string, number[]>();
  const backward = new Map<string, number[]>();
  const words: string[] = [];
  const shapes: TypoShape[] = [];

  const collect = (index: Map<string, number[]>, word: string, out: number[]): void => {
    for (const key of deletionKeys(word)) {
      const candidates = index.get(key);
      if (!candidates) continue;
      for (const id of candidates) {
        if (out.includes(id)) continue;
        const ok = shapes[id] === 'word' ? withinOne(word, word.length, words[id]!) : headWithinOne(word, words[id]!);
        if (ok) out.push(id);
      }
    }
  };

  return {
    add(id, shape, word) {
      const text = shape === 'suffix' ? reverse(word) : word;
      words[id] = text;
      shapes[id] = shape;
      const index = shape === 'suffix' ? backward : forward;
      for (const key of deletionKeys(text)) {
        const list = index.get(key);
        if (!list) index.set(key, [id]);
        else if (!list.includes(id)) list.push(id);
      }
    },
    lookup(token, out) {
      if (forward.size > 0) collect(forward, token, out);
      if (backward.size > 0) collect(backward, reverse(token), out);
    },
  };
}
