/**
 * Somali uses of danger words that are no danger now: figures of speech, toys, games and films, a threat
 * that is only a way of speaking ("the boss will kill me if I am late"), questions about what was done after
 * an event that is over, and a cooking alarm that has stopped. Merged into the lexicon by `so.ts`.
 *
 * - `notReal` entries that contain a danger word explain it away; the others discount the danger they are
 *   said of (see `Lexicon.notReal`).
 * - `calm` phrases hold "hadda" or "weli" but say nothing is going on: "now I am afraid to go to the
 *   toilet" after a film, "the blood is still on the wall" after a fight.
 * - The topic entries contain the danger word they explain: "qofna ma dhaawacna" (nobody is hurt).
 */
import type { Lexicon } from '../lexicon.ts';

type Idioms = Required<
  Pick<
    Lexicon,
    'past' | 'notReal' | 'calm' | 'information' | 'minorFault' | 'disturbance' | 'support' | 'urgentFault' | 'crimeOver'
  >
>;

/** Toys: a plastic, water or toy gun or knife. */
const TOYS = ['qori', 'qoryo', 'qoriga', 'bastoolad*', 'bistoolad*', 'mindi', 'seef'].flatMap((w) =>
  ['caag*', 'biyo*', 'ciyaar*'].map((m) => `${w} ${m}`),
);

/** Events that are over, by their -kii/-tii forms ("the shooting there was"), asked about afterwards. */
const PAST_EVENTS = [
  'dabkii',
  'qaraxii',
  'rasaastii',
  'toogashadii',
  'dagaalkii',
  'weerarkii',
  'tuugadii',
  'jabsigii',
  'xadiggii',
];

export const soIdioms: Idioms = {
  // the day that went by: "Sabtidii" (last Saturday), "Jimcihii hore"
  past: [
    'sabtidii',
    'axaddii',
    'isniintii',
    'talaadadii',
    'arbacadii',
    'khamiistii',
    'jimcihii',
    'jimcahii',
    ...['sabti', 'axad', 'isniin', 'talaado', 'arbaco', 'khamiis', 'jimce'].map((d) => `${d} .. hore`),
  ],
  notReal: [
    ...TOYS,
    'musalsal*',
    'filin*',
    'filim cabsi*',
    'ciyaar kombuyuutar*',
    'ciyaar* .. uun ah',
    'waa ciyaar uun',
    // the manager or the teacher "will kill me" (if I am late): a way of speaking. Not "if I am late" alone:
    // said by a partner it is a threat.
    'maamul* .. i dili*',
    'macallin* .. i dili*',
    'macalin* .. i dili*',
    // heat, cold, thirst or boredom "is killing me"; "I could strangle someone" after a football match
    'kulayl* .. dil*',
    'kuleyl* .. dil*',
    'qabow* .. dil*',
    'harraad* .. dil*',
    'caajis* .. dil*',
    'caajis* .. dhiman*',
    // what-if, "for example"
    'tusaale ahaan',
    'haddii ay dhacdo',
    'haddii .. wiish*',
    'haddii .. hiss*',
    'ayaan ceejin lahaa',
    'waan ceejin lahaa',
    'ayaan dili lahaa',
    'waan dili lahaa',
  ],
  calm: [
    // the fear that stays after a film or a game: a feeling now, not an event going on
    'hadda waan ka baqayaa',
    'hadda waan baqayaa',
    'hadda waxaan ka baqayaa',
    // an alarm or a noise that has stopped
    'hadda wuu joogsaday',
    'hadda way joogsatay',
    'wuu joogsaday hadda',
    'hadda wuu aamusay',
    'hadda way aamustay',
    'hadda wuu dansan yahay',
    // "now I cannot sleep" after a film
    'hadda ma seexan karo',
    'hadda hurdo ma qaadi karo',
    // they have gone, the police took the tape away
    // not "hadda wuu tagay": he may have gone to fetch a knife
    'hadda way baxeen',
    'hadda way ka qaadeen',
    // a stain that is still there
    'weli ku yaal',
    'weli way yaal*',
    'weli wuu yaal*',
    // "now it is calm / fine" in more words
    'hadda waa xasilloon tahay',
    'hadda way xasilloon tahay',
    'hadda waa degan yahay',
    'hadda waa degan tahay',
    'hadda way degan tahay',
    'hadda wax walba waa caadi',
    'hadda wax walba waa fiican yihiin',
    'hadda waa nabad',
    'hadda dhib ma jiro',
    'hadda waa aamus',
  ],
  information: [
    ...PAST_EVENTS.flatMap((e) => [`${e} .. kadib`, `${e} .. ka dib`]),
    'qofna ma dhaawac*',
    'cidna ma dhaawac*',
    'qofna kuma dhaawac*',
    'cidna kuma dhaawac*',
    'ma jiro qof dhaawac*',
    'ku saabsan qarax*',
    'ku saabsan rasaas*',
    'ku saabsan toogash*',
    // the gas stove serviced
    'dayactir* .. gaas*',
    'gaas* .. dayactir*',
    'hubin* .. gaas*',
    // whether a carbon-monoxide alarm is required (one that goes off is danger: so-danger.ts)
    'alaarm* kaarboon monoksaayd*',
    'alaarm* karbon monoksid*',
    // "should I call 112 or you": a question, not a call for help
    '112 ayaan wac*',
    '112 baan wac*',
    '112 mise',
  ],
  minorFault: [
    // food that burnt and set off the smoke alarm
    ...['cunto*', 'sambuus*', 'bariis*', 'hilib*', 'rooti*', 'canjeer*', 'malawax*', 'baasto*', 'beed*'].map(
      (f) => `${f} .. gubat*`,
    ),
    // frying or cooking when the smoke alarm went off
    'shiilay*',
    'karinay*',
    // a bulb that burst with a bang
    'laambad* .. qarx*',
    'nal* .. qarx*',
    'guluub* .. qarx*',
    // a door that slams "like a shot"
    'albaab* .. sida rasaas*',
    // a smoke alarm chirping now and then: its battery
    'yar cidaya',
    'cidaya',
  ],
  // a confused neighbour asks after a wife or husband long dead
  support: ['xaaskiisii .. dhima*', 'ninkeedii .. dhima*', 'xaaskiisii .. geeriyood*'],
  urgentFault: [
    // a pipe that "exploded": water, not a blast
    // tuubo, tuubbo → tuubada: the stem stops before the last vowel (folded, tuub and tubb are both tub)
    'tuub* .. qarx*',
    // the lift alarm pressed and nobody answers
    'badhan* .. qofna kama jawaab*',
    'alaarm* .. qofna kama jawaab*',
    'alaarm* .. cidna kama jawaab*',
    'badhan* .. cidna kama jawaab*',
  ],
  // a parcel gone from the door, a mailbox broken open
  crimeOver: ['baakad* .. lumay', 'xirmo* .. lumay', 'baakad* .. la qaaday', 'sanduuq* boost* .. jab*'],
  // drilling in the night
  disturbance: ['daloolin*', 'dalooliya*'],
};
