// The rules (no classifier) for Somali, Polish, Bosnian/Croatian/Serbian and Turkish, on sentences written for
// this test (not corpus lines): danger words in uses that are no danger now (figures of speech, toys, films,
// "the boss will kill me if I am late", a cooking alarm that stopped, questions after an event that is over,
// a bulb or a pipe that "exploded"), and the past, calm and fiction cues of the CheckList direction test in
// their common forms.
import { describe, expect, it } from 'vitest';
import { triage } from '../../src/routing/triage/index.ts';
import type { Lang, Triage } from '../../src/routing/types.ts';
import { type CategoryRow, RULES, expectCategory } from './triage-helpers.ts';

type Other = Extract<Lang, 'so' | 'pl' | 'bs' | 'tr'>;

const figurative: Record<Other, CategoryRow[]> = {
  tr: [
    ['Müdür beni öldürür, yarın geç kalırsam', 'unknown'],
    ['Oğlum su tabancasıyla kediyi ıslatıyor', 'information'],
    ['Sınav yüzünden kafam yanıyor', 'unknown'],
    ['Maçı kaybettik, içim yandı', 'unknown'],
    ['Dizide adam herkesi bıçakladı, şimdi korkuyorum', 'unknown'],
    ['Balık kızartırken duman alarmı öttü, şimdi sustu', 'minor_fault'],
    ['Silahlı olaydan sonraki devriyeler hala sürüyor mu?', 'information'],
    ['Kombinin gaz bakımı ne zaman?', 'information'],
    ['Gece ikide matkap sesi!!!', 'disturbance'],
    ['Geçen cuma merdivende bıçaklanan adama ne oldu?', 'crime_over'],
    ['Asansörde alarma bastım ama kimse cevap vermiyor', 'urgent_fault'],
    ['Kargom kaybolmuş, kapıdan almışlar', 'crime_over'],
    ['Kedimiz kayboldu, gören var mı?', 'information'],
  ],
  pl: [
    ['Szef mnie zabije, jak się spóźnię', 'unknown'],
    ['Wnuczek strzela z plastikowego pistoletu do gołębi', 'unknown'],
    ['Pali mi się grunt pod nogami, a kran w kuchni kapie', 'minor_fault'],
    ['Oglądałam horror o mordercy z siekierą i teraz boję się spać', 'unknown'],
    ['Tamten huk to był tylko telewizor', 'unknown'],
    ['Sąsiad pyta o żonę, która nie żyje od dawna', 'support'],
    ['Wiercenie o drugiej w nocy!!!', 'disturbance'],
    ['Kiedy naprawicie drzwi wyłamane przez policję?', 'information'],
    ['Nacisnąłem przycisk w windzie i nikt nie odpowiada', 'urgent_fault'],
    ['Żarówka na korytarzu pękła z hukiem', 'minor_fault'],
    ['Rura pod zlewem wybuchła, woda wszędzie', 'urgent_fault'],
    ['Paczka zniknęła spod drzwi', 'crime_over'],
    ['W zeszłą sobotę ktoś dźgnął nożem chłopaka przy sklepie', 'crime_over'],
    ['Udusiłbym kogoś po tym meczu', 'unknown'],
  ],
  bs: [
    ['Šef će me ubiti ako opet zakasnim', 'unknown'],
    ['Unuk prska vodenim pištoljem po dvorištu', 'unknown'],
    ['Gledala sam horor o ubici sa sjekirom, sad se bojim', 'unknown'],
    ['Zagorio mi je ručak i alarm za dim je zapištao', 'minor_fault'],
    ['Neko buši u pola noći!!!', 'disturbance'],
    ['Klinci lupaju loptom u vrata zgrade', 'disturbance'],
    ['Razvalili su sandučiće u našem ulazu', 'crime_over'],
    ['Paket je nestao ispred vrata', 'crime_over'],
    ['Prošle subote je neko nožem napao komšiju', 'crime_over'],
    ['Sijalica u hodniku je pukla uz prasak', 'minor_fault'],
    ['Pritisnuo sam alarm u liftu i niko se ne javlja', 'urgent_fault'],
    ['Komšija stalno pita za pokojnu ženu', 'support'],
    ['Zadavio bih nekoga poslije ove utakmice', 'unknown'],
  ],
  so: [
    ['Maamulaha ayaa i dili doona haddii aan daaho', 'unknown'],
    ['Wiilkaygu qori caag ah ayuu ku ciyaarayaa', 'unknown'],
    ['Kulaylkan ayaa i dilaya', 'unknown'],
    ['Filim nin dad dilaya ayaan daawaday, hadda waan ka baqayaa', 'unknown'],
    ['Bariiskii ayaa iga gubatay, alaarmiga qiiqa ayaa dhawaaqay', 'minor_fault'],
    ['Qof ayaa habeenkii gidaarka daloolinaya', 'disturbance'],
    ['Rasaastii kadib, roondooyinka weli ma jiraan?', 'information'],
    ['Alaarmiga kaarboon monoksaydhka xaggee laga iibsadaa?', 'information'],
    ['Haddii dab kaco, 112 baan wacaa mise idinka?', 'information'],
    ['Laambadda jaranjarada ayaa qarxday', 'minor_fault'],
    ['Tuubada musqusha ayaa qarxday, biyo ayaa buuxa', 'urgent_fault'],
    ['Baakadkaygii wuu lumay, albaabka ayaa la dhigay', 'crime_over'],
    ['Sabtidii qof ayaa mindi ku dhuftay nin jaranjarada', 'crime_over'],
    ['Qof ayaan ceejin lahaa ciyaartaas kadib', 'unknown'],
  ],
};

describe.each(Object.keys(figurative) as Other[])('%s: danger words that are no danger now', (lang) => {
  it.each(figurative[lang])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });
});

/** Dangers the rules are sure of, and the cues that must move each away from certain danger. */
const direction: Record<Other, { dangers: string[]; cues: string[] }> = {
  so: {
    dangers: ['nin mindi sita ayaa albaabka taagan', 'dab ayaa ka kacay jikada'],
    cues: [
      'shalay',
      'xalay',
      'todobaadkii hore',
      'shalay, hadda waa xasilloon yahay',
      'shalay, hadda way xasilloon tahay',
      'shalay, hadda waa degan yahay',
      'shalay, hadda wax walba waa caadi',
      'filim dhexdiisa',
      'filinka dhexdiisa',
      'musalsal dhexdiisa',
    ],
  },
  tr: {
    dangers: ['adam bıçakla kapıda bekliyor', 'mutfakta yangın var'],
    cues: [
      'dün',
      'dun',
      'dün gece',
      'evvelki gün',
      'dün, şimdi sakin',
      'dun simdi sakin',
      'dün, şimdi sakinleşti',
      'dün, şimdi her şey normal',
      'bir filmde',
      'filmdeydi',
      'bir dizide',
    ],
  },
  pl: {
    dangers: ['facet z nożem stoi pod drzwiami', 'pali się w kuchni'],
    cues: [
      'wczoraj',
      'wczoraj w nocy',
      'wczoraj, teraz jest spokój',
      'wczoraj, teraz spokojnie',
      'wczoraj, teraz jest cicho',
      'wczoraj, teraz jest w porządku',
      'wczoraj, teraz już spokój',
      'w filmie',
      'w serialu',
      'w bajce',
      'w horrorze',
    ],
  },
  bs: {
    dangers: ['čovjek s nožem stoji pred vratima', 'gori kuhinja'],
    cues: [
      'jučer',
      'juce',
      'sinoc',
      'jučer, sada je mirno',
      'juče, sad je mirno',
      'jučer, sada je sve mirno',
      'jučer, sada je ok',
      'jučer, sad je u redu',
      'u filmu',
      'u seriji',
      'u igrici',
    ],
  },
};

/** 2 certain danger, 1 uncertain danger (asked about), 0 no danger. */
const level = (t: Triage): number => (t.category !== 'acute_danger' ? 0 : t.uncertain ? 1 : 2);

describe.each(Object.keys(direction) as Other[])('%s: past, calm and fiction cues in their common forms', (lang) => {
  const { dangers, cues } = direction[lang];
  it.each(dangers)('%s is certain danger', (text) => {
    expect(level(triage(text, RULES))).toBe(2);
  });
  it.each(dangers.flatMap((d) => cues.map((c) => [`${d} ${c}`])))('%s is not', (text) => {
    expect(level(triage(text, RULES))).toBeLessThan(2);
  });
});

describe('"these are not fireworks" is possible gunfire, not a negated danger', () => {
  it.each<[string, boolean]>([
    ['Sokaktan sesler geliyor, havai fişek değil, bir adam vuruldum diyor', false],
    ['Čuje se praskanje, nije vatromet', true],
  ])('%s', (text, uncertain) => {
    const t = triage(text, RULES);
    expect({ category: t.category, danger: t.danger, uncertain: t.uncertain }).toEqual({
      category: 'acute_danger',
      danger: 'weapon',
      uncertain,
    });
  });

  it('fireworks are no gas leak however their hiss is spelt ("fısss" folds to "fıs")', () => {
    expect(triage('Yılbaşında havai fişek atmak yasak mı?', RULES).danger).not.toBe('gas');
  });
});

describe('figures of speech do not hide real danger', () => {
  it.each<[string, string]>([
    // "if I am late" from a partner is a threat, not the boss's figure of speech
    ['Mąż mówi, że mnie zabije, jak się spóźnię', 'violence'],
    ['Muž kaže da će me ubiti ako opet zakasnim', 'violence'],
    ['Kocam geç kalırsam beni öldürür dedi', 'violence'],
    // "için" (for) is no "içim yandı" (my heart burnt); "tylko gra", "samo igra" (only plays) no game
    ['Bir sigara için yangın, herkes dışarı', 'fire'],
    ['Sąsiad bije żonę, tylko gra muzyka', 'violence'],
    ['Muž tuče ženu, a dijete samo igra', 'violence'],
    // "a nightmare", "only a matter of time", "now he went for a knife", "what happens if he breaks the door"
    ['Sąsiad bije żonę, to jest horror', 'violence'],
    ['Komšija tuče ženu, ovo je horor', 'violence'],
    ['Pożar w piwnicy, to było tylko kwestią czasu', 'fire'],
    ['Wczoraj mnie pobił, teraz poszedł po nóż', 'weapon'],
    ['Jučer me istukao, sad je otišao po nož', 'weapon'],
    ['Dün beni dövdü, şimdi yine kapıda korkuyorum', 'violence'],
    ['Adam bıçakla kapıda, kapıyı kırarsa ne olur?', 'weapon'],
  ])('%s', (text, kind) => {
    const t = triage(text, RULES);
    expect({ category: t.category, danger: t.danger }).toEqual({ category: 'acute_danger', danger: kind });
  });
});

describe('a tenant at their own lock is locked out, not breaking in', () => {
  it.each<[string]>([
    ['Kilidi çeviriyorum ama açılmıyor'],
    ['Wkładam klucz do zamka i nie mogę otworzyć'],
    ['Petljam s bravom već pola sata, ne mogu ući'],
    ['Furaha ayaan qufulka gelinayaa laakiin ma furmayo'],
  ])('%s', (text) => {
    expect(triage(text, RULES).category).not.toBe('acute_danger');
  });
});

describe('everyday words near the new signs are no emergency', () => {
  it.each<[string]>([
    ['Stojim na balkonu i pušim'],
    ['Stoję na balkonie i patrzę w dół na ulicę'],
    ['Wszędzie kurz po remoncie na klatce'],
    ['Evde yok musunuz, kargo geldi'],
    ['Başım ağrıyor, eczane açık mı?'],
    ['Pencerenin altından su sızıyor'],
    ['Yarın panik atak seminerine gidiyorum'],
    ['Tüp kokusu yok, merak etmeyin'],
  ])('%s', (text) => {
    expect(triage(text, RULES).category).not.toBe('acute_danger');
  });
});

// All lexicons read every message.
describe('words shared across languages (second round)', () => {
  it('BCS "opet" (again) is not the Swedish "öppet" (open): no question about opening hours', () => {
    expectCategory('Opet ovi klinci lupaju loptom u vrata', 'disturbance');
  });

  it('BCS "šef" (boss) is not the Somali "seef" (sword)', () => {
    expect(triage('Šef mi je rekao da dođem ranije', RULES).category).not.toBe('acute_danger');
  });

  it('children playing in the lift are no child trapped in it', () => {
    expect(triage('Çocuklar asansörde oynuyor, sürekli aşağı yukarı', RULES).category).not.toBe('acute_danger');
    expect(triage('Carruurtu wiishka ayay ku ciyaarayaan habeenkii', RULES).category).not.toBe('acute_danger');
  });

  it('"lost" said of a cat or a parcel is no missing person; said of a child it is', () => {
    expect(triage('Kedimiz kayboldu, gören var mı?', RULES).category).not.toBe('acute_danger');
    expect(triage('Paczka zniknęła z klatki', RULES).category).not.toBe('acute_danger');
    expect(triage('Oğlum kayboldu, parkta yok', RULES).danger).toBe('missing');
    expect(triage('Córka zniknęła z placu zabaw', RULES).danger).toBe('missing');
    expect(triage('Ayeeyo way lumisay, xusuusta ayay ka jirran tahay', RULES).danger).toBe('missing');
  });
});
