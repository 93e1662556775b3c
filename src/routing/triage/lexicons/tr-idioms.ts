/**
 * Turkish uses of danger words that are no danger now: figures of speech ("kafam yanıyor", my head is
 * burning: stressed; "içim yandı", my heart burnt: sorry), toys, games and films, a threat that is only a way
 * of speaking ("the boss will kill me if I am late"), questions about what was done after an event that is
 * over, and a cooking alarm that has stopped. Merged into the lexicon by `tr.ts`.
 *
 * - `notReal` entries that contain a danger word explain it away; the others discount the danger they are
 *   said of (see `Lexicon.notReal`).
 * - `calm` phrases hold "şimdi" or "hala" but say nothing is going on: "şimdi tuvalete gitmeye korkuyorum"
 *   after a film is a feeling, not an event.
 * - The topic entries contain the danger word they explain.
 */
import type { Lexicon } from '../lexicon.ts';

type Idioms = Required<
  Pick<
    Lexicon,
    'past' | 'notReal' | 'calm' | 'information' | 'minorFault' | 'disturbance' | 'support' | 'urgentFault' | 'crimeOver'
  >
>;

/** Food that burns on the stove and sets off the smoke alarm. */
const FOOD = [
  'yemek',
  'yemeğ*',
  'köfte*',
  'pilav*',
  'ekmeğ*',
  'ekmek*',
  'tost*',
  'börek*',
  'krep*',
  'pizza*',
  'tavuk*',
  'patates*',
  'soğan*',
  'kek*',
  'gözleme*',
  'menemen*',
  'omlet*',
  'pide*',
  'makarna*',
];
const BURNT = ['yakmışım', 'yaktım', 'yaktık', 'yakmışız', 'yandı', 'yanmış', 'yanık'];

export const trIdioms: Idioms = {
  // "geçen cuma" (last Friday)
  past: ['pazartesi', 'salı', 'çarşamba', 'perşembe', 'cuma', 'cumartesi', 'pazar'].map((d) => `geçen ${d}`),
  notReal: [
    // toys and games
    'plastik tabanca*',
    'plastik silah*',
    'su silah*',
    'oyuncak silah*',
    'boncuk tabanca*',
    'nerf*',
    'playstation*',
    'sadece oyun*',
    'sadece bir oyun*',
    'oyun sadece',
    'korku film*',
    'korku dizi*',
    'dizideki',
    'filmdeki',
    'filmdeydi',
    'filmdeymiş',
    'dizideydi',
    // the boss "will kill me" (if I am late): a way of speaking. Not "if I am late" alone: said by a partner
    // it is a threat.
    'patron* beni öldür*',
    'müdür* beni öldür*',
    // what-if questions ("let us suppose"). Not "-rsa .. ne olur": "ne olur" is also "please", and "what
    // happens if he breaks the door" is a fear of real danger.
    'varsayalım',
    'farz edelim',
    // an explained bang
    'sadece komşuymuş',
    'meğer komşuymuş',
    // stress, regret, a lost match: a head or a heart "burning"
    'kafam yan*',
    'kafası yan*',
    'kafamız yan*',
    'içim yan*',
    'yüreğim yan*',
    'ciğerim yan*',
  ],
  calm: [
    // the fear that stays after a film or a game: a feeling now, not an event going on
    'şimdi korkuyorum',
    'şimdi de korkuyorum',
    'şimdi .. gitmeye korkuyorum',
    // "now I cannot sleep" after a film
    'şimdi uyuyamıyorum',
    'şimdi .. uyuyamıyorum',
    // they have gone, the police took the tape away, a crack is left
    'şimdi gittiler',
    'gittiler şimdi',
    'şimdi .. kaldırdı*',
    'şimdi .. çatlak',
    // an alarm or a noise that has stopped
    'sustu şimdi',
    'şimdi kapandı',
    'şimdi durdu',
    'durdu şimdi',
    // "now it is calm / fine" in more words
    'şimdi sakinleşti',
    'şimdi her şey sakin',
    'şimdi durum sakin',
    'şimdi sorun yok',
    'şimdi bir şey yok',
    'şu an sorun yok',
    'şimdi her şey normal',
    'şimdi her şey iyi',
  ],
  information: [
    // what was done after an event that is over
    'silahlı olay*',
    'silahlı saldırı* sonra',
    'silahlı saldırı sonrası',
    'çatışma* sonra',
    'bıçaklama* sonra',
    'vurulma* sonra',
    'yangın sonrası',
    'patlama sonrası',
    'kavga sonrası',
    // the gas of a stove or a boiler being serviced
    'gaz bakım*',
    'gaz kontrol*',
    'gaz servis*',
    'doğalgaz bakım*',
    'doğalgaz kontrol*',
    'gaz fatura*',
    'tüp kokusu yok',
    'tüp koku yok',
    'gaz sayac*',
  ],
  minorFault: [
    ...FOOD.flatMap((f) => BURNT.map((b) => `${f} .. ${b}`)),
    // frying or cooking when the smoke alarm went off
    'kızartırken',
    'kızartıyordum',
    'pişirirken',
    'yemek yaparken',
    // a door that slams "like a gunshot"
    'kapı* .. silah sesi gibi',
    'kapı kapatıcı*',
  ],
  // a confused neighbour asks after a wife or husband long dead
  support: ['ölen karısı*', 'ölen eşi*', 'ölmüş karısı*', 'ölmüş eşi*', 'rahmetli karısı*', 'rahmetli eşi*'],
  // the lift alarm pressed and nobody answers
  urgentFault: ['alarm* .. kimse cevap vermiyor', 'alarm* .. cevap veren yok', 'alarm* .. kimse açmıyor'],
  // a parcel gone, a mailbox broken open
  crimeOver: ['paket* .. kaybol*', 'kargo* .. kaybol*', 'posta kutu* .. kırılmış', 'posta kutu* .. kırmışlar'],
  // drilling in the night
  disturbance: ['matkap*', 'duvar del*', 'delik açıyo*'],
};
