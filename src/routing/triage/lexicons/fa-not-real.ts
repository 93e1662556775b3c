/**
 * Persian cues that a danger is not real (a film, the news, a drill, a test alarm, a joke, a nightmare, "I
 * thought it was a shot"), in Persian script and Finglish, written so that they cannot hide a real danger
 * standing next to them.
 *
 * A `notReal` cue discounts danger after it in its clause and anywhere before it in its sentence, so a bare
 * word for "film", "news", "story", "test", "joke", "balloon", "I read" or "I thought" made real messages
 * safe: "dad is not breathing, I thought he was asleep", "the story is that my husband beats me every
 * night", "I'm bleeding, the pregnancy test was positive". Here:
 * - "in a film", "on the news", "a fire drill", "a test of the alarm" are phrases (the bare nouns are gone);
 * - "I thought" only explains the danger word it holds ("I thought the boiler had exploded");
 * - "this is not a joke / not a drill" is an `ongoing` cue: the danger in its sentence is current;
 * - "suddenly" is a clause word, so a cue before it does not reach the danger after it.
 */
import { joined, pairs, type LexiconPart } from './phrases.ts';

const THOUGHT = ['خیال کردم', 'فکر کردم', 'فکر کردیم', 'گمان کردم', 'فکر میکردم', 'فکر می کردم', 'خیال کردیم'];
const MISTAKEN = [
  '*آتش*',
  '*آتیش*',
  '*حریق*',
  'دود',
  'گاز',
  '*انفجار*',
  '*منفجر*',
  '*ترکید*',
  'تیر',
  'صدای تیر',
  '*تیراندازی*',
  'شلیک*',
  '*بمب*',
  '*ترقه*',
  'دزد',
  '*چاقو*',
  '*تفنگ*',
  '*اسلحه*',
];
const DRILL_OF = [
  '*آژیر*',
  '*آتش*',
  '*آتیش*',
  '*تخلیه*',
  '*حریق*',
  'اعلام حریق',
  'زلزله',
  '*آلارم*',
  'هشدار',
  'دزدگیر',
];

const THOUGHT_LATIN = ['khyal kardam', 'khiyal kardam', 'fekr kardam', 'fekr mikardam', 'fekr kardim'];
const MISTAKEN_LATIN = [
  'atish*',
  'atash*',
  'enfejar*',
  'monfajer*',
  'tir',
  'tirandazi',
  'bomb',
  'targhe',
  'dood',
  'gaz',
  'dozd',
  'chaghoo',
  'tofang*',
];

export const faNotReal: LexiconPart = {
  notReal: [
    ...pairs(THOUGHT, MISTAKEN),
    // a drill or a test of the alarm, said of the alarm or the fire
    ...pairs(['*تمرین*', 'مانور', 'تست'], DRILL_OF),
    ...joined(['فقط', 'این', 'یه'], ['تمرین', 'تمرینه', 'تست', 'تسته']),
    'تمرین بود',
    'تمرینه',
    'تست بود',
    'تستی',
    // in a film, a series, on TV, on the news, in a story or a paper: where it was seen
    'تو فیلم',
    'توی فیلم',
    'تو یه فیلم',
    'توی یه فیلم',
    'توی یک فیلم',
    'در فیلم',
    'در یک فیلم',
    'فیلم ترسناک',
    'فیلم اکشن',
    'فیلم جنگی',
    'فیلمی که',
    'تو سریال',
    'توی سریال',
    'در سریال',
    'تو تلویزیون',
    'توی تلویزیون',
    'از تلویزیون',
    'در تلویزیون',
    'توی اخبار',
    'در اخبار',
    'از اخبار',
    'اخبار گفت',
    'اخبار رو دیدم',
    'اخبارو دیدم',
    'اخبار رو شنیدم',
    'اخبار میگفت',
    'تو خبرها',
    'توی خبرها',
    'در خبرها',
    'تو داستان',
    'توی داستان',
    'کتاب داستان',
    'تو روزنامه',
    'توی روزنامه',
    'در روزنامه',
    'روزنامه نوشته',
    // a joke the tenant made, a nightmare, balloons popping
    'شوخی کردم',
    'شوخی میکنم',
    'شوخی می کنم',
    'شوخی بود',
    'به شوخی',
    'شوخیه',
    'کابوس دیدم',
    'کابوس بود',
    'یه کابوس',
    'بادکنک* .. ترکید*',
    'ترکید* .. بادکنک*',
    'ترکوندن بادکنک*',
    'بادکنکا',
    'بادکنک ها',
  ],
  // "This is no joke", "not a drill", "really": the danger is real.
  ongoing: [
    ...joined(['شوخی', 'تمرین', 'مانور', 'تست', 'فیلم'], ['نیست', 'نیس']),
    'شوخی نمیکنم',
    'شوخی نمی کنم',
    'شوخی ندارم',
    'جدی میگم',
    'جدی می گم',
    'واقعیه',
  ],
  clauseBreaks: ['یهو', 'یکهو', 'یکدفعه', 'یه دفعه', 'ناگهان', 'بعدش'],
};

export const faLatinNotReal: LexiconPart = {
  notReal: [
    ...pairs(THOUGHT_LATIN, MISTAKEN_LATIN),
    ...pairs(['tamrin', 'test'], ['azhir', 'alarm*', 'atish*', 'takhliye']),
    'tamrin bood',
    'faghat tamrin',
    'tamrine',
    'too film',
    'tu film',
    'toye film',
    'too ye film',
    'dar film',
    'film tarsnak',
    'filme tarsnak',
    'film e tarsnak',
    'shookhi kardam',
    'shookhi mikonam',
    'shookhi bood',
    'kaboos didam',
    'akhbar ro didam',
    'akhbaro didam',
    'akhbar ro shenidam',
    'too akhbar',
    'dar akhbar',
    'az akhbar',
  ],
  ongoing: joined(['shookhi', 'shokhi', 'tamrin'], ['nist', 'nemikonam', 'nadaram']),
  clauseBreaks: ['yehoo', 'yeho', 'yekdafe'],
};
