/**
 * Persian danger, second round, in Persian script (with Dari forms) and Finglish: ways of describing a danger
 * that the first round's words missed. Oil or cupboards that "caught" (در گرفت); a blast told by its effects
 * (the building shook, a hole in the wall); labour in a stuck lift; a leaking or hissing gas canister; a
 * heater with dizziness or vomiting (carbon monoxide); a lift with no air; a small child alone inside;
 * twins nowhere to be found; a confused old man gone with his bed empty; a lock being tampered with; a
 * stranger's footsteps inside; a bag snatched just now with the thief still there; wanting to sleep and never
 * wake up. Signs (not answering, nowhere to be found, an empty bed) count where nothing else places a message.
 */
import { joined, pairs, type LexiconPart } from './phrases.ts';

const KITCHEN = ['روغن', 'ماهیتابه', 'تابه', 'آشپزخانه', 'آشپزخونه', 'الماری*', 'کابینت*', 'پرده*', 'مبل*'];
const CAUGHT = ['در گرفت*', 'آتش گرفت*', 'آتیش گرفت*', 'شعله ور*', 'شعله کشید*', 'گر گرفت*'];
const HEATER = ['بخاری', 'بخاری نفتی', 'چراغ نفتی', 'ذغال', 'زغال', 'منقل', 'پیک نیک*', 'آبگرمکن'];
const SICK = [
  'سرگیجه',
  'سرم .. گیج*',
  'سرم چرخ*',
  'استفراغ*',
  'بالا آورد*',
  'سردرد',
  'سر درد',
  'تهوع',
  'حالم بده',
  'حالمون بده',
];
const LIFT = ['آسانسور', 'اسانسور', 'آسانسوره'];
const KIDS = ['بچم', 'بچه ام', 'پسرم', 'دخترم', 'دوقلوها', 'دوقلوهام', 'بچه هام', 'بچه ها رو', 'نوه ام'];
const INFANT = ['بچم', 'بچه ام', 'نوزادم', 'نوزاد', 'بچه کوچیکم', 'بچه ی کوچیکم'];
const DEMENTIA = [
  'آلزایمر*',
  'دمانس',
  'دمنس',
  'فراموشی',
  'زوال عقل',
  'حواسش درست نیست',
  'حواسش سر جاش نیست',
  'حواسش پرته',
];
const STEPS = ['صدای پا', 'صدای پای', 'صدای قدم', 'صدای راه رفتن'];
const ROOMS = [
  'آشپزخونه',
  'آشپزخانه',
  'پذیرایی',
  'هال',
  'اتاق خواب',
  'اتاقم',
  'تو خونه',
  'توی خونه',
  'خونم',
  'داخل خونه',
];

export const faRecall: LexiconPart = {
  danger: {
    fire: pairs(KITCHEN, CAUGHT),
    medical: [
      // labour, in a stuck lift or at home, is 112
      'درد زایمان',
      'داره زایمان',
      'کیسه آبش پاره*',
      ...pairs(['حامله', 'باردار'], ['دردش گرفته', 'درد داره', 'زایمان*']),
    ],
    gas: [
      ...pairs(['بوی'], ['کپسول*', 'پیک نیک*', 'گاز مایع']),
      ...pairs(['کپسول*', 'پیک نیک*'], ['نشتی', 'نشت*', 'هیس', 'فیس']),
    ],
    trapped: pairs(LIFT, [
      'هوا نیست',
      'هوا ندارم',
      'هوا نداره',
      'نفس نمیکشم',
      'نمیتونم نفس بکشم',
      'خفه میشم',
      'دارم خفه میشم',
      'نفسم بند*',
    ]),
    missing: [
      // not "پیدا نمیکنم" alone: elders call the operator "پسرم" ("son") while they look for a key
      ...pairs(KIDS, ['هیچ جا نیست', 'هیچ جا نیستن', 'پیداشون نمیکنم']),
      ...pairs(['بچم', 'دوقلوها', 'دوقلوهام', 'بچه هام', 'بچه ها رو'], ['هیچ جا پیدا*']),
      ...pairs(DEMENTIA, [
        'از خانه بر آمده',
        'از خونه بر اومده',
        'بر آمده',
        'برآمده',
        'بیرون رفته',
        'رفته بیرون',
        'تختش خالی*',
      ]),
    ],
  },
  dangerUncertain: {
    explosion: [
      // the building, not a flat that shakes with a neighbour's music
      ...joined(['ساختمون', 'ساختمان', 'کل ساختمون', 'کل ساختمان'], ['لرزید', 'تکون خورد']),
      'دیوار سوراخ شد*',
      'دیوار ریخت',
    ],
    gas: [
      ...pairs(HEATER, SICK),
      ...pairs(SICK, HEATER),
      ...pairs(
        ['اجاق*', 'گاز', 'لوله گاز', 'شیر گاز', 'کپسول*'],
        ['صدای فیس', 'صدای هیس', 'فیس فیس', 'هیس هیس', 'فیس میکنه', 'فیس میاد'],
      ),
      ...pairs(['صدای فیس', 'صدای هیس'], ['اجاق*', 'گاز', 'لوله*', 'کپسول*']),
    ],
    break_in: [...pairs(STEPS, ROOMS), ...pairs(['قفل*', 'دستگیره*', 'در خونه*', 'در ورودی'], ['دستکاری*'])],
    violence: [
      ...pairs(
        ['همین الان', 'همین الآن'],
        pairs(['کیف*', 'گوشی*', 'موبایل*'], ['زدن', 'قاپیدن', 'دزدیدن', 'کشیدن', 'بردن']),
      ),
      ...pairs(['یارو', 'دزده', 'طرف'], ['هنوز .. وایساده', 'هنوز اینجاست', 'هنوز اونجاست', 'هنوز همینجاست']),
    ],
    trapped: pairs(INFANT, ['تو خونه تنها*', 'تنها تو خونه', 'تنها خوابه', 'تنها مونده']),
    medical: ['نفسش خرخر*', 'خرخر میکنه', 'خرخر می کنه'],
    suicide: ['بیدار نشم', 'بیدار نشوم', 'دیگه بیدار نشم', 'هیچوقت بیدار نشم', 'بخوابم و بیدار نشم'],
  },
  signs: {
    medical: ['جوابمو نمیده', 'جواب نمیده', 'جواب نمی ده', 'نشسته رو زمین', 'رو زمین نشسته'],
    missing: [
      'هیچ جا نیست',
      'هیچ جا نیستن',
      'اثری ازش نیست',
      'گفت نیومده',
      'میگه نیومده',
      'می گه نیومده',
      'کسی نمیدونه کجاست',
      'کسی نمی دونه کجاست',
      'هیچ کس نمیدونه کجاست',
      'هیچ کس نمی دانه کجاست',
      'ندیدتش',
      'ندیدنش',
      'تختش خالی*',
      'رختخوابش خالی*',
      'همه جا رو گشتیم',
      'همه جا رو گشتم',
      'همه جا رو گشتیم',
      'همه ی .. رو گشتیم',
      'کل .. رو گشتیم',
      'کل .. رو گشتم',
    ],
    gas: ['سرم چرخ میخوره', 'سرم چرخ می خوره', 'استفراغ کردم', 'بالا آوردم'],
  },
};

export const faLatinRecall: LexiconPart = {
  danger: {
    medical: [
      ...pairs(['hamele', 'hamle', 'bardar', 'baardar'], ['dardesh gerefte', 'dard dare', 'zayman']),
      'dard zayman',
      'dard e zayman',
    ],
    weapon: ['kolt', 'kolte', 'haft tir', 'haftir', 'tapanche', 'tapancheh'],
    missing: pairs(
      ['alzaimer', 'alzheimer*', 'alzhaimer', 'demans', 'demens*', 'faramooshi', 'faramushi'],
      [
        'takhtesh khali*',
        'dar baz',
        'rafte biroon',
        'rafte birun',
        'peydash nemikonim',
        'gom shode',
        'bedoone kapshan',
        'bi kapshan',
        'ba pijame',
      ],
    ),
    trapped: [
      ...pairs(
        ['pesare', 'dokhtare', 'pesaram', 'dokhtaram', 'bacham'],
        ['az too ghofl karde', 'az dakhel ghofl karde', 'ghofl karde'],
      ),
      ...pairs(['asansor', 'asansoor'], ['hava nist', 'nafas nemikesham', 'khafe misham']),
    ],
  },
  dangerUncertain: {
    explosion: ['sakhtemoon larzid', 'sakhtemun larzid', 'kole sakhtemoon larzid', 'divar soorakh*', 'divar surakh*'],
    gas: [
      ...pairs(['co'], ['neveshte', 'boogh', 'sedash', 'azhir']),
      ...pairs(['neveshte', 'minevise'], ['co']),
      ...pairs(
        ['bokhari', 'zoghal', 'manghal'],
        ['sargije', 'sar dard', 'sardard', 'halam bade', 'halemoon bade', 'estefragh'],
      ),
    ],
    trapped: ['az too ghofl karde', 'az dakhel ghofl karde', 'dar ro az too ghofl'],
    suicide: ['bidar nasham', 'bidar nashom', 'bidar nashavam', 'dige bidar nemisham', 'hargez bidar nasham'],
  },
  signs: {
    trapped: ['sedash nemiad', 'dige sedash nemiad', 'seda nemiad'],
    missing: ['takhtesh khali*'],
    gas: ['sar dard darim', 'halemoon bade', 'halam bade', 'sargije'],
  },
};
