// Arabic and Persian rules, in their own script and romanised (Arabizi, Finglish): the new danger kinds
// (missing, trapped), indirect suicidal talk, injury and helplessness, immediacy, idioms, past events,
// what-if questions and the everyday categories. Sentences written for these tests, not taken from the corpus.
import { describe, expect, it } from 'vitest';
import { compileLexicons } from '../../src/routing/triage/compile.ts';
import { triage } from '../../src/routing/triage/index.ts';
import { lexicon as ar } from '../../src/routing/triage/lexicons/ar.ts';
import { lexicon as fa } from '../../src/routing/triage/lexicons/fa.ts';
import { type CategoryRow, type DangerRow, expectCategory, expectDanger, RULES } from './triage-helpers.ts';

const arDanger: DangerRow[] = [
  // missing: a child, a confused elderly person
  ['ابني ما رجع من المدرسة لهلق', 'missing', false],
  ['بنتي ضاعت بالسوق ومش لاقيينها', 'missing', false],
  ['جدي عنده زهايمر وطلع من البيت بالليل', 'missing', false],
  ['ebni ma raja3 mn el madrase w sar el lel', 'missing', false],
  ['wen binti?? kanet 3am tel3ab 2uddam el beit', 'missing', true],
  // trapped: a small child locked in, a child alone in a stuck lift
  ['ابني الصغير قفل على حاله بالحمام وما عم يفتح', 'trapped', false],
  ['المصعد وقف وابني جوا لحالو', 'trapped', false],
  ['bnayti m7bouse bel 7ammam w ma 3am tred', 'trapped', false],
  ['el mis3ad we2ef w ibni jowwa', 'trapped', true],
  // indirect suicidal talk: not waking up, better off without me, a farewell letter, giving things away
  ['ما بدي اصحى بكرا الصبح', 'suicide', true],
  ['الكل رح يكون احسن بدوني', 'suicide', true],
  ['كتبت رسالة وداع وحطيتها عالطاولة', 'suicide', true],
  ['وزعت كل اغراضي عالجيران', 'suicide', true],
  ['ma baddi es7a bokra', 'suicide', true],
  ['baddi a2tol 7ali', 'suicide', false],
  // carbon monoxide alarm
  ['جهاز اول اكسيد الكربون عم يزمر والكل دايخ', 'gas', false],
  ['el co 3am yzammer bel oda', 'gas', false],
  // injury and helplessness in many words
  ['جارتنا ما شفناها من خمس ايام والجرايد متكومة قدام بابها', 'medical', true],
  ['امي وقعت بالمطبخ وما فيها تقوم', 'medical', true],
  ['ابوي عنده وجع قوي بصدره', 'medical', false],
  ['شفايف الولد صارت زرقا', 'medical', false],
  ['fi dam ktir 3al ard w ma 3am yet7arrak', 'medical', false],
  // immediacy: robbed just now, the robbers still there
  ['سرقوا موبايلي هلق والحرامي لسا واقف برا', 'violence', true],
  ['shala7uni hala2 3and el mawqef', 'violence', true],
  // someone trying door handles, cutting bike locks
  ['في شب عم يجرب ابواب الشقق بالدرج', 'break_in', true],
  ['اتنين عم يقصو اقفال البسكليتات بالقبو', 'break_in', false],
  // fireworks fired at windows
  ['الشباب عم يرمو مفرقعات عالشبابيك', 'weapon', false],
  // an ex who threatens to kill and is on the way
  ['طليقي بعتلي انو جاي وبدو يقتلني', 'violence', false],
  ['el ex taba3i 3am yhadedni w jaye', 'violence', false],
  // Arabizi fire, knife, gas
  ['el matba5 3am ye7ter2 w el dukhan ktir', 'fire', false],
  ['fi wa7ed ma3o sekkine 3al daraj', 'weapon', false],
  ['fi ri7et ghaz 2awiye bel mamar', 'gas', false],
];

const faDanger: DangerRow[] = [
  ['پسرم از مدرسه برنگشته و گوشیش خاموشه', 'missing', false],
  ['پدربزرگم آلزایمر داره و رفته بیرون', 'missing', false],
  ['dokhtaram gom shode', 'missing', false],
  ['بچم تو حموم گیر افتاده', 'trapped', false],
  ['bacham too asansor gir karde', 'trapped', false],
  ['نمیخوام فردا بیدار شم', 'suicide', true],
  ['همه بدون من راحت ترن', 'suicide', true],
  ['یه نامه خداحافظی نوشتم', 'suicide', true],
  ['mikham khodamo bekosham', 'suicide', false],
  ['شوهرم درد شدید تو سینه ش داره', 'medical', false],
  ['همسایه پیرمون سه روزه بیرون نیومده و نامه ها پشت در تلنبار شده', 'medical', true],
  ['بابام افتاده نمیتونه بلند شه', 'medical', true],
  ['babam nafas nemikeshe', 'medical', false],
  ['یه نفر داره قفل دوچرخه ها رو میبره', 'break_in', false],
  ['یکی دستگیره ی درها رو امتحان میکنه', 'break_in', true],
  ['بچه ها ترقه پرت میکنن سمت پنجره ها', 'weapon', false],
  ['شوهر سابقم پیام داده داره میاد منو میکشه', 'violence', false],
  ['khoone atish gerefte', 'fire', false],
  ['booye gaz miad too rahpele', 'gas', false],
  ['ye mard ba chaghoo too koocheh', 'weapon', false],
];

/** Idioms, past events, what-if questions, news and toys: not emergencies. */
const calm: CategoryRow[] = [
  ['جاري عم يحرق اعصابي كل ليلة بالدق', 'disturbance'],
  ['انا على نار بستنى جوابكن عن الايجار', 'information'],
  ['اذا صار حريق بالبناية شو لازم نعمل؟', 'information'],
  ['سرقوا البسكليت من المخزن الاسبوع الماضي', 'crime_over'],
  ['بعد الحريق اللي صار بالقبو ليش لسا ما صلحتو الباب؟', 'unknown'],
  ['قريت بالجريدة عن اطلاق نار بالحي، شو الاجراءات؟', 'information'],
  ['المسدس البلاستيك تبع ابني علق بالشفاط وصار يعمل صوت', 'minor_fault'],
  ['ما في حدا مجروح بس الجيران عم يصرخو', 'disturbance'],
  ['iza sar 7ari2 bel beneye shu a7san shi?', 'support'],
  ['پارسال تو انباری آتیش سوزی شد، دوربین دارید؟', 'information'],
  ['پام رو آتیشه، کرایه رو کی باید بدم؟', 'information'],
  ['دلم براش میسوزه، هیچکس بهش سر نمیزنه', 'support'],
  ['اگه آتیش سوزی بشه باید چیکار کنیم؟', 'information'],
  ['تفنگ آبپاش بچه ها تو حیاط جا مونده', 'unknown'],
  ['پنکیک ها سوخت و آژیر زد، پنجره رو باز کردم ساکت شد', 'minor_fault'],
];

const categories: CategoryRow[] = [
  ['الجيران عاملين حفلة والصوت عالي كتير', 'disturbance'],
  ['el jeeran 3am yesma3o musi2a 3al 3ali', 'disturbance'],
  ['الماية بتنزل من السقف عالارض', 'urgent_fault'],
  ['النور قاطع بالشقة كلها', 'urgent_fault'],
  ['ma fi ka7raba bel beit kello', 'urgent_fault'],
  ['نسيت المفتاح جوا والباب تسكر وراي', 'urgent_fault'],
  ['الحنفية عم تنقط طول الليل', 'minor_fault'],
  ['انا عايش لحالي وبدي حدا احكي معه', 'support'],
  ['ana wa7dani w badde 7ada y7ke ma3e', 'support'],
  ['7ada sara2 el bisklet embare7', 'crime_over'],
  ['emta lazem edfa3 el ijar?', 'information'],
  ['برق کل خونه رفته', 'urgent_fault'],
  ['bargh rafte va yakhchal khamooshe', 'urgent_fault'],
  ['kelidam too khoone moonde', 'urgent_fault'],
  ['شیر آب چکه میکنه', 'minor_fault'],
  ['hamsaye ha mehmooni daran, ahang kheili boland', 'disturbance'],
  ['یکی دیروز دوچرخمو دزدید', 'crime_over'],
  ['ejare ro kei bayad bedam?', 'information'],
];

describe('Arabic and Arabizi danger', () => {
  it.each(arDanger)('%s → %s (uncertain: %s)', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe('Persian and Finglish danger', () => {
  it.each(faDanger)('%s → %s (uncertain: %s)', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe('idioms, past events, what-if questions and toys are not emergencies', () => {
  it.each(calm)('%s → %s', (text, category) => {
    expectCategory(text, category);
  });
});

describe('Arabic and Persian everyday categories', () => {
  it.each(categories)('%s → %s', (text, category) => {
    expectCategory(text, category);
  });
});

describe('romanised entries leave other languages alone', () => {
  it.each([
    // Turkish "hariç" (except) and Somali "harin" once matched an Arabizi `7ari2*` (fire)
    ['Kapıcı hariç herkes gitti, asansör hâlâ bozuk'],
    ['hadda wax kale ma harin'],
    // Polish "daję" once matched an Arabizi noise word
    ['Nie daję rady z zakupami, czy jest pomoc domowa?'],
  ])('%s is no emergency and no disturbance', (text) => {
    const t = triage(text, RULES);
    expect(t.category).not.toBe('acute_danger');
    expect(t.category).not.toBe('disturbance');
  });

  it('leaves a Swedish typo readable (a short Finglish stem once hid it)', () => {
    // `khodkoshi kon*` made "kontakt" a known word, so it was no longer read as a typo of "kontakta". The
    // Swedish lexicon now places the whole phrase ("få kontakt med"); no Persian entry may take part.
    const t = triage('kan ni hjälpa mig få kontakt med nån', RULES);
    expect(t.category).toBe('support');
    expect(t.matches.filter((m) => m.lang === 'fa')).toEqual([]);
  });
});

describe('folding pitfalls in Arabic and Persian entries', () => {
  it('reads a plug sparking next to the TV as a fire (the TV is not a news cue)', () => {
    expectDanger('الفيشة اللي جنب التلفزيون عم تطلع شرار وفي ريحة حريق', 'fire', false);
  });

  it('does not read "listening" as poisoning (تسمم folds to تسم)', () => {
    expect(triage('الجيران عم تسمع موسيقى عالية', RULES).danger).toBeNull();
  });

  it('does not read "drops" as cats (قطط folds to قط)', () => {
    expect(triage('شفت نقط عالحيط', RULES).category).not.toBe('information');
  });

  it('does not read the Arabic "listen" as the Persian "asthma" (آسم folds to اسم)', () => {
    expect(triage('اسمعني يا جاري', RULES).category).not.toBe('acute_danger');
  });
});

describe('cues stay conservative: a wrong cue would hide danger', () => {
  it.each<DangerRow>([
    // reading the newspaper when the gas smell came: "newspaper" is no news cue by itself
    ['كنت عم اقرا الجريدة لما شميت ريحة غاز بالمطبخ', 'gas', false],
    // "exam tomorrow" is no drill
    ['عندي اختبار بكرا وفي حريق بالبناية', 'fire', false],
    // "for two weeks" is no past time: the threat goes on
    ['الشب عم يهددني من اسبوعين', 'violence', false],
    // "about" is no story cue: calling about a gas smell
    ['زنگ میزنم درباره بوی گاز تو راه پله', 'gas', false],
  ])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });

  it('matches a phrase with و ("and") glued to its first word', () => {
    expectDanger('جارنا كبير بالعمر وما شفناه من اربع ايام', 'medical', true);
  });
});

describe('the Arabic and Persian lexicons compile cleanly', () => {
  it.each([ar, fa])('$lang compiles without warnings (spellings that fold alike are joined)', (lexicon) => {
    expect(compileLexicons([lexicon]).warnings).toEqual([]);
  });
});
