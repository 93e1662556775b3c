/**
 * Arabic context in Arabizi (Latin letters and digits): the forms of `ar-context.ts` as tenants type them.
 * "Yesterday" and "last …", "now it is calm", "now I can't sleep", what-if questions with "and there is a
 * fire", water pistols and toys, idioms of heat, hunger and boredom that "kill", and common words one letter
 * away from a danger word (`taba3na`, "our", is not a misspelt `tabanja`, "pistol").
 */
import { joined, pairs, type LexiconPart } from './phrases.ts';

const NOW = ['hala2', 'halla2', 'hassa', 'hessa', 'el7in', 'al7een', 'el7een', 'tawa', 'delwa2ti', 'al2an', 'el2an'];
const CALM = [
  ...joined(
    ['el wad3', 'el wade3', 'el wa6e3', 'kello', 'kollo', 'kullo', 'kolshi', 'kelshi', 'kel shi', 'kol shi', 'kellshi'],
    [
      'hadi',
      'hade',
      'hadye',
      'hadya',
      'tamam',
      'mnee7',
      'mni7',
      'zain',
      'zen',
      'bkhair',
      'bkher',
      'ok',
      'okay',
      'khalas',
    ],
  ),
  'hadi',
  'hade',
  'hadye',
  'hadya',
  'ma fi shi',
  'mafi shi',
  'maku shi',
  'ma fi khatar',
  'mafi khatar',
  'betfet',
  'n6afet',
  'ntafet',
  'sekit',
  'seket',
];
const NO_SLEEP = joined(
  ['ma 3am a3ref', 'ma fini', 'ma 2ader', 'mesh 2ader', 'mish 2ader', 'mo 2ader', 'ma b2dar', 'khayef', 'khayfe'],
  ['nam', 'anam', 'nem'],
);
const IF = ['iza', 'eza', 'law', 'itha', 'ida', 'lw'];
const FIRE = ['7ari2*', '7aree2*', 'infijar*', 'enfijar*', 'dukhan*', 'dakhan*', 'ghaz', 'nar'];
const KILLERS = [
  'el shob',
  'shob',
  'el 7arr',
  'el 7ar',
  'el bard',
  'el jou3',
  'el joo3',
  'el ju3',
  'el malal',
  'el da7ek',
  'el d7ek',
  'el dawam',
  'dawam',
  'el shoghol',
  'el sho8l',
  'el shegel',
  'el 3ejj2a',
];
const KILLS = [
  '2atalni',
  'atalni',
  'ktalni',
  'kitalni',
  '9atalni',
  'gatalni',
  'mawwatni',
  'mawatni',
  'ymawwetni',
  'dab7ni',
  'dba7ni',
];
const OF_WHAT = joined(
  ['mn', 'men', 'min', 'mil'],
  ['el jou3', 'el joo3', 'el ju3', 'el da7ek', 'el d7ek', 'el malal', 'el bard', 'el shob', 'el 7ar'],
);
const WATER = ['may', 'mayy', 'mayye', 'mayya', 'mai', 'maa2', 'mayyeh', 'moyeh', 'mayeh'];
const GUN = ['mosaddas', 'musaddas', 'msaddas', 'fard', 'sla7', 'bundu2iye', 'banduqiya'];

export const arLatinContext: LexiconPart = {
  markers: [
    // "our", "my", "his"…: one letter from `tabanja` and `tabanga` (pistol) after folding
    'taba3na',
    'taba3i',
    'taba3o',
    'taba3u',
    'taba3ha',
    'taba3kon',
    'taba3kom',
    'taba3hon',
    'taba3hom',
    'taba3ak',
    'taba3ek',
    'taba3ik',
    'tab3i',
    'tab3ak',
    'tab3ha',
    // "kitchen": one letter from a Swedish support word
    'matbakh',
    'ma6bakh',
    'ma6ba5',
    'matba5',
    'ma6ba7',
    '7elwe',
    '7elwa',
    '7ilwe',
    '7ilwa',
  ],
  past: [
    'ams',
    'mbar7',
    'embar7',
    'mbarh',
    'embareh',
    'mbareh',
    'el bare7',
    'awwal mbare7',
    'elli fatet',
    'yalli fat',
    'yalli fatet',
    'eli fat',
    'eli fatet',
    ...joined(['shu sar', 'shou sar', 'sho sar', 'eish sar', 'esh sar', 'wesh sar'], ['bel', 'bil', 'ma3', 'b']),
  ],
  calm: [...joined(NOW, CALM), ...joined(NOW, NO_SLEEP)],
  notReal: [
    // "if I am not at home and there is a fire"
    ...pairs(IF, joined(['w fi', 'wfi', 'w sar', 'w kan fi'], FIRE)),
    ...joined(GUN, WATER),
    ...joined(GUN, ['lo3be', 'le3be', 'lo3ba', 'plastic', 'blastik', 'plastik']),
    ...pairs(KILLERS, KILLS),
    ...pairs(KILLS, KILLERS),
    ...pairs(['ra7 mut', 'ra7 moot', '7amoot', 'hamoot', 'bamoot', 'bmoot', 'mutt', 'mitt', 'met'], OF_WHAT),
    'bel 7elm',
    'bil 7elm',
    'b7elmi',
    '7lemt',
    '7elemt',
    '7lemet',
  ],
  information: ['112 walla', 'walla 112', '112 aw', 'aw 112', 'wala 112', '112 wala', '112 willa', 'willa 112'],
};
