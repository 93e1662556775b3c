import type { Lexicon } from '../lexicon.ts';

/** Placeholder: to be filled in. */
export const lexicon: Lexicon = {
  lang: 'so',
  markers: [],
  danger: { fire: [], explosion: [], weapon: [], violence: [], break_in: [], medical: [], gas: [], suicide: [] },
  dangerUncertain: {},
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
