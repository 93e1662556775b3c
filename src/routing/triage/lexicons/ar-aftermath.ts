/**
 * Arabic, in Arabic script and Arabizi: danger words in messages about the aftermath or about safety, not
 * about a danger now. Thanks for coming ("thanks for coming so fast last night"), what happened after an
 * event ("after the stabbing", "after what happened"), that night or a while ago, how to prevent a fire or
 * what to do in case of one, the fire door, the extinguisher and the emergency exit, and idioms in which
 * food, a match or a party "is fire", a head "explodes" or someone "bursts" with laughter.
 * `ar.ts` adds the forms with و ("and") glued to the first word.
 */
import { joined, pairs, type LexiconPart } from './phrases.ts';

/** "Thanks", and "you came / you helped": thanks for last night. */
const THANKS = ['شكرا', 'مشكورين', 'مشكور', 'يسلمو', 'ممنون', 'ممنونه', 'يعطيكم العافيه', 'الله يعطيكم العافيه'];
const YOU_CAME = [
  'اجيتو',
  'اجيتوا',
  'جيتو',
  'جيتوا',
  'اجيتون',
  'وصلتو',
  'وصلتوا',
  'ساعدتو*',
  'تدخلتو',
  'حليتو',
  'اجا',
  'اجت',
  'جا',
  'الحارس',
  'الحراس',
  'للحارس',
  'للحراس',
  'المناوب',
  'الدوريه',
  '*trygghetsjour*',
  '*jouren*',
];
/** Events a question asks about afterwards. */
const EVENT = [
  'حادث*',
  'الحادث*',
  '*الطعن*',
  'الطعنه',
  '*الضرب',
  '*الاعتداء',
  '*التحرش',
  '*المشكله',
  '*المشاجره',
  '*الشجار',
  '*السرقه',
];
/**
 * A victim's verb after "after" ("after he was stabbed"). Not "after there was smoke" or "after it caught
 * fire": tenants who fled write that while the fire still burns.
 */
const HAPPENED = ['انطعن', 'انطعنت', 'انضرب', 'انضربت', 'انسرق', 'انسرقت', 'كسرو', 'سرقو', 'طعنو', 'ضربو'];
/** Danger words prevention and "in case of" questions are about. */
const HAZARD = ['*حريق*', '*حرائق*', '*الحريق', '*انفجار*', '*غاز*', '*دخان*', '*نار', '*حرامي*', '*سرق*', '*كربون*'];
/** Things that "are fire" (great): food, a song, a party, a match. */
const GREAT = [
  'الاكله',
  'هالاكله',
  'الاكل',
  'هالاكل',
  'الطبخه',
  'هالطبخه',
  'الاغنيه',
  'هالاغنيه',
  'الحفله',
  'هالحفله',
  'السهره',
  'العرس',
  'الماتش',
  'هالماتش',
  'المباراه',
  'الفيلم',
  'الفلم',
  'الجو',
  'الصوره',
  'الفستان',
  'الاسعار',
];

export const arAftermath: LexiconPart = {
  past: [
    // thanks for last night: the danger is over
    ...pairs(THANKS, YOU_CAME),
    // after the stabbing, after what happened, that night, a while ago
    ...joined(['بعد', 'من بعد'], EVENT),
    ...joined(['بعد ما', 'بعدما', 'بعد اللي', 'بعد الي', 'بعد يلي'], HAPPENED),
    'بعد اللي صار',
    'بعد الي صار',
    'بعد يلي صار',
    'هديك الليله',
    'ذيك الليله',
    'تلك الليله',
    'هديك المره',
    'هداك اليوم',
    'ذاك اليوم',
    'ذلك اليوم',
    'قبل فتره',
    'من فتره',
    'قبل مده',
    'قبل زمان',
  ],
  // "after a fire broke out" may still be burning: recent, not over. The phrase also keeps `ما صار` ("did
  // not happen") from reading its ما, which only marks "after", as a negation of the fire.
  recentPast: ['بعد ما صار', 'بعد ما صارت', 'بعد ما حصل', 'بعد ما كان'],
  // "you came quickly": thanks, not "quickly!" said of a danger going on
  calm: joined(['اجيتو', 'اجيتوا', 'جيتو', 'جيتوا', 'وصلتو', 'وصلتوا', 'اجا', 'اجو', 'تدخلتو'], ['بسرعه']),
  notReal: [
    // how to prevent a fire, what to do in case of one
    ...pairs(
      [
        'نحمي حالنا من',
        'نحمي نفسنا من',
        'الوقايه من',
        'للوقايه من',
        'الحمايه من',
        'حمايه من',
        'لمنع',
        'نمنع',
        'لتجنب',
        'نتجنب',
        'قبل ما يصير',
        'لحتى ما يصير',
        'عشان ما يصير',
      ],
      HAZARD,
    ),
    // "in case of fire": right before the danger word, so "in a bad state from the smoke" is not one
    ...joined(['بحاله', 'في حاله', 'بحال', 'بحال صار', 'بحال في'], HAZARD),
    // idioms: the food is fire, the head explodes, bursting with laughter, "I die for you"
    ...joined(GREAT, ['نار', 'كان نار', 'كانت نار', 'قنبله', 'كانت قنبله', 'كان قنبله']),
    ...pairs(['راسي', 'دماغي', 'مخي'], ['*نفجر*', '*ينفجر', '*انفجر*']),
    ...pairs(['*نفجر*', '*انفجر*', 'فقعت', 'فطست', 'طقيت'], ['*ضحك*']),
    'بموت فيك',
    'بموت فيكي',
    'بموت عليك',
    'بموت عليها',
    'بموت عليه',
  ],
  information: [
    // safety equipment: the fire door, the extinguisher, the emergency exit, the evacuation plan
    'باب *حريق*',
    'باب الطوارئ',
    'بواب *حريق*',
    'طفايه *حريق*',
    'طفايات *حريق*',
    'مطفايه',
    'مخرج *حريق*',
    'مخرج الطوارئ',
    'سلم *حريق*',
    'درج *حريق*',
    'درج الطوارئ',
    'خطه *اخلاء*',
    'خطه الطوارئ',
    'bab el 7ari2',
    'tfaye*',
  ],
};

/** The same in Arabizi. */
export const arLatinAftermath: LexiconPart = {
  past: [
    ...pairs(
      ['shukran', 'shokran', 'merci', 'yeslamo', 'mashkoorin'],
      ['ejeto', 'jeto', 'ejetu', 'wsolto', 'sa3adto*', 'el 7ares'],
    ),
    ...joined(['ba3d ma', 'ba3d elli', 'ba3d yalli'], ['n6a3an', 'nta3an', 'ndarab', 'nsara2']),
    'ba3d elli sar',
    'ba3d yalli sar',
    'hadik el leile',
    'hadik el lele',
    'abel fatra',
    'abl fatra',
  ],
  notReal: [
    ...joined(['el akle', 'el 2akle', 'el 7afle', 'el match', 'el ghinniyye'], ['nar', 'kanet nar', 'kan nar']),
  ],
};
