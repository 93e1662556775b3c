// Triage in Arabic, Persian, Somali, Polish, Bosnian/Croatian/Serbian and Turkish, written from domain.md:
// danger first, as natives write it in a hurry (no diacritics, colloquial forms, capitals), near-misses
// that must not be emergencies, Arabic everyday categories, and language detection.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/routing/triage/detect-language.ts';
import { triage } from '../../src/routing/triage/index.ts';
import type { Lang } from '../../src/routing/types.ts';
import { type CategoryRow, type DangerRow, expectCategory, expectDanger } from './triage-helpers.ts';

/** A near-miss: the category it must get, and a danger word that must be listed as discounted. */
type NearMissRow = CategoryRow;

function expectNearMiss(text: string, category: NearMissRow[1]): void {
  const t = expectCategory(text, category);
  expect(t.discounted.length, JSON.stringify(t.matches)).toBeGreaterThan(0);
}

const dangerRows: Record<Exclude<Lang, 'sv' | 'en'>, DangerRow[]> = {
  ar: [
    ['في حريق بالبناية!!', 'fire', false],
    ['الحقوني البيت عم يحترق', 'fire', false],
    ['النار ولعت بالمطبخ', 'fire', false],
    ['الدرج كله دخان وما منقدر نطلع', 'fire', false],
    ['صار انفجار قوي بالقبو', 'explosion', false],
    ['في واحد معه مسدس قدام البناية', 'weapon', false],
    ['عم يطلقوا النار بالشارع', 'weapon', false],
    ['طعنوا شب تحت البيت', 'violence', false],
    ['جاري عم يضرب مرته وهي عم تصرخ', 'violence', false],
    ['رجل يهددني بالقتل الان', 'violence', false],
    ['في حرامي بالبيت هلق', 'break_in', false],
    ['حدا عم يكسر الباب', 'break_in', false],
    ['جارتي مغمى عليها وما عم تتنفس', 'medical', false],
    ['ابني ما بيتنفس', 'medical', false],
    ['ينزف كثير اطلبوا الاسعاف', 'medical', false],
    ['ابي جاته جلطة', 'medical', false],
    ['اخوي بلع حبوب كثير', 'medical', false],
    ['في ريحة غاز قوية بالمطبخ', 'gas', false],
    ['اشم ريحه غاز بالدرج', 'gas', false],
    ['بدي اقتل حالي', 'suicide', false],
    ['ما بدي عيش بعد اليوم', 'suicide', false],
    ['أريد أن أنهي حياتي', 'suicide', false],
    ['افكر بالانتحار', 'suicide', false],
    // No power, or nobody at home, and smoke: the negation belongs to something else.
    ['ما في كهربا والدخان طالع من الفيوزات', 'fire', false],
    ['ما في حدا بالبيت والدخان طالع', 'fire', false],
    // Possible danger: 112 and ask.
    ['انذار الحريق عم يرن بالدرج', 'fire', true],
    ['حدا عم يحاول يفتح باب بيتي', 'break_in', true],
    ['في عركة قدام البناية', 'violence', true],
  ],
  fa: [
    ['آتش سوزی تو ساختمون ما', 'fire', false],
    ['آشپزخونه آتیش گرفته کمک کنید', 'fire', false],
    ['راه پله پر از دود شده', 'fire', false],
    ['یه انفجار تو زیرزمین شد', 'explosion', false],
    ['یه مرد با چاقو جلوی در ایستاده', 'weapon', false],
    ['صدای تیراندازی میاد', 'weapon', false],
    ['شوهرم داره منو میزنه', 'violence', false],
    ['دزد اومده تو خونه', 'break_in', false],
    ['مادرم بیهوش شده', 'medical', false],
    ['نفس نمیکشه', 'medical', false],
    ['بوی گاز میاد', 'gas', false],
    ['میخوام خودمو بکشم', 'suicide', false],
    ['می‌خواهم بمیرم', 'suicide', false],
    ['کسی خونه نیست دود میاد', 'fire', false],
  ],
  so: [
    ['dab ayaa ka kacay guriga', 'fire', false],
    ['guriga deriska wuu gubanayaa', 'fire', false],
    ['qarax ayaa ka dhacay dhismaha', 'explosion', false],
    ['nin qori sita ayaa albaabka joogo', 'weapon', false],
    ['ninkeyga ayaa i garaacaya', 'violence', false],
    ['tuug baa guriga ku jira', 'break_in', false],
    ['hooyaday way suuxday', 'medical', false],
    ['ma neefsanayo', 'medical', false],
    ['urta gaaska ayaa jirta', 'gas', false],
    ['waxaan rabaa inaan is dilo', 'suicide', false],
  ],
  pl: [
    ['Pali się w mieszkaniu obok!!', 'fire', false],
    ['pali sie na klatce schodowej pomocy', 'fire', false],
    ['POZAR W PIWNICY', 'fire', false],
    ['Coś wybuchło w piwnicy', 'explosion', false],
    ['facet z nozem na klatce', 'weapon', false],
    ['Mąż mnie bije', 'violence', false],
    ['Ktoś włamuje się do mieszkania', 'break_in', false],
    ['sasiad jest nieprzytomny i nie oddycha', 'medical', false],
    ['krwawi bardzo mocno, potrzebna karetka', 'medical', false],
    ['czuc gaz na klatce', 'gas', false],
    ['Chcę się zabić', 'suicide', false],
    ['nie chce juz zyc', 'suicide', false],
    ['nie mogę wyjść pali się', 'fire', false],
    // "No" is "well" in Polish: an English negation does not discount Polish danger, it only asks.
    ['No pali się w kuchni', 'fire', true],
    ['no i pali się w piwnicy', 'fire', false],
  ],
  bs: [
    ['Gori stan pored mene!', 'fire', false],
    ['haustor je pun dima', 'fire', false],
    ['nesto je eksplodiralo u zgradi', 'explosion', false],
    ['neki covjek ima pistolj ispred zgrade', 'weapon', false],
    ['muz me tuce pomozite', 'violence', false],
    ['neko provaljuje u stan', 'break_in', false],
    ['komsinica je bez svijesti i ne dise', 'medical', false],
    ['krvari puno, zovite hitnu', 'medical', false],
    ['smrdi na plin u haustoru', 'gas', false],
    ['hocu da se ubijem', 'suicide', false],
    ['ne zelim vise da zivim', 'suicide', false],
  ],
  tr: [
    ['Yangın var! Yan dairede', 'fire', false],
    ['mutfak yaniyor yardim edin', 'fire', false],
    ['ne oluyor yangın var', 'fire', false],
    ['bodrumda patlama oldu', 'explosion', false],
    ['kapının önünde silahlı bir adam var', 'weapon', false],
    ['kocam beni dövüyor', 'violence', false],
    ['evde hirsiz var', 'break_in', false],
    ['annem bayıldı nefes almıyor', 'medical', false],
    ['babam kalp krizi geçiriyor', 'medical', false],
    ['gaz kokusu var merdivenlerde', 'gas', false],
    ['kendimi öldürmek istiyorum', 'suicide', false],
    ['artik yasamak istemiyorum', 'suicide', false],
  ],
};

const nearMissRows: Record<Exclude<Lang, 'sv' | 'en'>, NearMissRow[]> = {
  ar: [
    ['ما في حريق الحمد لله', 'unknown'],
    ['امبارح كان في حريق بالقبو', 'unknown'],
    ['الاسبوع الماضي ضربوه قدام البناية', 'crime_over'],
    ['شفت بالاخبار انفجار بمالمو', 'unknown'],
    ['كان تمرين اخلاء بسبب الحريق', 'unknown'],
    ['كاشف الدخان عم يصفر لازم بطارية جديدة', 'minor_fault'],
    ['انفجرت الماسورة والمي بكل مكان', 'urgent_fault'],
    ['وين طفاية الحريق بالبناية؟', 'information'],
  ],
  fa: [
    ['هیچ آتشی نیست', 'information'],
    ['آتش نیست فقط بوی غذاست', 'information'],
    ['دیروز آتش سوزی بود', 'unknown'],
    ['تو اخبار دیدم انفجار شد', 'unknown'],
    ['هفته پیش یکی با چاقو تهدیدم کرد', 'crime_over'],
    ['لامپ راهرو سوخته', 'minor_fault'],
  ],
  so: [
    ['dab ma jiro', 'information'],
    ['shalay dab ayaa ka dhacay', 'unknown'],
    ['wararka ayaan ku arkay qarax', 'unknown'],
  ],
  pl: [
    ['nie pali się już, wszystko ok', 'unknown'],
    ['wczoraj był pożar w piwnicy', 'unknown'],
    ['widziałem w wiadomościach wybuch w Malmö', 'unknown'],
    ['tydzień temu ktoś pobił sąsiada', 'crime_over'],
  ],
  bs: [
    ['nema požara, sve je u redu', 'unknown'],
    ['jucer je bio pozar u zgradi', 'unknown'],
    ['vidio sam na vijestima eksploziju', 'unknown'],
    ['prosle sedmice su pretukli komsiju', 'crime_over'],
  ],
  tr: [
    ['yangın değil, sadece alarm testi', 'unknown'],
    ['evde yangın yok', 'information'],
    ['dün bodrumda yangın çıktı', 'unknown'],
    ['haberlerde patlama gördüm', 'unknown'],
    ['geçen hafta komşuyu dövdüler', 'crime_over'],
  ],
};

describe.each(Object.keys(dangerRows) as Array<keyof typeof dangerRows>)('%s acute danger', (lang) => {
  it.each(dangerRows[lang])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe.each(Object.keys(nearMissRows) as Array<keyof typeof nearMissRows>)('%s near-misses', (lang) => {
  it.each(nearMissRows[lang])('%s → %s, danger discounted', (text, category) => {
    expectNearMiss(text, category);
  });
});

describe('violence in a close relationship', () => {
  it.each<[string, Lang]>([
    ['زوجي يضربني الان ساعدوني', 'ar'],
    ['شوهرم داره منو میزنه', 'fa'],
    ['ninkeyga ayaa i garaacaya', 'so'],
    ['Mąż mnie bije', 'pl'],
    ['muz me tuce pomozite', 'bs'],
    ['kocam beni dövüyor', 'tr'],
  ])('%s (%s) → violence, domestic', (text) => {
    expect(expectDanger(text, 'violence', false).domestic).toBe(true);
  });
});

describe('Arabic everyday categories', () => {
  it.each<CategoryRow>([
    ['الجيران عاملين حفلة والموسيقى عالية كتير', 'disturbance'],
    ['في شباب سكرانين قاعدين على الدرج', 'disturbance'],
    ['في ناس عم يبيعوا مخدرات بالمدخل', 'disturbance'],
    ['ما بحس بالامان بالحي', 'disturbance'],
    ['في رجال عم يتحرش فيني كل يوم', 'disturbance'],
    ['قتلونا بالازعاج كل ليلة', 'disturbance'],
    ['ضوضاء عالية من الشقة المجاورة', 'disturbance'],
    ['المي عم تنزل من السقف', 'urgent_fault'],
    ['الماء يتسرب من الأنابيب في المطبخ بكثرة', 'urgent_fault'],
    ['ما في تدفئة والبيت بارد كتير', 'urgent_fault'],
    ['الكهربا مقطوعة بكل البيت', 'urgent_fault'],
    ['التواليت مسدود وما في غيره', 'urgent_fault'],
    ['الشباك مكسور والبرد داخل', 'urgent_fault'],
    ['باب العمارة ما بيسكر', 'urgent_fault'],
    ['الحنفية عم تنقط', 'minor_fault'],
    ['المجلى بطيء بالتصريف', 'minor_fault'],
    ['الفيوز ضرب', 'minor_fault'],
    ['اللمبة بالحمام خربانة', 'minor_fault'],
    ['انا عايش لحالي وحاسس بالوحدة', 'support'],
    ['جارتي عجوز ومحتاجة مساعدة', 'support'],
    ['بدي مساعدة برسالة من السوسيال', 'support'],
    ['بدي حدا احكي معه', 'support'],
    ['في نشاطات للكبار بالحي؟', 'support'],
    ['أنا كبير في السن وأعيش وحدي وأحتاج من يساعدني', 'support'],
    ['انسرق البسكليت تبعي', 'crime_over'],
    ['لقيت المخزن مكسور الصبح', 'crime_over'],
    ['في كتابات غرافيتي على الحيط', 'crime_over'],
    ['شو ساعات الدوام بالمكتب؟', 'information'],
    ['كيف بدفع الايجار؟', 'information'],
    ['عندي سؤال عن الفاتورة', 'information'],
    ['بدي اشترك بمراقبة الحي', 'information'],
    ['كيف يمكنني الحصول على مكان للزراعة؟', 'information'],
    ['مسموح اربي قطة؟', 'information'],
    ['بدي ادهن الشقة', 'information'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });

  it.each([['نسيت المفتاح جوا البيت'], ['ضيعت مفاتيحي وما بقدر ادخل']])('%s → locked out', (text) => {
    expect(expectCategory(text, 'urgent_fault').lockedOut).toBe(true);
  });
});

describe('common everyday messages in the other languages', () => {
  it.each<CategoryRow>([
    ['همسایه ها مهمونی دارن و سر و صدا زیاده', 'disturbance'],
    ['آب از سقف میاد', 'urgent_fault'],
    ['شوفاژ کار نمیکنه و خونه سرده', 'urgent_fault'],
    ['من تنهام و کسی رو ندارم', 'support'],
    ['دوچرخمو دزدیدن', 'crime_over'],
    ['ساعت کاری دفتر چیه؟', 'information'],
    ['deriska buuq badan ayay sameynayaan xaflad', 'disturbance'],
    ['biyo ayaa ka daadanaya saqafka', 'urgent_fault'],
    ['kaligay ayaan ku noolahay', 'support'],
    ['baaskiilkaygii waa la xaday', 'crime_over'],
    ['Sąsiedzi mają głośną imprezę', 'disturbance'],
    ['Woda leci z sufitu', 'urgent_fault'],
    ['nie ma ogrzewania i jest zimno w mieszkaniu', 'urgent_fault'],
    ['jestem samotna i nie mam z kim porozmawiać', 'support'],
    ['ukradli mi rower z piwnicy', 'crime_over'],
    ['jakie są godziny otwarcia biura?', 'information'],
    ['komsije imaju zurku i glasnu muziku', 'disturbance'],
    ['curi voda sa plafona', 'urgent_fault'],
    ['nema grijanja u stanu', 'urgent_fault'],
    ['usamljena sam i nemam s kim razgovarati', 'support'],
    ['ukraden mi je bicikl', 'crime_over'],
    ['koje je radno vrijeme ureda?', 'information'],
    ['komşular çok yüksek sesle müzik dinliyor', 'disturbance'],
    ['tavandan su akıyor', 'urgent_fault'],
    ['kalorifer çalışmıyor ev buz gibi', 'urgent_fault'],
    ['su borusu patladı', 'urgent_fault'],
    ['yalnızım konuşacak kimse yok', 'support'],
    ['bisikletim çalındı', 'crime_over'],
    ['ofisin çalışma saatleri nedir?', 'information'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });

  it.each([
    ['کلیدمو گم کردم نمیتونم برم تو'],
    ['furaha ayaa gudaha ku hadhay'],
    ['zatrzasnąłem drzwi, klucze w środku'],
    ['zakljucao sam se, kljuc je unutra'],
    ['anahtarımı içeride unuttum'],
  ])('%s → locked out', (text) => {
    expect(expectCategory(text, 'urgent_fault').lockedOut).toBe(true);
  });
});

describe('language detection of typical messages', () => {
  it.each<[string, Lang]>([
    ['في حريق بالبناية', 'ar'],
    ['الجيران عاملين حفلة والموسيقى عالية', 'ar'],
    ['بدي اعرف متى المكتب بيفتح', 'ar'],
    ['زوجي يضربني', 'ar'],
    ['آتش سوزی تو ساختمون ما', 'fa'],
    ['من تنهام و کسی رو ندارم', 'fa'],
    ['شوفاژ کار نمیکنه', 'fa'],
    ['dab ayaa ka kacay guriga', 'so'],
    ['waxaan rabaa inaan is dilo', 'so'],
    ['deriska buuq badan ayay sameynayaan', 'so'],
    ['pali sie w kuchni', 'pl'],
    ['Mąż mnie bije', 'pl'],
    ['jakie są godziny otwarcia biura?', 'pl'],
    ['muz me tuce pomozite', 'bs'],
    ['nema grijanja u stanu', 'bs'],
    ['koje je radno vrijeme ureda?', 'bs'],
    ['evde hirsiz var', 'tr'],
    ['kalorifer calismiyor ev buz gibi', 'tr'],
    ['Yangın var! Yan dairede', 'tr'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
    expect(triage(text).language).toBe(lang);
  });
});
