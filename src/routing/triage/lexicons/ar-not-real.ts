/**
 * Arabic cues that a danger is not real (a film, the news, a drill, a joke, a nightmare, "I thought it was a
 * shot"), in Arabic script and Arabizi, written so that they cannot hide a real danger standing next to them.
 *
 * A `notReal` cue discounts danger after it in its clause and anywhere before it in its sentence, so a bare
 * word for "film", "news", "exercise", "joke", "balloon" or "I thought" made real messages safe: "my father
 * is not breathing, I thought he was asleep", "he is hitting me, this is no joke", "my son swallowed a
 * balloon and is choking", "I was watching a film when I smelled gas". Here:
 * - "in a film", "on the news", "a fire drill" are phrases (the bare nouns are gone);
 * - "I thought" only explains the danger word it holds ("I thought it was an explosion");
 * - "this is not a joke / not a drill" is an `ongoing` cue: it explains the cue inside it and keeps the
 *   danger in its sentence current;
 * - "when", "suddenly", "then", "that" are clause words, so a cue does not reach across them.
 */
import { joined, pairs, type LexiconPart } from './phrases.ts';

/** Danger words one may mistake a sound, a smell or a sight for. */
const MISTAKEN = [
  '*انفجار*',
  '*نفجر*',
  '*رصاص*',
  '*طلق*',
  '*قنبل*',
  '*حريق*',
  '*نار',
  '*دخان*',
  '*غاز*',
  '*حرامي*',
  '*حراميه',
  '*سكين*',
  '*مسدس*',
  '*سلاح*',
  '*عركه',
  '*طوشه',
  '*فتيش*',
  '*مفرقع*',
];
const THOUGHT = ['ظنيت', 'ظننت', 'اعتقدت', 'دار بالي', 'فكرت', 'كنت فاكر', 'كنت مفكر', 'حسبت', 'حسبتو', 'حسبته'];
const DRILL = ['تمرين', 'التمرين', 'تمارين', '*تدريب*', '*مناوره*'];
const DRILL_OF = ['*اخلاء*', '*حريق*', '*حرائق*', '*انذار*', '*طوارئ*', '*طواري*', '*اطفاء*', '*الدفاع'];
const NOT = ['مش', 'مو', 'مب', 'ليس', 'ليست', 'هاد مش', 'هذا مش', 'هذا ليس', 'هيدا مش', 'هاي مش', 'والله مش'];

const THOUGHT_LATIN = [
  'dar bali',
  'fakart',
  'fakkart',
  'zanneit',
  'zannet',
  '7sebt',
  '7asabt',
  'kont fakir',
  'kunt mfakker',
];
const MISTAKEN_LATIN = [
  '7ari2*',
  'infijar*',
  'enfijar*',
  'rsas',
  'rasas',
  'ra9a9',
  '2unbul*',
  'dukhan*',
  'dakhan*',
  'ghaz',
  '7arami',
  'sekkine*',
  'mosaddas*',
  'fatish',
  'mfar2a3*',
];

export const arNotReal: LexiconPart = {
  notReal: [
    ...pairs(THOUGHT, MISTAKEN),
    ...pairs(DRILL, DRILL_OF),
    ...pairs(DRILL_OF, DRILL),
    ...joined(['مجرد', 'بس', 'هاد', 'هذا', 'هيدا', 'هاي', 'هذه', 'كان', 'كانت'], ['تمرين', 'تدريب', 'مناوره']),
    // the news, a film, a series: where it was seen, not that the tenant watches
    'بالاخبار',
    'عالاخبار',
    'في الاخبار',
    'على الاخبار',
    'نشره الاخبار',
    'بنشره الاخبار',
    'بالنشره',
    '*اخبار* .. عن',
    // "a film" as the direction cue says it; "the film" only in phrases. A phrase that starts with في is
    // negated by a negation two words before it ("ما حدا عم يرد في فيلم"), so the bare noun stays too.
    'فيلم',
    'فلم',
    'في فيلم',
    'بفيلم',
    'بالفيلم',
    'في الفيلم',
    'فيلم رعب',
    'فيلم اكشن',
    'فيلم .. فيه',
    'في فلم',
    'بفلم',
    'بالفلم',
    'فلم رعب',
    'بالافلام',
    'في الافلام',
    'افلام رعب',
    'افلام اكشن',
    // a joke the tenant made, a nightmare, balloons popping at a party
    'عم بمزح',
    'بمزح',
    'كنت عم امزح',
    'كنت امزح',
    'عم نمزح',
    'كنا عم نمزح',
    'كنا نمزح',
    'بنمزح',
    'مزحه',
    'مجرد مزح*',
    'نكته',
    '*مزح* معك*',
    'شفت كابوس',
    'كان كابوس',
    'مجرد كابوس',
    'بس كابوس',
    '*كوابيس*',
    // "the film was a bomb": praise
    'كان قنبله',
    'كانت قنبله',
    '*فقع* .. *بالون*',
    '*بالون* .. *فقع*',
    '*بالونات*',
    '*طق* .. *بالون*',
  ],
  // "This is no joke", "not a drill": the danger is real.
  ongoing: [
    ...joined(NOT, ['مزح', 'مزحه', 'نكته', 'تمرين', 'تدريب', 'فيلم', 'فلم', 'لعبه', 'تجربه']),
    ...joined(['مش عم', 'ما عم', 'مو عم', 'مش', 'ما', 'مو'], ['امزح', 'بمزح']),
  ],
  // "when", "suddenly", "then", "that": a cue before them does not reach the danger after them.
  clauseBreaks: [
    'لما',
    'لمن',
    'عندما',
    'حين',
    'حينما',
    'فجاه',
    'وفجاه',
    'بعدين',
    'وبعدين',
    'وقتها',
    'انو',
    'انه',
    'انها',
    'بانو',
  ],
};

export const arLatinNotReal: LexiconPart = {
  notReal: [
    ...pairs(THOUGHT_LATIN, MISTAKEN_LATIN),
    ...pairs(
      ['tamrin', 'tamreen', 'tadrib'],
      ['7ari2*', 'e5la2', 'ikhla2', 'ekhla2', 'enzar', 'inzar', 'alarm*', 'brandlarm*'],
    ),
    ...joined(['bas', 'mjarrad', 'kan', 'hay', 'hayda', 'hada'], ['tamrin', 'tadrib']),
    'fi film',
    'film',
    'flm',
    'fe film',
    'b film',
    'bfilm',
    'bel film',
    'bil film',
    'fil film',
    'film ra3b',
    'flm ra3b',
    'film action',
    'fi flm',
    'bel flm',
    'fi felm',
    'bel felm',
    'bel akhbar',
    'bil akhbar',
    '3al akhbar',
    'fil akhbar',
    'bmazza7',
    '3am bmazza7',
    'kont 3am mazze7',
    'nokte',
    'kan 2unbule',
    'kanet 2unbule',
    'kan qunbula',
  ],
  ongoing: joined(
    ['mesh', 'msh', 'mish', 'mo', 'mu', 'ma 3am', 'mesh 3am'],
    ['mazza7', 'bmazza7', 'nokte', 'tamrin', 'film'],
  ),
  clauseBreaks: ['lamma', 'lamman', 'fajatan', 'faj2a', 'fa2atan', 'ba3dein', 'ba3den'],
};
