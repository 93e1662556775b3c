/**
 * Persian context, in Persian script and Finglish: what keeps a danger word from being an emergency now.
 * Events that are over ("last Friday", "what became of that man"), what-if questions about lifts and fires
 * ("if, God forbid…"), idioms of hunger, laughter or heat that "kill", a cooking alarm that went quiet,
 * "now it is calm" in its common forms, a door or a lamp that bangs "like a shot", and questions about which
 * number to call. Every entry either holds the danger word it explains or is a cue the engine weighs by
 * sentence, so none of them can hide a danger word standing elsewhere in the message.
 */
import { joined, pairs, type LexiconPart } from './phrases.ts';

const NOW = ['الان', 'حالا', 'اکنون', 'دیگه'];
const CALM = [
  'آرومه',
  'آرامه',
  'آروم شده',
  'آرام است',
  'آرام شده',
  'ساکته',
  'ساکت شده',
  'ساکت است',
  'خوبه',
  'خوب است',
  'اوکیه',
  'امنه',
  'امن است',
  'خاموش شده',
  'خاموش شد',
  'قطع شد',
  'قطع شده',
  'تموم شده',
  'تمام شده',
  'تموم شد',
  'خبری نیست',
  'چیزی نیست',
  'مشکلی نیست',
  'خطری نیست',
  'روبراهه',
  'رو به راهه',
  ...joined(
    ['همه چی', 'همه چیز', 'همه جا', 'اوضاع', 'وضع', 'وضعیت'],
    ['آرومه', 'آرام است', 'خوبه', 'خوب است', 'اوکیه', 'امنه', 'روبراهه', 'عادیه', 'عادی است'],
  ),
];
const NO_SLEEP = [
  'خوابم نمیبره',
  'خوابم نمی بره',
  'نمیتونم بخوابم',
  'نمی تونم بخوابم',
  'خوابم نمیاد',
  'میترسم بخوابم',
  'می ترسم بخوابم',
];

/** Days, parts of the day and spans that "last" or "ago" put in the past. */
const WHEN = [
  'جمعه',
  'شنبه',
  'یکشنبه',
  'یک شنبه',
  'دوشنبه',
  'دو شنبه',
  'سه شنبه',
  'چهارشنبه',
  'چهار شنبه',
  'پنجشنبه',
  'پنج شنبه',
  'آخر هفته',
  'تعطیلات',
  'عید',
  'زمستون',
  'زمستان',
  'تابستون',
  'تابستان',
  'چند وقت',
  'مدتی',
  'چند روز',
  'چند هفته',
  'چند ماه',
];

/** "If", "if ever", "God forbid", "suppose". */
const IF = [
  'اگه',
  'اگر',
  'وقتی',
  'در صورتی که',
  'در صورت',
  'اگه یه وقت',
  'اگر یک وقت',
  'اگه یه روز',
  'اگه یه روزی',
  'اگه یه موقع',
  'اگه خدای نکرده',
  'اگر خدای نکرده',
  'خدای نکرده',
  'خدایی نکرده',
  'اگر خدای ناکرده',
  'خدای ناکرده',
  'اگه مثلا',
  'اگر مثلا',
  'فرض کن',
  'فرض کنیم',
];
const IF_WHAT = ['*آتش*', '*آتیش*', '*حریق*', 'دود', 'گاز', 'بوی گاز', '*انفجار*', '*مونوکسید*', '*چاقو*', 'دزد'];
const IF_VERB = ['بشه', 'بشود', 'شود', 'بگیره', 'بگیرد', 'بیاد', 'بیاید', 'باشه', 'باشد', 'ببینیم', 'ببینم', 'کنیم'];
const LIFT = ['آسانسور', 'اسانسور', 'آسانسورها', 'آسانسوره'];
const STUCK = [
  'گیر کنه',
  'گیر کنیم',
  'گیر کنم',
  'گیر کنن',
  'گیر بیفته',
  'گیر بیافته',
  'گیر بیفتیم',
  'گیر بیفتم',
  'بمونه',
  'بمونیم',
  'بمونم',
  'خراب بشه',
  'خراب شه',
  'وایسه',
  'بایستد',
];

/** Harmless things that "kill": hunger, laughter, heat, boredom. */
const OF_WHAT = joined(
  ['از'],
  [
    'گشنگی',
    'گرسنگی',
    'خنده',
    'خستگی',
    'گرما',
    'سرما',
    'بیحوصلگی',
    'بی حوصلگی',
    'تشنگی',
    'خواب',
    'استرس',
    'ذوق',
    'فضولی',
  ],
);
const DIE = [
  'میمیرم',
  'می میرم',
  'مردم',
  'مردیم',
  'میمیریم',
  'می میریم',
  'ترکیدم',
  'ترکیدیم',
  'پوکیدم',
  'هلاک شدم',
  'هلاکم',
  'مُردم',
];
const KILLERS = [
  'گرما',
  'این گرما',
  'سرما',
  'این سرما',
  'گشنگی',
  'خنده',
  'خستگی',
  'این کار',
  'امتحانا',
  'این امتحان',
  'این درس',
  'ترافیک',
  'بیکاری',
  'اجاره',
  'قبضا',
];
const KILL = ['منو کشت', 'منو میکشه', 'منو می کشه', 'داره منو میکشه', 'کشتم', 'کشتمون', 'مارو کشت', 'ما رو کشت'];

/** Food that burns in a pan and sets the smoke alarm off. */
const FOOD = [
  'املت*',
  'نیمرو',
  'غذا*',
  'کیک*',
  'نون',
  'نان',
  'گوشت*',
  'مرغ',
  'ماهی',
  'سیب زمینی',
  'کتلت',
  'تست',
  'کوکو',
  'برنج',
  'ته دیگ',
  'پنکیک*',
  'تخم مرغ*',
  'سوسیس',
  'کباب',
];
const BURNT = ['سوخت', 'سوخته', 'سوختن', 'سوخت و', 'ته گرفت', 'ته گرفته'];

export const faContext: LexiconPart = {
  past: [
    ...joined(WHEN, ['گذشته', 'پیش', 'قبل', 'ی گذشته', 'ی پیش']),
    // "What became of that man who was stabbed?": a question about something that is over.
    'چی شد اون',
    'چه شد اون',
    'چی شد با',
    'چی به سر',
    'چه بلایی سر',
    'چه اتفاقی برای',
    'آخرش چی شد',
  ],
  calm: [
    ...joined(NOW, CALM),
    ...joined(NOW, NO_SLEEP),
    ...pairs(['الان', 'حالا'], ['کار میکنه', 'کار می کنه', 'کار میکنن', 'درست شده', 'درسته']),
    // "how long will it go on?" asks about the guards, not a danger going on
    ...joined(
      ['تا کی', 'تا چه وقت', 'تا چه زمانی'],
      ['ادامه داره', 'ادامه دارد', 'ادامه میدن', 'ادامه میدید', 'ادامه پیدا میکنه'],
    ),
    // water coming through is a fault going on, not a past explosion or fire going on
    ...joined(['آب'], ['داره میاد', 'داره میریزه', 'داره چکه میکنه', 'داره نشت میکنه']),
  ],
  notReal: [
    ...pairs(IF, pairs(IF_WHAT, IF_VERB)),
    ...pairs(IF, joined(LIFT, STUCK)),
    ...pairs(DIE, OF_WHAT),
    ...pairs(OF_WHAT, DIE),
    ...pairs(KILLERS, KILL),
    'خوابشو دیدم',
  ],
  minorFault: [
    ...joined(FOOD, BURNT),
    ...joined(['غذام', 'غذامون', 'املتم'], ['سوخت*']),
    // a lamp that pops with a loud bang, a door that shuts "like a shot": things to fix, not a blast
    ...pairs(['لامپ*', 'مهتابی', 'حباب'], pairs(['صدا*'], ['ترکید*'])),
    ...pairs(
      ['صدا* مثل', 'صدایی شبیه', 'مثل صدای'],
      pairs(
        ['تیر', 'ترقه', 'بمب', 'شلیک', 'انفجار'],
        ['بسته میشه', 'بسته می شه', 'بسته میشود', 'بهم میخوره', 'بهم می خوره'],
      ),
    ),
    'محکم بسته میشه',
    'محکم بسته می شه',
    'محکم بهم میخوره',
  ],
  dangerUncertain: {
    // "the smoke device" is an alarm: it shrieks for burnt food as well as for a fire
    fire: ['دستگاه دود', 'دستگاه تشخیص دود', 'سنسور دود'],
  },
  // "let me go!": a tenant pushed around, not the Arabic negation ولم ("and did not") it is spelt like
  disturbance: ['ولم کن', 'ولم کنید', 'ولم کنین'],
  information: ['یا *112', '*112 یا', 'یا مستقیم *112', 'یا به *112', 'یا با *112'],
  signs: {
    // `خونش` is also "her home" (خونه‌ش): only the phrases that say blood
    medical: ['خونش .. میاد', 'خونش .. بند نمیاد', 'خونش ریخته', 'غرق خون*'],
  },
};

/** The same in Finglish. */
export const faLatinContext: LexiconPart = {
  past: [
    'diruz',
    'dirouz',
    ...joined(
      [
        'jome',
        'shanbe',
        'yekshanbe',
        'doshanbe',
        'seshanbe',
        'chaharshanbe',
        'panjshanbe',
        'chand vaght',
        'chand rooz',
      ],
      ['pish', 'ghabl', 'gozashte', 'e gozashte'],
    ),
    'chi shod oon',
    'chi shod un',
  ],
  calm: [
    ...joined(
      ['alan', 'hala', 'dige'],
      [
        'aroome',
        'aroom e',
        'aram e',
        'aram ast',
        'sakete',
        'sakt shode',
        'saket shode',
        'khoobe',
        'okeye',
        'amne',
        'khamoosh shode',
        'tamoom shode',
        'chizi nist',
        'khabari nist',
        'hame chi aroome',
        'hame chi okeye',
      ],
    ),
    ...joined(['alan', 'hala'], ['khabam nemibare', 'nemitoonam bekhabam']),
  ],
  notReal: [
    ...pairs(
      ['az gorosnegi', 'az goshnegi', 'az khande', 'az garma', 'az khastegi'],
      ['mimiram', 'mordam', 'tarkidam'],
    ),
    ...pairs(
      ['mimiram', 'mordam', 'tarkidam'],
      ['az gorosnegi', 'az goshnegi', 'az khande', 'az garma', 'az khastegi'],
    ),
  ],
  information: ['ya 112', '112 ya'],
};
