/**
 * Helpers for writing lexicons as data: word families that combine into phrases, and lexicon parts that
 * join into one lexicon. A phrase family ("my son" × "has not come back") stays readable as two short lists
 * instead of a hundred spelled-out entries.
 */
import type { DangerKind } from '../../types.ts';
import type { Lexicon } from '../lexicon.ts';
import { LIST_FIELDS } from '../fields.ts';
import { parseEntry } from '../parse.ts';

/**
 * Every `a .. b` phrase: a word of `first`, up to three other words, then a word of `second` (see the `..`
 * syntax in `lexicon.ts`). Either side may itself be a phrase.
 */
export function pairs(first: readonly string[], second: readonly string[]): string[] {
  return first.flatMap((a) => second.map((b) => `${a} .. ${b}`));
}

/** Every `a b` phrase: a word of `first` directly followed by a word of `second`. */
export function joined(first: readonly string[], second: readonly string[]): string[] {
  return first.flatMap((a) => second.map((b) => `${a} ${b}`));
}

/** A part of one language's lexicon (its script, its romanised form, its danger words…). */
export type LexiconPart = Partial<Omit<Lexicon, 'lang'>>;

type KindLists = Partial<Record<DangerKind, string[]>>;

/**
 * The entries of `list` without those that fold to an earlier one: spellings that differ only in what
 * folding removes (`7ari2` and `hari2`, `shofaj` and `shofaaj`) meet in one entry, so a family of phrases
 * may list both without the compiler warning about duplicates.
 */
function distinct(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((entry) => {
    const parsed = parseEntry(entry);
    const key =
      typeof parsed === 'string' ? entry : parsed.map((w) => `${w.gapBefore ? '.' : ''}${w.kind}${w.text}`).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function joinKinds(maps: ReadonlyArray<KindLists | undefined>): KindLists {
  const out: KindLists = {};
  for (const map of maps) {
    for (const [kind, list] of Object.entries(map ?? {}) as Array<[DangerKind, string[]]>) {
      out[kind] = [...(out[kind] ?? []), ...list];
    }
  }
  for (const kind of Object.keys(out) as DangerKind[]) out[kind] = distinct(out[kind]!);
  return out;
}

/** Joins parts into one lexicon: lists are concatenated in the order of the parts, spelling duplicates dropped. */
export function joinParts(lang: Lexicon['lang'], ...parts: LexiconPart[]): Lexicon {
  const lexicon: Lexicon = {
    lang,
    markers: [],
    danger: joinKinds(parts.map((p) => p.danger)),
    dangerUncertain: joinKinds(parts.map((p) => p.dangerUncertain)),
    signs: joinKinds(parts.map((p) => p.signs)),
    disturbance: [],
    urgentFault: [],
    minorFault: [],
    support: [],
    crimeOver: [],
    information: [],
    domestic: [],
    lockedOut: [],
    negation: [],
    past: [],
    notReal: [],
    ongoing: [],
  };
  for (const key of LIST_FIELDS) {
    const lists = parts.map((p) => p[key]).filter((l): l is string[] => Array.isArray(l));
    if (lists.length > 0) lexicon[key] = distinct(lists.flat());
  }
  return lexicon;
}

/** Fields whose entries are words to find, not clause words. */
const GLUE_FIELDS = [
  ...LIST_FIELDS.filter((k) => k !== 'clauseBreaks' && k !== 'markers'),
  'danger',
  'dangerUncertain',
  'signs',
] as const;

/** An entry whose first word is an exact Arabic word (no leading wildcard). */
const GLUABLE = /^[\u0621-\u064A]/u;

/**
 * Arabic glues و ("and") to the next word: "وما رجع", "وما فيها تقوم". Entries whose first word is an exact
 * Arabic word get a second form with و in front, so they also match after "and". Entries that start with a
 * wildcard (`*دخان*`) or with و already are left as they are.
 */
export function withGluedAnd(part: LexiconPart): LexiconPart {
  const glue = (list: readonly string[]): string[] =>
    list.flatMap((entry) => (GLUABLE.test(entry) && !entry.startsWith('و') ? [entry, `و${entry}`] : [entry]));
  const out: LexiconPart = { ...part };
  for (const key of GLUE_FIELDS) {
    const value = part[key];
    if (Array.isArray(value)) (out as Record<string, unknown>)[key] = glue(value);
    else if (value) {
      const kinds: KindLists = {};
      for (const [kind, list] of Object.entries(value) as Array<[DangerKind, string[]]>) kinds[kind] = glue(list);
      (out as Record<string, unknown>)[key] = kinds;
    }
  }
  return out;
}
