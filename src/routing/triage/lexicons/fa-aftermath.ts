/**
 * Persian, in Persian script and Finglish: danger words in messages about the aftermath or about safety, not
 * about a danger now. Thanks for coming ("thanks for coming so fast last night"), what happened after an
 * event ("after that incident"), that night, how to prevent a fire or what to do in case of one, the
 * extinguisher, the fire door and the emergency exit, and idioms in which food or a party "is fire", a head
 * "explodes" or a phone "died".
 */
import { joined, pairs, type LexiconPart } from './phrases.ts';

const THANKS = ['مرسی', 'ممنون', 'ممنونم', 'متشکرم', 'متشکریم', 'سپاس', 'دستتون درد نکنه', 'دستت درد نکنه', 'تشکر'];
const YOU_CAME = [
  'اومدید',
  'اومدین',
  'آمدید',
  'اومد',
  'اومدن',
  'رسیدید',
  'رسیدین',
  'کمک کردید',
  'کمک کردین',
  'نگهبان*',
  '*trygghetsjour*',
  '*jouren*',
];
const HAZARD = ['*آتش*', '*آتیش*', '*حریق*', 'دود', 'گاز', 'بوی گاز', '*انفجار*', '*مونوکسید*', 'دزد*', '*دزدی*'];
/** Things that "are fire" (great): food, a song, a party. */
const GREAT = [
  'این غذا',
  'غذا',
  'غذاش',
  'غذاشون',
  'این آهنگ',
  'آهنگش',
  'مهمونی',
  'جشن',
  'عروسی',
  'بازیش',
  'فیلمش',
  'کنسرت',
];

export const faAftermath: LexiconPart = {
  past: [
    // thanks for last night: the danger is over
    ...pairs(THANKS, YOU_CAME),
    ...joined(['بعد از', 'بعد'], ['اون اتفاق', 'آن اتفاق', 'اتفاق', 'ماجرا', 'اون ماجرا', 'حادثه', 'اون حادثه']),
    ...pairs(['بعد از اینکه', 'بعد اینکه'], ['چاقو خورد', 'کتک خورد', 'زخمی شد', 'تیر خورد', 'زدنش', 'دزدیدن']),
    'اون شب که',
    'اون روز که',
    'آن شب که',
    'آن روز که',
  ],
  // "after it caught fire" may still be burning: recent, not over
  recentPast: ['بعد از اینکه', 'بعد اینکه'],
  calm: joined(['حالا', 'الان'], ['میترسه', 'می ترسه', 'میترسم', 'می ترسم', 'میترسن', 'می ترسن', 'ترسیده', 'ترسیدن']),
  notReal: [
    // how to prevent a fire, what to do in case of one
    ...pairs(['جلوگیری از', 'پیشگیری از', 'در برابر', 'ایمنی در برابر', 'محافظت در برابر'], HAZARD),
    ...joined(['در صورت', 'در صورت بروز'], HAZARD),
    // idioms: the food is fire, the head explodes, the phone died
    ...joined(GREAT, ['آتیشه', 'آتیش بود', 'بمب بود', 'بمبه', 'ترکوند']),
    ...pairs(['سرم', 'مغزم', 'کلم'], ['میترکه', 'می ترکه', 'منفجر میشه', 'منفجر می شه', 'داره منفجر']),
    ...pairs(['از خنده', 'از خوشحالی', 'از ذوق'], ['منفجر شدم', 'منفجر شدیم', 'ترکیدم', 'پوکیدم']),
    ...joined(['گوشیم', 'گوشی', 'باتریم', 'باتری گوشیم', 'باتری', 'لپ تاپم', 'ماشینم'], ['مرد', 'مرده', 'مُرد']),
  ],
  information: [
    // safety equipment: the extinguisher, the fire door, the emergency exit, the evacuation plan
    'کپسول آتش*',
    'کپسول آتیش*',
    'کپسول آتش نشانی',
    'کپسول آتیش نشانی',
    'کپسول اطفا*',
    'در ضد حریق',
    'در ضد آتش',
    'درب ضد حریق',
    'درب ضد آتش',
    'پله فرار',
    'پله اضطراری',
    'خروج اضطراری',
    'نقشه تخلیه',
  ],
};

/** The same in Finglish. */
export const faLatinAftermath: LexiconPart = {
  past: [
    ...pairs(
      ['merci', 'mersi', 'mamnoon', 'mamnun', 'motshakeram'],
      ['oomadid', 'oomadin', 'omadid', 'amadid', 'residid'],
    ),
    ...joined(['baad az', 'bad az'], ['oon etefagh', 'etefagh', 'majara', 'hadese']),
  ],
  notReal: [
    ...joined(['ghaza', 'ghazash', 'mehmooni', 'jashn', 'ahangesh'], ['atishe', 'atish bood', 'bomb bood']),
    ...joined(['gooshim', 'goshim', 'batrim'], ['mord', 'morde']),
  ],
};
