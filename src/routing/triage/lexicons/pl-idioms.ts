/**
 * Polish uses of danger words that are no danger now: figures of speech ("pali mi się grunt pod nogami",
 * the ground burns under my feet: in a hurry), toys, games and films, a threat that is only a way of
 * speaking ("szef mnie zabije, jak się spóźnię"), "it was only ..." after a bang, and questions about what
 * was done after an event that is over. Merged into the lexicon by `pl.ts`.
 *
 * - `notReal` entries that contain a danger word explain it away; the others discount the danger they are
 *   said of (see `Lexicon.notReal`).
 * - `calm` phrases hold "teraz" but say nothing is going on: "teraz boję się iść do łazienki" after a horror
 *   film is a feeling, not an event.
 * - The topic entries contain the danger word they explain.
 */
import type { Lexicon } from '../lexicon.ts';

type Idioms = Required<Pick<Lexicon, 'notReal' | 'calm' | 'information' | 'support' | 'urgentFault' | 'disturbance'>>;

/** Toy guns: plastic, water, toy. */
const TOY_GUNS = ['plastikow*', 'zabawkow*', 'dziecięc*'].flatMap((m) => [
  `${m} pistolet*`,
  `${m} broń`,
  `${m} karabin*`,
]);

export const plIdioms: Idioms = {
  notReal: [
    ...TOY_GUNS,
    'pistolecik*',
    'pistolet* wodn*',
    // the toy gun and the "shooting" it does, across the "i" between them
    ...['plastikow* pistolet*', 'zabawkow* pistolet*', 'pistolet* na wodę', 'pistolecik*'].map(
      (g) => `${g} .. strzela*`,
    ),
    'horror*',
    'to tylko gra',
    'to tylko film',
    'to tylko zabawa',
    'to tylko żart',
    'tylko gra',
    // "it was only the neighbour": a bang explained. Not a bare "to tylko": "czuję gaz, mam nadzieję że to
    // tylko kuchenka" is a hope, not an explanation.
    'to był tylko',
    'to była tylko',
    'to było tylko',
    'to były tylko',
    // "the boss will kill me if I am late": a way of speaking
    'szef* mnie zabij*',
    'szefowa mnie zabij*',
    'jak się spóźnię',
    'jeśli się spóźnię',
    'jeżeli się spóźnię',
    'jak zaspię',
    // in a hurry, heat "killing" me
    'grunt pod nogami',
    'grunt się pali',
    'grunt mi się pali',
    'upał* .. zabij*',
    'upał* .. zabi*',
    'gorąc* .. zabij*',
  ],
  calm: [
    // the fear that stays after a film or a game: a feeling now, not an event going on
    'teraz boję się',
    'teraz się boję',
    'teraz .. boję się',
    'teraz mam stracha',
    // an alarm or a noise that has stopped
    'teraz ucichł*',
    'teraz przestał*',
    'już przestał*',
    // "now it is calm / fine" in more words
    'teraz spokojnie',
    'teraz już spokojnie',
    'teraz wszystko ok',
    'teraz wszystko w porządku',
    'teraz jest ok',
    'teraz jest dobrze',
    'teraz już jest spokój',
    'teraz już po wszystkim',
  ],
  information: [
    // doors forced by the police, asked about afterwards
    'wyważon* przez policj*',
    'wyłaman* przez policj*',
    'policj* .. wyważył*',
    'policj* .. wyłamał*',
  ],
  support: [
    // a confused neighbour asks after a wife long dead
    'nie żyje od lat',
    'nie żyje od dawna',
    'nie żyje od .. lat',
    'nie żyją od lat',
  ],
  // a lift alarm nobody answers: not "i nie odpowiada" of a person
  urgentFault: ['alarm* i nikt nie odpowiada', 'alarm* .. nikt nie odpowiada', 'przycisk* .. nikt nie odpowiada'],
  // drilling in the night
  disturbance: ['wierci*', 'wiertark*', 'kuje ścian*', 'kują ścian*'],
};
