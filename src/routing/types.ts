/**
 * The vocabulary of the routing core. Pure data types: no botbuilder, no HTTP, no clock.
 * Route ids are a public contract (CLI output, configuration keys, analytics): never rename them.
 */

/** Where a contact is sent. */
export const ROUTES = ['emergency', 'trygghetsjour', 'fastighetsjour', 'stadsmission', 'police', 'office'] as const;
export type RouteId = (typeof ROUTES)[number];

/** Languages the triage knows. Swedish first; English and Arabic essential; the rest common in Malmö. */
export const LANGUAGES = ['sv', 'en', 'ar', 'fa', 'so', 'pl', 'bs', 'tr'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** What a message is about, in the order of precedence triage applies. */
export const CATEGORIES = [
  'acute_danger',
  'disturbance',
  'urgent_fault',
  'minor_fault',
  'support',
  'crime_over',
  'information',
  'unknown',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The kinds of acute danger that always go to 112. */
export const DANGER_KINDS = [
  'fire',
  'explosion',
  'weapon',
  'violence',
  'break_in',
  'medical',
  'gas',
  'suicide',
  'missing',
  'trapped',
] as const;
export type DangerKind = (typeof DANGER_KINDS)[number];

/** One lexicon hit that influenced the triage. */
export interface TriageMatch {
  /** Lexicon group that matched, e.g. `danger.fire`, `disturbance`, `negation`, `past`. */
  group: string;
  /** The lexicon entry as written in the lexicon file. */
  term: string;
  /** The language of the lexicon that matched. */
  lang: Lang;
  /** True when matched through typo tolerance rather than exactly. */
  fuzzy?: boolean;
}

/** The result of classifying one message. Deterministic for a given text. */
export interface Triage {
  /** Detected language of the message (best guess; `sv` when nothing points elsewhere). */
  language: Lang;
  category: Category;
  /** Set when category is `acute_danger`. */
  danger: DangerKind | null;
  /**
   * True when danger is possible but not certain (a fuzzy hit, an ambiguous phrase such as a smoke alarm
   * going off): the contact is still treated as danger and the tenant is asked to confirm.
   */
  uncertain: boolean;
  /** Violence in a close relationship was mentioned (advice: Kvinnofridslinjen). */
  domestic: boolean;
  /** The tenant is locked out (advice: locksmith is usually at the tenant's cost out of hours). */
  lockedOut: boolean;
  /** Matches that decided the category, for the decision's reason. */
  matches: TriageMatch[];
  /** Danger words that were found but cancelled by negation, a past-time cue, a drill or a news story. */
  discounted: TriageMatch[];
  /**
   * Which layer decided: the lexicons, the learned classifier, or the safety net (signs of distress in a
   * message the other layers could not place, or nothing placed at all). Absent on triages built by hand.
   */
  layer?: TriageLayer;
  /** Signs of harm or distress that were seen (phrases, `!!!`, capitals, emoji), whether or not they decided. */
  signs?: string[];
  /** What the classifier made of the message, when it ran. */
  classifier?: { acute: number; kind: DangerKind; category: Category; p: number };
}

/** The three layers of triage. */
export const TRIAGE_LAYERS = ['lexicon', 'classifier', 'safety-net'] as const;
export type TriageLayer = (typeof TRIAGE_LAYERS)[number];
