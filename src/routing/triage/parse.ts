/**
 * Parses one lexicon entry (the syntax documented in `lexicon.ts`) into folded words, each exact or with a
 * `*` at its start, end or both, and whether `..` (up to three other words) stands before it.
 */
import { tokens } from './normalize.ts';

/** Word kinds: whole word, `word*`, `*word`, `*word*`. */
export const EXACT = 0;
export const PREFIX = 1;
export const SUFFIX = 2;
export const INFIX = 3;
export type ElementKind = typeof EXACT | typeof PREFIX | typeof SUFFIX | typeof INFIX;

/** One word of a parsed entry. */
export interface ParsedWord {
  kind: ElementKind;
  text: string;
  gapBefore: boolean;
}

/** Punctuation an entry must not contain: ASCII other than letters, digits, ' * and -, and common non-ASCII marks. */
const FORBIDDEN =
  /[\u0000-\u0026\u0028-\u0029\u002b-\u002c\u002e-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f،؛؟«»“”„…–—]/;

/** Parses one entry into folded words; returns a reason string when the entry cannot be used. */
export function parseEntry(term: string): ParsedWord[] | string {
  const words: ParsedWord[] = [];
  let gap = false;
  for (const part of term.split(' ')) {
    if (part === '') continue;
    if (part === '..') {
      if (words.length === 0 || gap) return '`..` must stand between two words';
      gap = true;
      continue;
    }
    if (FORBIDDEN.test(part)) return `punctuation in "${part}"`;
    const lead = part.startsWith('*');
    const trail = part.length > 1 && part.endsWith('*');
    const core = part.slice(lead ? 1 : 0, trail ? -1 : undefined);
    if (core.includes('*')) return `"*" inside "${part}" (only at the start or end of a word)`;
    const folded = tokens(core);
    if (folded.length === 0) return `"${part}" has no letters`;
    folded.forEach((text, k) => {
      const pre = lead && k === 0;
      const post = trail && k === folded.length - 1;
      const kind: ElementKind = pre && post ? INFIX : pre ? SUFFIX : post ? PREFIX : EXACT;
      words.push({ kind, text, gapBefore: k === 0 && gap });
    });
    gap = false;
  }
  if (gap) return '`..` must stand between two words';
  if (words.length === 0) return 'empty entry';
  return words;
}
