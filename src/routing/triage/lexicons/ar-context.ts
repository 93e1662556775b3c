/**
 * Arabic context, in Arabic script: what keeps a danger word from being an emergency now. Events that are
 * over ("what became of the man who…", "last …"), what-if questions about lifts and alarms, toys, idioms of
 * heat, hunger or boredom that "kill", a cooking alarm that went quiet, "now it is calm" in its common forms,
 * and questions about which number to call. `ar.ts` adds the forms with و ("and") glued to the first word.
 * Every entry here either holds the danger word it explains or is a cue the engine weighs by sentence, so
 * none of them can hide a danger word standing elsewhere in the message.
 */
import { joined, pairs, type LexiconPart } from './phrases.ts';

/** "Now", as the dialects say it. */
export const NOW = ['الان', 'الحين', 'هلق', 'هلا', 'هسه', 'هسا', 'هسع', 'دلوقتي', 'حاليا'];

/** What follows "now" when all is calm again ("now the situation is calm", "now everything is fine"). */
const CALM_STATES = [
  ...joined(['الوضع', 'الجو'], ['هادي', 'هادئ', 'تمام', 'منيح', 'طبيعي', 'مستقر', 'امان', 'بخير', 'زين', 'اوكي']),
  ...joined(
    ['كل شي', 'كلشي', 'كل شيء', 'كلو', 'كله', 'كلها'],
    ['هادي', 'تمام', 'منيح', 'بخير', 'زين', 'طبيعي', 'اوكي', 'خلص', 'انتهى', 'مضبوط'],
  ),
  ...joined(['الامور', 'الدنيا'], ['هاديه', 'هادئه', 'تمام', 'طبيعيه', 'بخير', 'منيحه', 'زينه', 'مستقره']),
  'هادي',
  'هاديه',
  'بامان',
  'في امان',
  'ما في شي',
  'مافي شي',
  'ما في خطر',
  'مافي خطر',
  'لا يوجد خطر',
  'ما في اي خطر',
  'ماكو شي',
  'ماكو خطر',
  'هدي الوضع',
  'هدا الوضع',
  'هديت الامور',
  'هدات الامور',
  'انتهى كل شي',
  'خلص كل شي',
  'انطفت',
  'انطفى',
  'انطفا',
  'طفيت',
  'طفوها',
  'سكت الانذار',
  'سكت الجهاز',
  'وقف الانذار',
  'وقف الصوت',
];
/** The same said the other way round: "the situation is calm now". */
const CALM_FIRST = [
  ...joined(['الوضع', 'الجو'], ['هادي', 'هادئ', 'تمام', 'منيح', 'طبيعي', 'مستقر', 'امان']),
  ...joined(['كل شي', 'كلشي', 'كل شيء', 'كلو', 'كله'], ['هادي', 'تمام', 'منيح', 'بخير', 'زين']),
  ...joined(['الامور'], ['هاديه', 'تمام', 'طبيعيه', 'بخير']),
  'هادي',
  'هاديه',
];
/** "Now I cannot sleep": a feeling after a film or a fright, not the danger going on. */
const NO_SLEEP = [
  ...joined(
    ['ما عم اعرف', 'ما فيني', 'ما قادر', 'مش قادر', 'مو قادر', 'ما اقدر', 'ما بقدر', 'ما قدرت', 'خايف', 'خايفه'],
    ['نام', 'انام'],
  ),
  'ما عم نام',
  'ما عم يجيني نوم',
  'ما جاني نوم',
  'ما عم ينام',
];
/** "Now they are dancing / singing / celebrating": the noise was a party. */
const PARTYING = ['عم يرقص*', 'عم يغن*', 'عم يحتفل*', 'عم يضحك*', 'عم يعيد*'];

/** Harmless things that "kill" or "burn": heat, hunger, boredom, laughter, work. */
const KILLERS = [
  'الشوب',
  'هالشوب',
  'شوب',
  'الحر',
  'هالحر',
  'الحراره',
  'البرد',
  'هالبرد',
  'الجوع',
  'الملل',
  'الطفش',
  'الزهق',
  'الضحك',
  'الصداع',
  'هالصداع',
  'الدوام',
  'هالدوام',
  'الشغل',
  'هالشغل',
  'الدراسه',
  'الامتحانات',
  'الزحمه',
  'الانتظار',
  'الرطوبه',
  'الغلا',
  'الاسعار',
  'الفواتير',
  'الايجار',
  'التعب',
  'النعس',
  'الشوق',
];
const KILLS = ['*موتني', '*موتنا', '*قتلني', '*قتلنا', '*ذبحني', '*ذبحنا', '*هلكني', '*فطسني'];
/** "I'm dying of hunger", "I died laughing". */
const OF_WHAT = joined(
  ['من'],
  ['الجوع', 'الضحك', 'الملل', 'الحر', 'الشوب', 'البرد', 'التعب', 'النعس', 'الزهق', 'الطفش', 'العطش'],
);

/** "If", "God forbid", "what if", before the danger they ask about. */
const IF = [
  'لا سمح الله',
  'اذا لا سمح الله',
  'لو لا سمح الله',
  'لو حدا',
  'اذا صار في',
  'لو صار في',
  'اذا ابني',
  'لو ابني',
  'اذا بنتي',
  'لو بنتي',
  'اذا الولاد',
  'لو الولاد',
  'اذا ولادي',
  'لو ولادي',
  'اذا علق',
  'لو علق',
  'اذا علقت',
  'لو علقت',
  'اذا وقف',
  'لو وقف',
  'اذا صفر',
  'لو صفر',
  'اذا زمر',
  'لو زمر',
  'اذا رن',
  'لو رن',
  'شو لازم نعمل اذا',
  'شو بصير اذا',
  'شو بيصير اذا',
  'شو بيصير لو',
  'ماذا يحدث اذا',
  'ماذا يحدث لو',
];
/** What the new "if" cues may be said of: lifts, alarms, and what the first round already listed. */
const IF_WHAT = [
  '*مصعد*',
  '*مصاعد*',
  '*اسانسير*',
  '*اسانسر*',
  '*جهاز* اول اكسيد *الكربون',
  'اول اكسيد *الكربون',
  '*اكسيد* *الكربون',
  '*جهاز* *الكربون',
  '*جهاز* *الحريق',
  '*جهاز* *الدخان',
  '*انذار* *الحريق',
  '*حريق*',
  '*حرائق*',
  '*انفجار*',
  '*غاز*',
  '*دخان*',
  '*سكين*',
  '*سلاح*',
  '*مسدس*',
  '*نار',
  '*حرامي*',
  '*تسرب*',
];

/** Water, in the forms a water pistol is named with. */
const WATER = [
  'المي',
  'مي',
  'بالمي',
  'الماي',
  'ماي',
  'المويه',
  'مويه',
  'الميه',
  'ميه',
  'المايه',
  'مايه',
  'الماء',
  'ماء',
];
/** Toy words after a weapon word. */
const TOY = ['*بلاستيك*', '*لعبه', '*العاب', 'لعب', '*خرز*', '*فلين*', 'نيرف', '*nerf*'];

/** Food that burns in a pan and sets an alarm off. */
const FOOD = [
  'الاكل',
  'اكل',
  'اكلي',
  'البيض',
  'بيض',
  'البيضه',
  'الطبخه',
  'الطبخ',
  'الطبيخ',
  '*فطاير',
  '*فطيره',
  'الخبز',
  'خبز',
  'العيش',
  'الرز',
  'رز',
  'الارز',
  'البطاطا',
  'اللحم',
  'اللحمه',
  'التوست',
  'توست',
  'الكيك*',
  'كيك*',
  'القهوه',
  'البيتزا',
  'بيتزا',
  'العجه',
  'القلي',
];
const BURNT = ['حرقت', 'احترق', 'احترقت', 'انحرق', 'انحرقت', 'اتحرق', 'اتحرقت', 'شاط', 'شاطت', 'حرقنا'];

export const arContext: LexiconPart = {
  past: [
    // "What became of the man who was stabbed?": a question about something that is over.
    ...joined(['شو صار', 'ايش صار', 'وش صار', 'شو طلع', 'ماذا حدث', 'ماذا حصل', 'شو صار مع'], ['بال*', 'بهال*']),
    ...joined(['شو صار', 'ايش صار', 'وش صار', 'ماذا حدث', 'ماذا حصل'], ['مع', 'لل*', 'بهاد*', 'بهيد*', 'بهاي']),
    'اللي فاتت',
    'الي فات',
    'الي فاتت',
    'يلي فات',
    'يلي فاتت',
    'البارح',
    'اول البارحه',
    'يوم امس',
    'امس الاول',
  ],
  calm: [
    ...joined(NOW, CALM_STATES),
    ...joined(CALM_FIRST, NOW),
    ...joined(NOW, NO_SLEEP),
    ...joined(NOW, PARTYING),
    ...joined(NOW, ['سكت', 'سكتت']),
  ],
  notReal: [
    ...pairs(IF, IF_WHAT),
    ...joined(['*مسدس*', '*رشاش*', '*بندقي*', '*فرد'], WATER),
    ...joined(['*مسدس*', '*سلاح*', '*سكين*', '*سيف*', '*بندقي*', '*رشاش*', '*قنبل*'], TOY),
    ...pairs(KILLERS, [...KILLS, 'يموت*', 'تموت*']),
    ...pairs(KILLS, KILLERS),
    ...pairs(KILLS, OF_WHAT),
    ...pairs(['هموت', 'رح موت', 'راح اموت', 'بموت', 'متت', 'مت', 'رح اموت'], OF_WHAT),
    // "in a dream", "in a game", "in a series"
    'في حلم',
    'بالحلم',
    'في الحلم',
    'بحلمي',
  ],
  dangerUncertain: {
    // The fire alarm ("the fire device") is an alarm, not a fire: it beeps for a battery or burnt food.
    fire: ['جهاز *حريق*', 'جهاز انذار *حريق*', 'جهاز الانذار', 'كاشف *حريق*', 'حساس *حريق*'],
  },
  minorFault: [
    ...joined(BURNT, FOOD),
    ...joined(FOOD, ['احترق', 'احترقت', 'انحرق', 'انحرقت', 'اتحرق', 'اتحرقت', 'شاط', 'شاطت']),
    // A door that slams "like a shot" every time is a door closer to adjust.
    ...joined(['يتسكر', 'بيتسكر', 'يسكر', 'بيسكر', 'تتسكر', 'بتتسكر', 'يتقفل', 'بيتقفل'], ['بصوت*', 'بقوه']),
    'ينصفق',
    'بينصفق',
    'يتصفق',
    'بيتصفق',
  ],
  information: [
    // "Should we call 112 or you?" asks which number; it says nothing about danger.
    '*112 ولا',
    'ولا *112',
    '*112 او',
    'او *112',
    'ولا على *112',
    'او على *112',
    'صيانه غاز*',
    'صيانه الغاز',
    'صيانه *غاز الطبخ',
    'فحص الغاز',
    'فحص غاز*',
  ],
  support: [
    // Letters and debts from authorities piling up: the tenant's paperwork, not a neighbour's post.
    ...pairs(['*ديون*', '*فواتير*'], ['*متراكم*']),
    ...pairs(['*ديون*', '*فواتير*', '*رسايل*', '*رسائل*', '*مكاتيب*'], ['*kronofogden*', 'skatteverket*']),
    ...pairs(['*ديون*', '*فواتير*'], pairs(['*رسايل*', '*رسائل*', '*مكاتيب*'], ['*متراكم*'])),
  ],
  disturbance: [
    // `*شتم*` also sat inside the Persian "داشتم" (I had) and "گشتم" (I searched): Arabic forms only.
    'شتم*',
    'يشتم*',
    'بيشتم*',
    'تشتم*',
    'بتشتم*',
    '*شتمني',
    '*شتمنا',
    '*شتمتني',
    'شتايم',
  ],
  markers: ['حلو', 'حلوه', 'الحلوه', 'تقبرني', 'تقبريني', 'يسلمو'],
};
