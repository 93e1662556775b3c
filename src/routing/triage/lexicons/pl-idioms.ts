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

type Idioms = Required<
  Pick<
    Lexicon,
    'past' | 'notReal' | 'calm' | 'information' | 'support' | 'urgentFault' | 'disturbance' | 'minorFault' | 'crimeOver'
  >
>;

/** Toy guns: plastic, water, toy. */
const TOY_GUNS = ['plastikow*', 'zabawkow*', 'dziecięc*'].flatMap((m) => [
  `${m} pistolet*`,
  `${m} broń`,
  `${m} karabin*`,
]);

/** Days of the week, as "last Friday" takes them ("w zeszły piątek", "w zeszłą sobotę"). */
const DAYS = ['poniedział*', 'wtor*', 'środ*', 'czwart*', 'piąt*', 'sobot*', 'niedziel*'];

export const plIdioms: Idioms = {
  past: DAYS.flatMap((d) => [`zeszł* ${d}`, `ubiegł* ${d}`]),
  notReal: [
    ...TOY_GUNS,
    'pistolecik*',
    'pistolet* wodn*',
    // the toy gun and the "shooting" it does, across the "i" between them
    ...['plastikow* pistolet*', 'zabawkow* pistolet*', 'pistolet* na wodę', 'pistolecik*'].map(
      (g) => `${g} .. strzela*`,
    ),
    // not a bare "horror": "to jest horror" is a nightmare situation
    'horror o',
    'horrorze',
    'horroru',
    'oglądam horror',
    'oglądał* horror',
    'bajce',
    'bajkach',
    'to tylko gra',
    'to tylko film',
    'to tylko zabawa',
    'to tylko żart',
    // "it was only the neighbour": a bang explained. Not a bare "to tylko", "to było tylko": "mam nadzieję że
    // to tylko kuchenka" is a hope, "to było tylko kwestią czasu" no explanation.
    'to był tylko sąsiad',
    'to był tylko telewizor',
    'to była tylko petarda',
    'to były tylko petardy',
    // the boss "will kill me" (if I am late): a way of speaking. Not "if I am late" alone: said by a partner
    // it is a threat.
    'szef* mnie zabij*',
    'szefowa mnie zabij*',
    // what-if questions
    'hipotetycznie',
    'teoretycznie',
    'załóżmy',
    // "I could strangle someone" after a match: a way of speaking
    'udusiłbym kogoś',
    'udusiłabym kogoś',
    'zabiłbym kogoś',
    'zabiłabym kogoś',
    'mógłbym kogoś udusić',
    'mogłabym kogoś udusić',
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
    'teraz mam stracha',
    // "now I cannot sleep" after a film
    'teraz nie mogę spać',
    'teraz nie mogę zasnąć',
    // they have gone, the police took the tape away, a crack is left
    // not "teraz poszedł": "teraz poszedł po nóż"
    'teraz odjechali',
    'teraz już poszli',
    'teraz poszli sobie',
    'teraz .. zdjęł*',
    'teraz .. pęknięci*',
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
    'teraz jest cicho',
    'teraz jest w porządku',
    'teraz już spokój',
    'teraz już cicho',
    'teraz już jest spokój',
    'teraz już po wszystkim',
  ],
  information: [
    // doors forced by the police, asked about afterwards
    // the gas stove serviced
    'przegląd* .. gaz*',
    'serwis* .. gaz*',
    'przegląd* kuchenk*',
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
  urgentFault: [
    // a pipe that "exploded": water, not a blast
    'rur* .. wybuchł*',
    'rur* .. eksplodował*',
    'rur* .. strzelił*',
    // a lift alarm nobody answers: not "i nie odpowiada" of a person
    'alarm* .. nikt nie odpowiada',
    'przycisk* .. nikt nie odpowiada',
  ],
  minorFault: [
    // frying or cooking when the smoke alarm went off
    'smażył*',
    'przy smażeniu',
    'przy gotowaniu',
    // a bulb that burst with a bang; a door closer that slams like a shot
    'żarówk* .. huk*',
    'pękł* z hukiem',
    'żarówk* .. pękł*',
    'żarówk* .. wybuchł*',
    'lamp* .. z hukiem',
    'samozamykacz*',
    'trzaska* .. jak strzał',
    'trzaska* .. jak wystrzał',
  ],
  // a parcel gone, a mailbox broken open
  crimeOver: [
    'paczk* .. znikn*',
    'znikn* .. paczk*',
    'skrzynk* .. włama*',
    'włama* .. skrzynk*',
    'skrzynk* .. wyłama*',
  ],
  // drilling in the night; not a bare "wierci": someone drilling at a lock is a break-in (pl-danger.ts)
  disturbance: ['wiertark*', 'wierceni*', 'wierci* .. ścian*', 'wierci* .. w nocy', 'kuje ścian*', 'kują ścian*'],
};
