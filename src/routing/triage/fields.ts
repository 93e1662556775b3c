/**
 * The lexicon's fields (`lexicon.ts`) by what they do, in one place for the compiler, the resolver and the
 * lexicon helpers.
 */

/** The fields a pattern can come from. */
export type Field =
  | 'markers'
  | 'danger'
  | 'dangerUncertain'
  | 'signs'
  | 'help'
  | 'disturbance'
  | 'urgentFault'
  | 'minorFault'
  | 'support'
  | 'crimeOver'
  | 'information'
  | 'domestic'
  | 'lockedOut'
  | 'negation'
  | 'negationAfter'
  | 'past'
  | 'recentPast'
  | 'notReal'
  | 'ongoing'
  | 'calm'
  | 'clauseBreaks';

/** Fields with one list of strings (`danger`, `dangerUncertain` and `signs` are maps by kind). */
export const LIST_FIELDS = [
  'markers',
  'help',
  'disturbance',
  'urgentFault',
  'minorFault',
  'support',
  'crimeOver',
  'information',
  'domestic',
  'lockedOut',
  'negation',
  'negationAfter',
  'past',
  'recentPast',
  'notReal',
  'ongoing',
  'calm',
  'clauseBreaks',
] as const satisfies readonly Field[];

/** Fields whose hits qualify danger: negation, time and not-real cues. A phrase's slack never skips one. */
export const CUES: ReadonlySet<Field> = new Set([
  'negation',
  'negationAfter',
  'past',
  'recentPast',
  'notReal',
  'ongoing',
  'calm',
]);

/** Fields whose hits say what a message is about (they compete: a longer hit explains a shorter one). */
export const CONTENT: ReadonlySet<Field> = new Set([
  'danger',
  'dangerUncertain',
  'disturbance',
  'urgentFault',
  'minorFault',
  'support',
  'crimeOver',
  'information',
  'signs',
  'help',
]);

/**
 * Fields that never get typo tolerance: a guessed cue must never lower danger. `ongoing` keeps it: a guessed
 * "still" only keeps danger from being discounted.
 */
export const NO_FUZZY: ReadonlySet<Field> = new Set([
  ...[...CUES].filter((f) => f !== 'ongoing'),
  'markers',
  'help',
  'clauseBreaks',
]);

/**
 * Fields whose phrases allow one inserted word between their words: what a message is about. Not `signs`:
 * they count on their own in the safety net, so they match as written ("ligger i trapphuset" is a person,
 * "ligger sopor i trapphuset" is not).
 */
export const PHRASE_SLACK: ReadonlySet<Field> = new Set([
  ...[...CONTENT].filter((f) => f !== 'signs' && f !== 'help'),
  'lockedOut',
]);
