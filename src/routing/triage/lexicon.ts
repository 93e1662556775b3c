import type { DangerKind, Lang } from '../types.ts';

/**
 * A lexicon is plain data: the words and phrases, in one language, that triage looks for.
 *
 * Pattern syntax (one string per entry; matching is case-insensitive and on whole words):
 * - Write words with their normal spelling (å, ä, ö, Arabic letters with or without diacritics). The
 *   compiler folds text and patterns alike (case, å/ä/ö → a/a/o, Arabic alef/yeh/teh-marbuta variants,
 *   diacritics, tatweel, runs of a repeated letter), so `brinner` also matches `BRINNNER` and `brinnr` is
 *   caught by typo tolerance, and `röker` matches `roker`.
 * - `*` at the start or end of a word matches any further letters there: `brand*` matches `branden`,
 *   `*brand` matches `källarbrand`. Use it for inflections and compounds; keep stems long enough to be safe.
 * - A space separates words that must follow each other: `slår ihjäl`.
 * - `..` between words allows up to three other words in between: `luktar .. gas*`.
 * - Entries must not contain other punctuation.
 *
 * Typo tolerance (one letter added, missing, changed or two swapped) applies to single-word entries whose
 * letters, wildcards removed, number at least six. Danger found only through a typo counts as uncertain.
 */
export interface Lexicon {
  lang: Lang;
  /**
   * Common words that show a message is in this language (function words, greetings). Used only for
   * language detection; they never change the category.
   */
  markers: string[];
  /** Acute danger by kind. Any hit that is not discounted makes the message `acute_danger`. */
  danger: Record<DangerKind, string[]>;
  /**
   * Phrases that make danger possible but not certain (a smoke alarm going off, "someone is at my door and
   * won't leave"). They give `acute_danger` with `uncertain: true` so the tenant is asked to confirm.
   */
  dangerUncertain: Partial<Record<DangerKind, string[]>>;
  /** Ongoing disturbance: noise, parties, loitering, intoxicated people, harassment, feeling unsafe. */
  disturbance: string[];
  /** Urgent property faults: leaking or pouring water, flooding, no heat, power out, only toilet blocked… */
  urgentFault: string[];
  /**
   * Non-urgent faults (dripping tap, slow drain, a fuse the tenant can reset, a smoke alarm that wants a new
   * battery). A non-urgent hit wins over an urgent one in the same message ("dripping tap").
   */
  minorFault: string[];
  /** Support needs: loneliness, a confused neighbour, help with authorities, someone to talk to. */
  support: string[];
  /** A crime that is over and nobody is in danger: a stolen bike, a storage room found broken into. */
  crimeOver: string[];
  /** Questions about MKB's preventive work, opening hours, rent, rules: answered from content, routed to office. */
  information: string[];
  /** Violence in a close relationship (partner, husband, wife, ex): adds Kvinnofridslinjen to the advice. */
  domestic: string[];
  /** Locked out of the flat. Treated as an urgent fault out of hours, with the locksmith-cost advice. */
  lockedOut: string[];
  /** Negation words. A danger hit with a negation within two words before or after it is discounted. */
  negation: string[];
  /**
   * Time cues that put an event in the past ("förra veckan", "i går", "last week"). A danger hit in a message
   * with such a cue, and no cue of something ongoing, is discounted (a past event is not acute).
   */
  past: string[];
  /** Cues that the danger is not real: a drill, a test alarm, a news story, a film or game. Discount danger. */
  notReal: string[];
  /** Cues that something is happening now ("just nu", "right now", "pågår"). They cancel past cues. */
  ongoing: string[];
}
