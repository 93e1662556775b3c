/**
 * Bosnian/Croatian/Serbian uses of danger words that are no danger now: figures of speech ("gori mi glava",
 * my head burns: stressed), toys, games and films, a threat that is only a way of speaking ("šef će me ubiti
 * ako zakasnim"), and a cooking alarm that has stopped. Merged into the lexicon by `bs.ts`.
 *
 * - `notReal` entries that contain a danger word explain it away; the others discount the danger they are
 *   said of (see `Lexicon.notReal`).
 * - `calm` phrases hold "sad" or "još" but say nothing is going on: "sad se bojim ići u kupatilo" after a
 *   film is a feeling, not an event.
 * - The topic entries contain the danger word they explain.
 */
import type { Lexicon } from '../lexicon.ts';

type Idioms = Required<
  Pick<
    Lexicon,
    'past' | 'notReal' | 'calm' | 'minorFault' | 'disturbance' | 'crimeOver' | 'information' | 'support' | 'urgentFault'
  >
>;

/** Toy guns: water, plastic, toy. */
const TOY_GUNS = ['pištolj*', 'puška', 'pušku', 'puškom', 'puške'].flatMap((g) => [
  `vodeni ${g}`,
  `vodenim ${g}`,
  `vodenog ${g}`,
  `vodenu ${g}`,
  `vodenom ${g}`,
  `plastičn* ${g}`,
  `${g} od plastike`,
  `${g} igračk*`,
  `dječj* ${g}`,
  `dečj* ${g}`,
]);

/** Days of the week, as "last Friday" takes them ("prošlog petka", "prošle subote"). */
const DAYS = ['ponedjelj*', 'ponedelj*', 'utork*', 'srijed*', 'sred*', 'četvrtk*', 'petk*', 'subot*'];

export const bsIdioms: Idioms = {
  past: DAYS.map((d) => `prošl* ${d}`),
  notReal: [
    ...TOY_GUNS,
    // not a bare "horor": "ovo je horor" is a nightmare situation
    'horor o',
    'hororu',
    'horor film*',
    'gledam horor',
    'gledal* horor',
    'to je samo igra',
    'samo je igra',
    'to je samo film',
    'playstation*',
    // the boss "will kill me" (if I am late): a way of speaking. Not "if I am late" alone: said by a partner
    // it is a threat.
    'šef* će me ubiti',
    'šef* će me ubit',
    'šef* me ubi*',
    // what-if questions
    'hipotetički',
    'teoretski',
    // "it was only the neighbour": a bang explained. Not "bilo je samo": "bilo je samo pitanje vremena".
    'to je bio samo komšija',
    'bio je samo komšija',
    'to je bila samo petarda',
    'to su bile samo petarde',
    // "I could strangle someone" after a match: a way of speaking
    'zadavio bih nekog*',
    'zadavila bih nekog*',
    'ubio bih nekog*',
    'ubila bih nekog*',
    'mogao bih nekog* ubiti',
    'mogla bih nekog* ubiti',
    'mogao bih nekog* zadaviti',
    // stress: a head burning, heat killing
    'gori mi glava',
    'glava mi gori',
    'gori mi mozak',
    'vrućin* .. ubi*',
    'vrućin* .. ubit*',
    'žeg* .. ubi*',
  ],
  calm: [
    // the fear that stays after a film or a game: a feeling now, not an event going on
    'sad se bojim',
    'sada se bojim',
    'sad me strah',
    'sada me strah',
    'sad me je strah',
    // "now I cannot sleep" after a film
    'sad ne mogu spavati',
    'sad ne mogu zaspati',
    'sada ne mogu spavati',
    // they have gone, the police took the tape away
    // not "sad je otišao": "sad je otišao po nož"
    'sad su otišli',
    'sad .. skinul*',
    'sad .. uklonil*',
    // an alarm or a noise that has stopped
    'sad je utihnuo',
    'sad je utihnula',
    'sad je utihnulo',
    // "now it is calm / fine" in more words
    'sad je sve mirno',
    'sada je sve mirno',
    'sad je ok',
    'sada je ok',
    'sada je sve ok',
    'sad je u redu',
    'sada je u redu',
    'sad je sve ok',
    'sada je sve u redu',
    'sad je mir',
    'sada je mir',
    'sad je gotovo',
    'sad je sve gotovo',
    'sada je tiho',
    'sad je sve tiho',
  ],
  minorFault: [
    // frying or cooking when the smoke alarm went off
    'pržil*',
    'dok sam kuhal*',
    // a bulb that burst with a bang; a door that slams like a shot
    'sijalic* .. pukl*',
    'sijalic* .. prasnu*',
    'sijalic* .. eksplodir*',
    'žarulj* .. pukl*',
    'lupa* .. kao pucanj',
    'zalupi* .. kao pucanj',
    'lupa* .. ko pucanj',
    // food that burnt and set off the smoke alarm
    'zagori*',
    'izgori* .. burek*',
    'izgori* .. hran*',
    'izgori* .. pit*',
    'izgori* .. meso',
  ],
  // drilling in the night; boys kicking a ball against the door
  disturbance: [
    'buši',
    'buše',
    'bušilic*',
    'bušenj*',
    'štemanj*',
    'lupa* loptom*',
    'udara* loptom*',
    // longer than the possible break-in "lupaju .. vrata" it holds
    ...['klinci', 'klinac', 'djeca', 'deca', 'dječaci', 'dečaci', 'omladin*'].map((k) => `${k} .. lopt* .. vrat*`),
  ],
  // the gas stove serviced
  information: ['servis* .. plin*', 'plin* .. servis*', 'servisira* .. šporet*', 'pregled* .. plin*'],
  // a confused neighbour asks after a wife or husband long dead
  support: ['pokojn* žen*', 'pokojn* muž*', 'pokojn* supru*', 'umrl* žen*'],
  urgentFault: [
    // a pipe that "exploded": water, not a blast
    'cijev* .. eksplodir*',
    'cev* .. eksplodir*',
    'cijev* .. prsnu*',
    // the lift alarm pressed and nobody answers
    'alarm* .. niko se ne javlja',
    'alarm* .. niko ne odgovara',
    'dugme .. niko se ne javlja',
  ],
  // mailboxes broken into: a crime that is over, not a break-in into a home
  crimeOver: ['provali* .. sanduč*', 'provali* .. poštansk*', 'obi* .. sanduč*', 'razvali* .. sanduč*'],
};
