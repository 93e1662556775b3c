/**
 * Arabic danger, second round, in Arabic script and Arabizi: ways of describing a danger that the first
 * round's words missed. Flames that spread and oil that caught fire; a blast told by its effects (a door
 * blown off, glass everywhere, the building shaking, a hole in the wall); a seizure, blue lips, a woman in
 * labour; a heater with dizziness or vomiting (carbon monoxide); locks being cut or doors forced now; a
 * stranger's footsteps inside; a robbery just now; a confused old man gone with his bed empty; a small child
 * who locked himself in; wanting to sleep and never wake up. Signs (a person lying, gunfire "tak tak tak",
 * an empty bed, no trace) count where nothing else places a message.
 */
import { joined, pairs, type LexiconPart } from './phrases.ts';

const FLAMES = ['النار', 'الحريق', 'اللهب', 'النيران'];
const SPREAD = ['وصلت', 'امتدت', 'كبرت', 'عم تكبر', 'عم تمتد', 'مسكت', 'زادت', 'طالعه لفوق'];
const HEATER = ['*صوبه*', '*صوبيا*', '*مدفا*', '*دفايه*', '*نفطيه*', '*فحم*', '*منقل*', 'كاز'];
const SICK = ['*دايخ*', '*دوخه*', 'داخ', 'دخت', 'داخت', '*استفرغ*', '*زوع*', '*غثيان*', 'وجع راس', '*صداع*'];
const CUTTING = ['عم يخلع', 'عم يخلعو', 'عم يكسر', 'عم يكسرو', 'عم يقص', 'عم يقصو'];
const LOCKS = ['*ابواب', 'الباب', '*اقفال', 'القفل', '*المخازن', 'الشبابيك', '*البسكليتات', '*الدراجات', 'السيارات'];
const STEPS = ['صوت خطوات', 'سامع خطوات', 'سامعه خطوات', 'صوت اجرين', 'صوت حدا ماشي'];
const ROOMS = ['*مطبخ*', '*الصالون', '*الصاله', 'غرفه النوم', 'غرفتي', 'جوا البيت', 'عندي بالبيت'];
const SMALL = ['ابني', 'بنتي', 'البيبي', 'الطفل', 'ابني الصغير', 'بنتي الصغيره', 'الولد', 'البنت'];

const KIDS_LATIN = ['ibni', 'ebni', 'binti', 'benti', 'bnayti', 'el walad', 'el bint', 'el tefl', 'el baby'];
const SELF_LOCKED = [
  'sakkar 3ala 7alo',
  'sakkar 3a 7alo',
  'sakkaret 3ala 7ala',
  'sakkaret 3a 7ala',
  '2afal 3ala 7alo',
  '2affal 3ala 7alo',
  '2afalet 3ala 7ala',
  'msakker 3ala 7alo',
];
const DEMENTIA_LATIN = ['kharaf', 'khrf', 'alzheimer*', 'alzhaimer*', 'zheimer', 'demens*', 'dementia'];

export const arRecall: LexiconPart = {
  danger: {
    fire: [...joined(FLAMES, SPREAD)],
    medical: [
      // labour in a lift or at home is 112
      ...pairs(['*حامل*'], ['*الطلق', 'عم تولد', 'رح تولد', 'بدها تولد']),
      'يجيها الطلق',
      'اجاها الطلق',
      'جاها الطلق',
      'عم يجيها الطلق',
      'بلش معها الطلق',
    ],
    break_in: pairs(CUTTING, LOCKS),
  },
  dangerUncertain: {
    explosion: [
      ...joined(
        ['الباب', 'باب البنايه', 'الشباك', 'الشبابيك', 'باب المدخل'],
        ['طار', 'طارت', 'طارو', 'انخلع من مكانه'],
      ),
      'زجاج بكل مكان',
      'قزاز بكل مكان',
      'القزاز بكل مكان',
      '*شظايا*',
      // the building shook (adjacent: a flat "shaking" with a neighbour's music is a disturbance)
      ...joined(
        ['البنايه', 'البيت', 'العماره', 'البنايه كلها', 'البيت كلو', 'العماره كلها'],
        ['اهتزت', 'اهتز', 'هزت', 'هز'],
      ),
      ...pairs(['هز', 'هزت', 'اهتزت'], ['البنايه', 'البيت', 'العماره']),
      ...pairs(['حفره', 'فتحه', 'فجوه'], ['بالحيط', 'بالجدار', 'بالحيطان']),
    ],
    gas: [...pairs(HEATER, SICK), ...pairs(SICK, HEATER)],
    break_in: [...pairs(STEPS, ROOMS), 'صوت تكسير', 'صوت تكسير عند', 'صوت كسر'],
    trapped: pairs(SMALL, ['جوا لحال*', 'لحال* جوا', 'لحال* بالبيت', 'نايم لحال*', 'نايمه لحال*']),
    // searched everywhere and no trace
    missing: pairs(
      ['دورت', 'دورنا', 'فتشت', 'فتشنا', 'درت', 'لفيت'],
      ['ما في اثر', 'وما في اثر', 'ما الو اثر', 'وما الو اثر', 'ما الها اثر', 'وما الها اثر'],
    ),
    suicide: pairs(
      ['بدي نام', 'بدي انام', 'ابي انام', 'ابغى انام', 'اريد ان انام', 'بس بدي نام'],
      ['ما فيق', 'ما افيق', 'ما اصحى', 'للابد', 'وما عاد اصحى'],
    ),
  },
  signs: {
    weapon: ['طق طق طق', 'تك تك تك', 'طاخ طاخ', 'الناس عم تركض', 'الناس عم تهرب'],
    missing: [
      'تختو فاضي',
      'تخته فاضي',
      'سريره فاضي',
      'سريرو فاضي',
      'ما في اثر',
      'ما الو اثر',
      'ما الها اثر',
      'دورنا بكل مكان',
      'دورت بكل مكان',
      'فتشنا كل مكان',
      'فتشت كل مكان',
    ],
    gas: ['داخ', 'دخت', 'داخت', 'داخ راسي', 'راسي دايخ', 'زوعت', 'استفرغت'],
    violence: pairs(
      ['الحرامي', 'الشب', 'الزلمه', 'الرجال', 'وهو'],
      ['لسا واقف', 'لسه واقف', 'بعدو هون', 'بعده هون', 'لسا هون', 'لسا برا'],
    ),
  },
};

export const arLatinRecall: LexiconPart = {
  danger: {
    fire: [
      // `walla3` folds to `wala` ("nor"): only after what catches fire
      ...joined(
        ['el zeit', 'el zet', 'el zayt', 'el ste2a', 'el starayer', 'el tanjara', 'el mekla'],
        ['walla3', 'walla3et', 'wel3et', 'wal3et', 'mwalla3', 'mwalla3a'],
      ),
      '3am te7ter2',
      'te7ter2*',
      'bte7ter2',
      ...joined(
        ['el nar'],
        ['wislet', 'wesslet', 'wislit', 'wa9let', 'wa9lat', 'kebret', 'kbret', '3am tekbar', 'zadet'],
      ),
    ],
    medical: [
      ...pairs(['raghwe', 'raghwa', 'rghwe', 'zabad'], ['tommo', 'tummo', 'temmo', 'fammo', 'fammu', 'timmo', 'tomo']),
      ...pairs(
        ['shfafo', 'shfafa', 'shfayfo', 'shafayfo', 'shfefo', 'shfayef', 'wejjo', 'wejha', 'lono', 'lawno', 'lona'],
        ['zor2', 'zar2a', 'zara2', 'azra2', 'zer2a', 'zar2'],
      ),
      'jaha el tal2',
      '3am tewled',
      'ra7 tewled',
    ],
    break_in: pairs(
      ['3am y2osso', '3am y2oss', 'y2osso', '3am yksaro', '3am ykassro', '3am ykasser', '3am ykhal3o'],
      ['el a2fal', 'a2fal', 'el 2efl', '2efl', 'el abwab', 'el bab', 'el sayyarat', 'el bisiklet*', 'el bisklet*'],
    ),
    missing: pairs(DEMENTIA_LATIN, [
      'ta5to fadi',
      'takhto fadi',
      'el bab maftou7',
      'mesh hon',
      'mish hon',
      'mu hon',
      'bijama',
      'pijama',
    ]),
    trapped: pairs(KIDS_LATIN, SELF_LOCKED),
  },
  dangerUncertain: {
    explosion: [
      'el binaye hazzet',
      'binaye hazzet',
      'hazzet el binaye',
      'el bet hazz',
      '7ofra bil 7e6*',
      '7ofra bel 7e6*',
      'fat7a bil 7e6*',
      '2zaz bi kol makan',
      'ezaz bi kol makan',
      'zjaj bi kol makan',
      '3am yfar2e3',
      '3am yfarge3',
    ],
    fire: ['sayer a7mar kollo', 'sar a7mar kollo'],
    violence: pairs(
      ['sara2oli', 'sara2ouli', 'sar2oli', 'sara2uli', 'sara2ouni', 'shala7ouni', 'shal7ouni', 'nashalo'],
      ['hala2', 'halla2', 'hassa', 'abl shway', 'mn shway', '2abel shway'],
    ),
    break_in: pairs(
      ['sam3a khatawat', 'sam3an khatawat', 'sam3a 5atawat', 'sot khatawat', 'sot 5atawat', 'sot ejrein'],
      ['ma6ba5', 'ma6bakh', 'matbakh', 'matba5', 'el salon', 'ghorfet el nom', 'ghorfti', 'jowwa el bet'],
    ),
    trapped: [
      'm2affal 3ale*',
      'm2afal 3ale*',
      'me2fal 3ale*',
      'ma2foul 3ale*',
      'msakkar 3ale*',
      'msakar 3ale*',
      ...SELF_LOCKED,
    ],
    suicide: pairs(
      ['baddi nam', 'bidi nam', 'baddi naam', 'abi anam', 'baddi anam'],
      ['ma fi2', 'ma efi2', 'ma 2fi2', 'ma es7a', 'ma as7a', 'abadan', 'lal abad', 'la2abad'],
    ),
  },
  signs: {
    weapon: ['tak tak tak', 'ta2 ta2 ta2', 'tag tag tag', 'el nas 3am trkod', 'el nas 3am tehrab'],
    medical: [
      ...pairs(['fi wa7ad', 'fi wa7ed', 'fi 7ada'], ['wa2e3', 'wa23a', 'wa2i3', 'ma2leb', 'mamdoud']),
      '3am yirtijef',
      '3am yertjef',
      '3am yerjof',
      '3am yerjef',
      'mtshannej',
      'metshannej',
    ],
    missing: ['ta5to fadi', 'takhto fadi', 'sareero fadi'],
    trapped: ['ma fi ayy sot', 'ma fi sot', 'sar hidi', '9otha sar da3eef', 'sotha sar da3eef'],
    violence: pairs(
      ['huwwe', 'howe', 'el 7arami', 'el shab', 'el zalame'],
      ['lessa wa2ef', 'lessa honik', 'ba3do hon', 'lessa hon'],
    ),
  },
};
