/**
 * Somali acute situations told without the usual danger words, from the taxonomy (README, "Triage"): a
 * wish to end it all, someone at the lock or inside the home, a confused old person gone out into the cold,
 * a child alone in a lift or on a balcony, a bang that leaves the ears ringing, fireworks fired at windows,
 * a seizure, someone hiding from violence at home. Merged into the lexicon by `so.ts`.
 */
import type { Lexicon } from '../lexicon.ts';

/** A child or a helpless person, as the phrases below name them. */
const CHILD = ['ilmo*', 'canug*', 'wiil*', 'gabadh*', 'gabar*', 'carruur*', 'cunug*'];

export const soSituations: Required<Pick<Lexicon, 'danger' | 'dangerUncertain' | 'signs'>> = {
  danger: {
    suicide: [
      // "end everything", "end my life"
      'wax walba .. afjar*',
      'noloshayda .. afjar*',
      'nolosha .. afjar*',
      'naftayda .. afjar*',
      'isku afjar*',
    ],
    break_in: [
      // someone at the lock, putting something in and turning it
      // someone else: "gelinayaa" (I am putting in) folds to the same word, as a tenant locked out says it
      'qof* .. qufl* .. gelinaya',
      'qof* .. quful* .. gelinaya',
      'qof* .. qufl* .. wareejinaya',
      'qof* .. quful* .. wareejinaya',
      // a stranger inside my home
      'qof* .. gurigayga ku jir*',
      'nin* .. gurigayga ku jir*',
      'qof aan aqoon .. gurigayga',
      'qof aan aqoon .. qolka',
      // forcing the storage doors one by one, a torch in the dark
      'xoog ku fur*',
      'bakhaar* .. xoog*',
      'tooj* .. qolka hoose',
      'tooj* .. gudaha',
      'gudaha .. tooj*',
    ],
    weapon: [
      // fireworks and rockets fired at windows
      'fayarwoork* .. daaqad*',
      'fayarwoork* .. balakoon*',
      'raakidh* .. daaqad*',
      'raakid* .. daaqad*',
      'ugu gan* .. daaqad*',
      'ganay* .. daaqad*',
    ],
    violence: [
      // "you will kill me", someone hitting someone
      'waad i dilaysaa',
      'waad i dileysaa',
      'qof ayaa qof garaacaya',
      'kursi* .. tuuray*',
      'kursi* .. ku tuur*',
    ],
    medical: [
      // a child swallowed a battery or a magnet
      'baytari* .. liq*',
      'liq* .. baytari*',
      'magnet* .. liq*',
    ],
  },
  dangerUncertain: {
    suicide: [
      // everyone would be better off without me; why do I live; nobody will miss me
      'iga nasan lahaa',
      'iga nasan lahaayeen',
      'maxaan u noolahay',
      'maxaan u nool ahay',
      'ima waayi doon*',
      'qofna ima waayi*',
      'waxyaab* .. bixiyay',
    ],
    missing: [
      // gone out in slippers, with dementia; did not come back from school; help to search
      'dacas* .. baxay',
      'hilmaan* .. baxay',
      'kama soo laaban*',
      'kama soo noqon',
      'ka caawin* raadin*',
    ],
    trapped: [
      // a child alone in the lift, on the balcony; someone alone and locked in
      // not just a child and a lift or a balcony: children playing there are no danger
      ...CHILD.flatMap((c) => [`${c} .. keligiis .. wiish*`, `${c} .. keligeed .. wiish*`]),
      'wiish* .. ooy*',
      'wiish* .. cabsi*',
      'balakoon* .. keligiis',
      'balakoon* .. keligeed',
      'balakoon* .. ku hadhay',
      'gudaha keligeed',
      'gudaha keligiis',
      'balakoon* .. ku xirmay',
      'baalkoon* .. ku xirmay',
    ],
    // "these are not fireworks": shots, perhaps
    weapon: ['fayarwoork* maaha', 'fayarwoork* ma aha', 'maaha fayarwoork*', 'ma aha fayarwoork*'],
    explosion: [
      // a bang that leaves the ears ringing
      'dhegahayg* .. shanqar*',
      'dhegaha .. shanqar*',
      'dhegahaygu way shanqar*',
    ],
    fire: [
      // a door or a handle too hot to touch
      'albaab* .. kulul',
      'gacan qabsi* .. kulul',
    ],
  },
  signs: {
    // a roof; not a balcony or looking down, said of smoking or watching the street
    suicide: ['saqaf* .. taagan*'],
    // "(he) is not inside", of a person whose door stands open
    missing: ['gudaha ma joogo'],
    violence: ['waan dhuumanayaa', 'ku dhuumanayaa', 'ku dhuuntay'],
  },
};
