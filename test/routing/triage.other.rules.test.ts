// The rules (lexicons and safety net, no classifier) for Somali, Polish, Bosnian/Croatian/Serbian and Turkish,
// on sentences written for this test (not corpus lines): the kinds of danger tenants describe without a
// danger word (a missing child, someone locked in, a CO alarm, indirect suicidal talk, a neighbour not seen
// for days, door handles tried, locks cut, fireworks at windows), and the ordinary messages that must not be
// emergencies (idioms, events that are over, what-if questions, toys) or must reach the right route.
import { describe, expect, it } from 'vitest';
import { triage } from '../../src/routing/triage/index.ts';
import type { Lang } from '../../src/routing/types.ts';
import { type CategoryRow, type DangerRow, RULES, expectCategory, expectDanger } from './triage-helpers.ts';

type Other = Extract<Lang, 'so' | 'pl' | 'bs' | 'tr'>;

const danger: Record<Other, DangerRow[]> = {
  tr: [
    ['7 yaşındaki oğlum parktan dönmedi, her yere baktık', 'missing', true],
    ['Babaannem demans hastası, gece evden çıkmış, yatağında değil', 'missing', true],
    ['Kızım "beni aramayın" diye mesaj attı, telefonu kapalı', 'missing', true],
    ['Üç yaşındaki oğlum kendini banyoya kilitledi, ses vermiyor', 'trapped', true],
    ['Yaşlı annem tuvalette kilitli kaldı, saatlerdir çıkamıyor', 'trapped', true],
    ['Otoparkta arabanın içinde bir bebek var, güneş vuruyor', 'trapped', true],
    ['Asansörde mahsur kaldık, babam nefes alamıyor', 'medical', false],
    ['CO alarmı ötüyor, hepimizin başı ağrıyor', 'gas', false],
    ['Komşunun kapısından çürük yumurta gibi koku geliyor', 'gas', false],
    ['Yarın sabah uyanmak istemiyorum', 'suicide', false],
    ['Bütün eşyalarımı kardeşlerime dağıttım, artık ihtiyacım olmayacak', 'suicide', true],
    ['Komşum balkonun korkuluğunda oturuyor, yaklaşırsanız atlarım diyor', 'suicide', false],
    ['Yaşlı komşumu bir haftadır görmedim, kapısında posta birikmiş', 'medical', true],
    ['Merdivende bir adam yatıyor, başından kan geliyor', 'medical', false],
    ['Babam banyoda düştü, kalkamıyor', 'medical', true],
    ['Annemin yüzü kaydı, sağ tarafı güçsüz', 'medical', false],
    ['İki yaşındaki kızım ilaçları yutmuş', 'medical', false],
    ['Biri koridordaki kapıların kolunu tek tek deniyor', 'break_in', false],
    ['İki genç bisiklet odasında kilitleri kesiyor', 'break_in', false],
    ['Evimin içinde yabancı bir adam var, yatak odasında saklanıyorum', 'break_in', false],
    ['Gençler havai fişekleri pencerelere atıyor', 'weapon', false],
    ['Az önce çantamı kaptılar, adam hala avluda', 'violence', true],
    ['Kapının önünde kablolar çıkan şüpheli bir paket var', 'explosion', true],
    // told without the usual danger words (second round)
    ['Balkondayım, aşağı bakıyorum, her şeyi bitirmek istiyorum', 'suicide', false],
    ['Bensiz herkes daha rahat eder, ilaçlarımı biriktirdim', 'suicide', true],
    ['Biri kapımın kilidine bir şey sokup çeviriyor, evde yalnızım', 'break_in', false],
    ['Eşimin ağzından köpük geliyor, tepki vermiyor', 'medical', false],
    ['Dedem terlikleriyle dışarı çıkmış, alzheimer hastası', 'missing', true],
    ['Beş yaşındaki kızım balkonda kaldı, kapı kilitlendi', 'trapped', true],
    ['Çok büyük bir ses geldi, kulağım çınlıyor', 'explosion', true],
    ['Komşu teyze dört gündür kapıyı açmıyor', 'medical', true],
    ['Adam av tüfeğiyle avluda dolaşıyor', 'weapon', false],
    ['Duvarın arkasından bir kadın beni öldüreceksin diye bağırıyor', 'violence', false],
    ['Torunum düğme pil yutmuş', 'medical', false],
  ],
  pl: [
    ['Mój syn nie wrócił ze szkoły, szukamy go od trzech godzin', 'missing', true],
    ['Dziadek z demencją wyszedł w nocy z domu i go nie ma', 'missing', true],
    ['Córeczka zniknęła z placu zabaw, nigdzie jej nie ma', 'missing', true],
    ['Synek zamknął się w łazience i nic nie mówi', 'trapped', true],
    ['Niemowlę zostało samo w samochodzie na słońcu', 'trapped', true],
    ['Winda stanęła, w środku jest dziecko i się dusi', 'medical', false],
    ['Czujnik czadu piszczy, wszystkich boli głowa', 'gas', false],
    ['Z mieszkania sąsiada czuć zgniłe jajka', 'gas', false],
    ['Nie chcę się jutro obudzić', 'suicide', false],
    ['Rozdałam wszystkie swoje rzeczy, nic mnie już nie trzyma', 'suicide', true],
    ['Brat zostawił list pożegnalny i nie odbiera', 'suicide', false],
    ['Nie widziałam sąsiadki od pięciu dni, skrzynka jest pełna listów', 'medical', true],
    ['Na schodach leży mężczyzna, wszędzie pełno krwi', 'medical', false],
    ['Babcia upadła i nie może wstać', 'medical', true],
    ['Chłopak ma sine usta i ledwo oddycha', 'medical', false],
    ['Dziecko połknęło tabletki babci', 'medical', false],
    ['Dwóch typów tnie kłódki w rowerowni', 'break_in', false],
    ['Obcy mężczyzna jest w moim mieszkaniu, schowałam się w sypialni', 'break_in', false],
    ['Były mąż napisał, że jedzie tu i mnie zabije', 'violence', false],
    ['Chuligani rzucają petardy w balkony', 'weapon', false],
    ['Przy śmietniku stoi podejrzana torba z kablami', 'explosion', true],
    // told without the usual danger words (second round)
    ['Stoję na dachu i myślę, żeby to skończyć', 'suicide', false],
    ['Po co ja jeszcze żyję, nikt nawet nie zauważy', 'suicide', true],
    ['Ktoś wkłada coś do zamka w moich drzwiach', 'break_in', false],
    ['Mąż złapał się za klatkę, drętwieje mu lewa ręka', 'medical', false],
    ['Żona ma pianę na ustach i nie kontaktuje', 'medical', false],
    ['Dziadek z demencją wyszedł w kapciach', 'missing', true],
    ['Winda stoi, w środku dziecko, płacze', 'trapped', true],
    ['Coś potężnie grzmotnęło, dzwoni mi w uszach', 'explosion', true],
    ['Sąsiadka od czterech dni nie otwiera drzwi', 'medical', true],
    ['Dwóch gości tnie łańcuchy rowerów w piwnicy', 'break_in', false],
    ['Tata rzuca krzesłem w mamę, schowałam się w szafie', 'violence', false],
    ['Synek połknął baterię od pilota', 'medical', false],
  ],
  bs: [
    ['Sin se nije vratio iz škole, tražimo ga svuda', 'missing', true],
    ['Djed ima demenciju, izašao je noću i nema ga nigdje', 'missing', true],
    ['Kćerka je nestala s igrališta', 'missing', true],
    ['Mali se zaključao u kupatilu i ne javlja se', 'trapped', true],
    ['Baka je ostala zaglavljena u kadi', 'trapped', true],
    ['Beba je sama u autu na parkingu', 'trapped', true],
    ['Lift je zapeo, unutra je žena koja nema zraka', 'medical', false],
    ['Alarm za ugljen monoksid pišti i vrti mi se', 'gas', false],
    ['Iz stana komšije smrdi na pokvarena jaja', 'gas', false],
    ['Samo hoću da zaspim i da se nikad ne probudim', 'suicide', false],
    ['Poklonila sam sve svoje stvari, neće mi više trebati', 'suicide', true],
    ['Ostavio je oproštajno pismo i ne javlja se', 'suicide', false],
    ['Komšija stoji s druge strane ograde na balkonu', 'suicide', false],
    ['Starija komšinica tri dana ne izlazi, pisma u sandučiću', 'medical', true],
    ['Čovjek leži na stepenicama, teče krv iz glave', 'medical', false],
    ['Tata ne može pomjeriti ruku', 'medical', false],
    ['Dijete je progutalo tablete', 'medical', false],
    ['Neko drma kvake na svim vratima u hodniku', 'break_in', false],
    ['Dvojica režu katance u podrumu', 'break_in', false],
    ['Nepoznat muškarac je u stanu, sakrila sam se u kupatilu', 'break_in', false],
    ['Bivši muž mi piše da dolazi i da će me ubiti', 'violence', false],
    ['Klinci ispaljuju vatromet u prozore', 'weapon', false],
    ['Kod ulaza je sumnjiva torba sa žicama', 'explosion', true],
    // told without the usual danger words (second round)
    ['Stojim na terasi i razmišljam da skočim', 'suicide', false],
    ['Svima bi bilo lakše bez mene', 'suicide', true],
    ['Neko čeprka po bravi na mojim vratima', 'break_in', false],
    ['Mali je progutao bateriju', 'medical', false],
    ['Tata ima pjenu na ustima', 'medical', false],
    ['Pala sam u hodniku i ne mogu ustati', 'medical', false],
    ['Djed je izašao u papučama, a vani je minus', 'missing', true],
    ['Sinčić je ostao sam na balkonu, vrata su zaključana', 'trapped', true],
    ['Nešto je tresnulo, zvoni mi u ušima', 'explosion', true],
    ['Toster je sav crven, nešto crno izlazi', 'fire', true],
    ['Kroz zid čujem ženu kako viče ubićeš me', 'violence', false],
    ['Dvojica seku lance na biciklima', 'break_in', false],
  ],
  so: [
    ['Wiilkayga 8 jir ah ma soo laaban, meel walba waan raadinay', 'missing', true],
    ['Aabahay wuxuu qabaa demens, habeenkii ayuu baxay, sariirtiisa kuma jiro', 'missing', true],
    ['Gabadhayda waxay ka tagtay warqad: ha i raadinina', 'missing', false],
    ['Wiilkayga yar ayaa musqusha isku xirtay', 'trapped', true],
    ['Hooyaday musqusha ayay ku xiran tahay saacado', 'trapped', true],
    ['Ilmo yar ayaa keligiis guriga ku jira', 'trapped', true],
    ['Hissen-ka ayaa taagan, aabahay ma neefsan karo', 'medical', false],
    ['CO alarm-ka ayaa dhawaaqaya, madaxa ayaa na xanuunaya', 'gas', false],
    ['Ur sida ukun qurmay ayaa ka imanaysa guriga deriska', 'gas', false],
    ['Ma rabo inaan berri toosiyo', 'suicide', false],
    ['Alaabtaydii oo dhan waan bixiyay, uma baahan doono', 'suicide', true],
    ['Walaalkay wuxuu qoray warqad macsalaameyn ah', 'suicide', false],
    ['Nin ayaa saqafka fadhiya, wuxuu leeyahay waan iska tuurayaa', 'suicide', false],
    ['Deriskayga saddex maalmood ma aanan arkin, boostadu way urursan tahay', 'medical', true],
    ['Nin ayaa jaranjarada ku jiifa, dhiig ayaa madaxa ka socda', 'medical', false],
    ['Aabahay dhinaca bidix ayaa daciifay', 'medical', false],
    ['Ilmahaygii ayaa liqay kiniiniyada ayeeyadiis', 'medical', false],
    ['Qof ayaa albaab walba gacan-qabsigiisa tijaabinaya', 'break_in', false],
    ['Laba nin ayaa quflka baaskiilada jaraya hadda', 'break_in', false],
    ['Nin aan aqoon ayaa gurigayga gudihiisa ku jira', 'break_in', false],
    ['Ninkaygii hore wuxuu ii soo diray fariin inuu i dilo caawa', 'violence', false],
    ['Dhalinyaro ayaa fyrverkerier ku ridaya daaqadaha', 'weapon', false],
    ['Boorso silig ka soo baxayo ayaa albaabka hortiisa taal', 'explosion', true],
    // told without the usual danger words (second round)
    ['Waxaan rabaa inaan noloshayda afjaro', 'suicide', false],
    ['Qof walba wuu iga nasan lahaa', 'suicide', true],
    ['Qof ayaa qufulka wax ku gelinaya', 'break_in', false],
    ['Awoowe dacas buu ku baxay habeenkii', 'missing', true],
    ['Gabadhayda dugsiga kama soo laaban', 'missing', true],
    ['Dhawaaq weyn ayaa dhacay, dhegahaygu way shanqarayaan', 'explosion', true],
    ['Raakidh ayay ku ganayaan daaqadaha', 'weapon', false],
    ['Ilmaha yar ayaa baytari liqay', 'medical', false],
    ['Naag ayaa ku qaylinaysa waad i dilaysaa', 'violence', false],
  ],
};

const ordinary: Record<Other, CategoryRow[]> = {
  tr: [
    ['Otobüsü beklerken vakit öldürüyorum', 'unknown'],
    ['Dünkü maç ateş gibiydi', 'unknown'],
    ['Gürültü beni öldürecek, komşular gece parti yapıyor', 'disturbance'],
    ['Geçen ayki yangından sonra çamaşır makinesi hala bozuk', 'minor_fault'],
    ['Mutfakta gaz kokusu olursa ne yapmalıyım?', 'information'],
    ['Duman dedektörü ara ara ötüyor, pili bitti sanırım', 'minor_fault'],
    ['Asansör durdu, içindeyiz ama iyiyiz', 'urgent_fault'],
    ['Dün gece avluda kavga varmış, bu gece sadece müzik var', 'disturbance'],
    ['Bisikletimi çalmışlar', 'crime_over'],
    ['Kira ne zaman ödenir?', 'information'],
    ['Mutfak musluğu damlıyor', 'minor_fault'],
    ['Yalnızım, konuşacak kimse yok', 'support'],
    ['Kan ter içinde kaldım, merdivenleri koşarak çıktım', 'unknown'],
    ['Kiralar ateş pahası, zam ne zaman?', 'information'],
  ],
  pl: [
    ['To była bomba, dzięki!', 'unknown'],
    ['Leciałem jak na pożar, ale autobus uciekł', 'unknown'],
    ['Umieram z nudów, są jakieś zajęcia dla seniorów?', 'support'],
    ['Po pożarze w piwnicy nadal nie naprawiono drzwi', 'information'],
    ['Co robić, gdyby kiedyś ulatniał się gaz?', 'unknown'],
    ['Czujnik dymu popiskuje, chyba trzeba wymienić baterię', 'minor_fault'],
    ['Winda stanęła między piętrami, jesteśmy spokojni', 'urgent_fault'],
    ['Wczoraj była bójka na parkingu, dziś jest spokojnie', 'crime_over'],
    ['Mój samochód jest porysowany', 'crime_over'],
    ['Kran w kuchni kapie', 'minor_fault'],
    ['Czuję się samotna, chciałabym z kimś porozmawiać', 'support'],
    ['Pies sąsiada wyje całą noc', 'disturbance'],
    ['Zabijam czas w poczekalni', 'unknown'],
    ['Siostra wbiła mi nóż w plecy, czuję się samotna', 'support'],
    ['Ktoś zostawił mi pod drzwiami list z groźbami, wieczór był spokojny', 'crime_over'],
  ],
  bs: [
    ['Ubijam vrijeme dok čekam autobus', 'unknown'],
    ['Mrtva sam umorna, laku noć', 'unknown'],
    ['Poslije požara u podrumu sušilica još ne radi', 'minor_fault'],
    ['Šta raditi ako osjetim plin u haustoru?', 'information'],
    ['Sin ima pištolj na vodu, smije li se igrati u dvorištu?', 'information'],
    ['Detektor dima povremeno pišti, treba nova baterija', 'minor_fault'],
    ['Lift je stao, unutra smo ali svi smo dobro', 'urgent_fault'],
    ['Juče je bila tuča ispred zgrade, sad je mirno', 'crime_over'],
    ['Neko mi je izgrebao auto', 'crime_over'],
    ['Slavina kaplje', 'minor_fault'],
    ['Voda se cijedi niz zid', 'urgent_fault'],
    ['Usamljena sam, nemam s kim pričati', 'support'],
    ['Komšijin pas laje cijelu noć', 'disturbance'],
    ['Ova vrućina će me ubiti, inače dobro veče', 'unknown'],
  ],
  so: [
    ['Waqtiga ayaan iska dilayaa intaan sugayo baska', 'unknown'],
    ['Ciyaartii waxay ahayd dab', 'unknown'],
    ['Taleefankaygii wuu dhintay, sidaas darteed ma jawaabin', 'unknown'],
    ['Dabkii bishii hore kadib, makiinadda dharka weli way jaban tahay', 'minor_fault'],
    ['Maxaan sameeyaa haddii gaas ur ka yimaado?', 'unknown'],
    ['Wiilkaygu wuxuu leeyahay qori biyo tuura, ma loo oggol yahay?', 'information'],
    ['Hissen-ka ayaa istaagay laakiin waan nabad qabnaa', 'urgent_fault'],
    ['Xalay dagaal ayaa ka dhacay gården-ka, hadda waa xasilloon yahay', 'crime_over'],
    ['Gaarigayga waa la xoqay', 'crime_over'],
    ['Biyo ayaa saqafka ka soo daadanaya', 'urgent_fault'],
    ['Kaligay ayaan ahay, qof aan la hadlo ma hayo', 'support'],
    ['Eeyga deriska ayaa habeenkii oo dhan ciyaya', 'disturbance'],
    ['Gaajo ayaa i dilaysa, maxaan cunaa?', 'unknown'],
    ['Cunto ayaan ka qarxay, habeen wanaagsan', 'unknown'],
  ],
};

const lockedOut: Record<Other, string[]> = {
  tr: ['Anahtarımı içeride unuttum, dışarıda kaldım'],
  pl: ['Zatrzasnąłem drzwi, klucze zostały w środku'],
  bs: ['Zaključao sam se vani, ključ je u stanu'],
  so: ['Furaha ayaa gudaha ku hadhay, ma geli karo'],
};

const langs = Object.keys(danger) as Other[];

describe.each(langs)('%s: danger without the usual danger words', (lang) => {
  it.each(danger[lang])('%s → %s', (text, kind, uncertain) => {
    expectDanger(text, kind, uncertain);
  });
});

describe.each(langs)('%s: ordinary messages reach their route', (lang) => {
  it.each(ordinary[lang])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });

  it.each(lockedOut[lang])('%s → locked out', (text) => {
    expect(expectCategory(text, 'urgent_fault').lockedOut).toBe(true);
  });
});

describe('a partner who threatens to kill is violence in a close relationship', () => {
  it.each<[string]>([
    ['Eski kocam mesaj attı: bu gece geliyorum, öleceksin'],
    ['Były mąż napisał, że jedzie tu i mnie zabije'],
    ['Bivši muž mi piše da dolazi i da će me ubiti'],
    ['Ninkaygii hore wuxuu ii soo diray fariin inuu i dilo caawa'],
  ])('%s', (text) => {
    expect(expectDanger(text, 'violence', false).domestic).toBe(true);
  });
});

// All lexicons read every message: a word of one language must not be read as another language's danger.
describe('words shared across languages', () => {
  it.each<[string, string]>([
    ['Swedish "gasspisen" is not the Turkish "gasp" (robbery)', 'vem ska man ringa om gasspisen luktar konstigt?'],
    ['Swedish "sen" (since) is not the Polish "senny" (drowsy)', 'har ingen att spela schack med sen min fru flyttade'],
    ['Polish "palą" (they smoke) is not the Turkish "pala" (machete)', 'pod klatką siedzą chłopaki, piją i palą'],
    ['Polish "kartkę" (a note) is not a typo of "karetkę" (ambulance)', 'Dostaliśmy kartkę na drzwiach o remoncie'],
    ['BCS "kvari" (spoils) is not a typo of "krvari" (bleeds)', 'frižider ne hladi, hrana se kvari'],
  ])('%s', (_why, text) => {
    expect(triage(text, RULES).category).not.toBe('acute_danger');
  });

  it('Polish "muza" (music) is not the BCS "muža" (husband): a party is a disturbance', () => {
    expectCategory('impreza na 3 piętrze, wrzaski i muza, 2 w nocy', 'disturbance');
  });

  it('a one-letter wildcard word would block typo reading of every word it starts: "unconcious" is read', () => {
    expectDanger('someone is unconcious on the floor', 'medical', true);
  });
});
