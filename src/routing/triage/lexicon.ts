import type { DangerKind, Lang } from '../types.ts';

/**
 * A lexicon is plain data: the words and phrases, in one language, that triage looks for.
 *
 * Pattern syntax (one string per entry; matching is case-insensitive and on whole words):
 * - Write words with their normal spelling (å, ä, ö, Arabic letters with or without diacritics). The
 *   compiler folds text and patterns alike (see `normalize.ts`: case, å/ä/ö → a/a/o, Arabic
 *   alef/yeh/teh-marbuta variants, diacritics, tatweel, runs of a repeated letter), so `brinner` also matches
 *   `BRINNNER` and `brinnr` is caught by typo tolerance, and `röker` matches `roker`.
 * - An apostrophe is dropped, in text and patterns alike: `isn't`, `isn’t` and `isnt` are one word, `isnt`.
 *   A hyphen separates words, in text and patterns alike: `gas-läcka` is the two words `gas läcka`.
 * - `*` at the start or end of a word matches any further letters there, or none: `brand*` matches `brand`
 *   and `branden`, `*brand` matches `källarbrand`, `*brand*` matches `källarbranden`. Use it for inflections
 *   and compounds; keep stems long enough to be safe (all lexicons are matched against every message).
 * - A space separates words that must follow each other: `slår ihjäl`.
 * - `..` between words allows up to three other words in between: `luktar .. gas*`.
 * - The words of an entry never match across punctuation (. , ; : ! ? …).
 * - Entries must not contain other punctuation.
 *
 * Overlapping hits: the longer hit explains a shorter one it contains (a non-danger hit: one it overlaps).
 * A danger word inside a longer entry
 * of another field is explained away (`fire` inside `fire extinguisher` under `information`), a certain
 * danger inside a `dangerUncertain` entry becomes uncertain, and a negation inside a danger entry (`andas
 * inte`, `not breathing`) does not negate it. So a non-danger entry must only contain a danger word when it
 * really explains it.
 *
 * Typo tolerance (one letter added, missing, changed to a neighbouring key, or two swapped) applies to
 * single-word entries whose letters, after folding and with wildcards removed, number at least six. The
 * first letter must be right (the last letter for `*suffix` entries): hurried typing rarely gets it wrong,
 * and this keeps `rinner` (runs) from being read as `brinner`. A word that matches some entry exactly
 * (a marker too) is never also read as a typo, and a typo is only read in the message's own language.
 * Typo tolerance never applies to `negation`, `negationAfter`, `past`, `recentPast`, `notReal`, `markers` or
 * `clauseBreaks`: a guess must never lower danger. Danger found only through a typo counts as uncertain.
 */
export interface Lexicon {
  lang: Lang;
  /**
   * Common words that show a message is in this language (function words, greetings). Used for language
   * detection; they never change the category. Being known words, they are never read as a typo of a
   * danger word, so a common word one letter away from one belongs here ("sprang" next to "sprängd").
   */
  markers: string[];
  /** Acute danger by kind. Any hit that is not discounted makes the message `acute_danger`. */
  danger: Partial<Record<DangerKind, string[]>>;
  /**
   * Phrases that make danger possible but not certain (a smoke alarm going off, "someone is at my door and
   * won't leave"). They give `acute_danger` with `uncertain: true` so the tenant is asked to confirm.
   */
  dangerUncertain: Partial<Record<DangerKind, string[]>>;
  /**
   * Signs of harm or distress that name no danger by themselves, by the kind they point to: a person
   * described as lying, bleeding, not answering, missing or locked in. The safety net (`safety-net.ts`)
   * reads them: in a message the other rules cannot place they make it uncertain danger (112 first, then
   * ask); elsewhere they count only when the classifier also leans towards danger. Cues discount them as
   * they discount danger ("han låg på golvet i går").
   */
  signs?: Partial<Record<DangerKind, string[]>>;
  /**
   * Cries for help ("hjälp", "help me", "snälla hjälp", "imdad"): a sign of distress, weighed like `signs`,
   * but never with a kind of its own. Not the word in other uses ("hjälp med hyran"): write phrases.
   */
  help?: string[];
  /** Ongoing disturbance: noise, parties, loitering, intoxicated people, harassment, feeling unsafe. */
  disturbance: string[];
  /** Urgent property faults: leaking or pouring water, flooding, no heat, power out, only toilet blocked… */
  urgentFault: string[];
  /**
   * Non-urgent faults (dripping tap, slow drain, a fuse the tenant can reset, a smoke alarm that wants a new
   * battery). A non-urgent hit wins over an urgent one it overlaps, unless the urgent one is longer: write
   * `kranen läcker` here and `läcker` under `urgentFault`. An urgent fault elsewhere in the message still
   * counts. A non-urgent hit also explains a `dangerUncertain` hit it overlaps, and a possible fire (an
   * alarm) within six words in the same sentence ("brandvarnaren piper, batteriet är slut").
   */
  minorFault: string[];
  /** Support needs: loneliness, a confused neighbour, help with authorities, someone to talk to. */
  support: string[];
  /** A crime that is over and nobody is in danger: a stolen bike, a storage room found broken into. */
  crimeOver: string[];
  /** Questions about MKB's preventive work, opening hours, rent, rules: answered from content, routed to office. */
  information: string[];
  /**
   * Violence in a close relationship (partner, husband, wife, ex): adds Kvinnofridslinjen to the advice.
   * These words count only next to violence, weapons, threats or a disturbance in the same message; a
   * partner or relative making a disturbance is possible violence (asked about, 112 first).
   */
  domestic: string[];
  /** Locked out of the flat. Treated as an urgent fault out of hours, with the locksmith-cost advice. */
  lockedOut: string[];
  /**
   * Negation words. A danger hit with a negation within two words before it, in the same clause, is
   * discounted ("ingen brand", "no fire", "not on fire"). A negation up to two words after the hit only makes
   * the danger uncertain: in most languages a negation after a noun belongs to the next verb ("the fire
   * won't go out", "röken försvinner inte").
   */
  negation: string[];
  /**
   * Time cues that put an event in the past ("förra veckan", "i går", "last week"). A danger hit in the same
   * sentence as such a cue, with no cue of something ongoing in the message, is discounted. Past
   * violence, weapons, break-ins and explosions become a crime that is over. Medical, gas and suicide danger
   * is only made uncertain: an injury, a gas leak or a wish to die outlasts the moment it started.
   */
  past: string[];
  /**
   * Cues that the danger is not real: a drill, a test alarm, a news story, a film or game, a what-if question.
   * They discount danger they are said of: after it in its sentence, before it in its clause, or, when the cue
   * ends in a clause word, in the clause it introduces ("vad gör jag om det börjar brinna", "what should I
   * do if there is a fire"). A negated cue ("this is not a drill") does not count; with an ongoing cue, or
   * for suicide, danger is only made uncertain.
   */
  notReal: string[];
  /** Cues that something is happening now ("just nu", "right now", "pågår"). They cancel past cues, and soften drill cues, in their own sentence. */
  ongoing: string[];
  /**
   * "It is calm now" ("nu är det lugnt", "now it's quiet"): a phrase that holds an `ongoing` word but says
   * the opposite. It only keeps that word from counting as ongoing; it discounts nothing itself, so "det
   * brinner i källaren, nu är det lugnt här" stays a fire.
   */
  calm?: string[];
  /**
   * Vague or very recent past ("nyss", "för en stund sedan", "a few minutes ago", "earlier"): the event may
   * still be going on, so danger stays but becomes uncertain. A longer `recentPast` hit wins over a `past`
   * hit inside it ("minutes ago" over "ago").
   */
  recentPast?: string[];
  /**
   * Negations that may also stand right after the verb they negate (Swedish V2: "det brinner inte", "han
   * blöder inte"): right after a danger hit they discount it. They need not be repeated under `negation`.
   */
  negationAfter?: string[];
  /**
   * Words that start a new clause (but, and, if, that, subject pronouns): a negation does not reach across
   * them, so "det brinner inte men det luktar rök" keeps the smoke, and "no idea it is burning" the fire.
   * Punctuation (. , ; : ! ? …) always ends a clause.
   */
  clauseBreaks?: string[];
}
