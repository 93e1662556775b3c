// Swedish triage, written from domain.md: danger first (also in a hurry: capitals, no å/ä/ö, typos),
// near-misses that must not be emergencies, and the everyday categories.
import { describe, expect, it } from 'vitest';
import { triage } from '../../src/routing/triage/index.ts';
import { type CategoryRow, type DangerRow, expectCategory, expectDanger } from './triage-helpers.ts';

describe('Swedish acute danger', () => {
  it.each<DangerRow>([
    ['Det brinner i trapphuset', 'fire', false],
    ['DET BRINNER I TRAPPHUSET', 'fire', false],
    ['det brinner i koket hjalp', 'fire', false],
    ['BRINNNNER!!! kom fort', 'fire', false],
    ['Det ryker ur ventilen i badrummet', 'fire', false],
    ['rök i trappan, vi kan inte gå ut', 'fire', false],
    ['Det luktar rok i hela huset', 'fire', false],
    ['Källarbranden sprider sig', 'fire', false],
    ['elden sprider sig till grannens balkong', 'fire', false],
    ['stora lågor från fönstret på tredje våningen', 'fire', false],
    ['Någon har tänt eld på soprummet', 'fire', false],
    ['Det luktar gas i trapphuset', 'gas', false],
    ['Stark gaslukt i källaren', 'gas', false],
    ['GASLACKA i köket', 'gas', false],
    ['Det har varit en explosion vid porten', 'explosion', false],
    ['Kraftig explosion i trapphuset, rutorna skakade', 'explosion', false],
    ['Det är skottlossning på gården', 'weapon', false],
    ['Jag hörde skott utanför och någon ligger på marken', 'weapon', false],
    ['En kille har en kniv och hotar folk i trapphuset', 'weapon', false],
    ['Någon blev knivhuggen utanför porten', 'weapon', false],
    ['Det är slagsmål i trapphuset', 'violence', false],
    ['Han slår henne och hon skriker', 'violence', false],
    ['Någon bryter sig in i lägenheten bredvid', 'break_in', false],
    ['Det är någon i min lägenhet, jag är rädd', 'break_in', false],
    ['Min granne är medvetslös', 'medical', false],
    ['Han andas inte!!', 'medical', false],
    ['HAN ANDAS INTE', 'medical', false],
    ['Min pappa har ramlat och kommer inte upp', 'medical', false],
    ['Barnet har svimmat', 'medical', false],
    ['Vi behöver ambulans', 'medical', false],
    ['En man blöder mycket i trapphuset', 'medical', false],
    ['Jag vill inte leva längre', 'suicide', false],
    ['Jag tänker ta mitt liv ikväll', 'suicide', false],
    ['har självmordstankar', 'suicide', false],
    ['SJALVMOORD', 'suicide', false],
    ['jag vill skada mig själv', 'suicide', false],
    ['Min granne sa att han ska ta livet av sig', 'suicide', false],
    ['Det är inbrott just nu i källaren', 'break_in', false],
    ['någon försöker bryta upp min dörr', 'break_in', false],
    ['Jag vet inte om det brinner', 'fire', false],
    ['Vad gör jag om det börjar brinna? Nu brinner det i köket!', 'fire', false],
  ])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe('Swedish danger that is possible but not certain (still 112, then ask)', () => {
  it.each<DangerRow>([
    ['Brandlarmet tjuter i trapphuset', 'fire', true],
    ['Det luktar bränt från grannens lägenhet', 'fire', true],
    ['Det small jättehögt utanför', 'explosion', true],
    ['Jag hörde en hög smäll för fem minuter sedan', 'explosion', true],
    ['Sprängning i trappuppgången nyss', 'explosion', true],
    ['En man bankar på min dörr och vägrar gå', 'violence', true],
    ['Någon försöker ta sig in genom fönstret', 'break_in', true],
    ['En man ligger i trapphuset', 'medical', true],
    ['Jag orkar inte längre', 'suicide', true],
    // A call for help that names no danger is asked about.
    ['SOS ring 112', 'medical', true],
    // Typos: danger found only through typo tolerance is uncertain.
    ['det brinenr i köket', 'fire', true],
    ['brnner i källarn', 'fire', true],
    ['exlposion i trapphuset', 'explosion', true],
    // A past cue does not end an injury, a gas leak or a wish to die.
    ['Min granne ramlade i går och ligger på golvet', 'medical', true],
    ['Jag försökte ta livet av mig förra veckan', 'suicide', true],
    ['Jag vill inte ta livet av mig men', 'suicide', true],
    // A negation after a noun belongs to the next verb: the smoke is still there.
    ['Röken försvinner inte', 'fire', true],
  ])('%s → %s (uncertain)', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe('Swedish danger that a calmer word elsewhere must not lower', () => {
  it.each<DangerRow>([
    ['Det brinner inte, men det luktar rök', 'fire', false],
    ['det brinner inte men det luktar rök', 'fire', false],
    ['Det är inte akut men det brinner lite i min papperskorg', 'fire', false],
    ['Inget akut, men grannen andas inte', 'medical', false],
    ['Ingen är skadad men det brinner i en soptunna', 'fire', false],
    ['Det finns ingen rök men brandlarmet går', 'fire', true],
    ['Det brann i källaren i går och det luktar fortfarande rök', 'fire', false],
    ['Branden är släckt men det ryker fortfarande', 'fire', false],
    ['Jag såg på nyheterna att det brinner i vårt hus', 'fire', false],
    ['ingen aning vad jag ska göra det brinner', 'fire', false],
    // "Nu är det lugnt" says nothing about another place, and is no past cue itself.
    ['det brinner i källaren, nu är det lugnt här uppe', 'fire', false],
    ['det brann i går och nu brinner det igen', 'fire', false],
    ['grannen slog sin fru, hon skriker', 'violence', false],
  ])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe('Swedish violence in a close relationship', () => {
  it.each<DangerRow>([
    ['Min man slår mig', 'violence', false],
    ['Grannen misshandlar sin fru just nu', 'violence', false],
    ['Min sambo hotar mig', 'violence', false],
    ['Min exman står utanför och skriker, jag är rädd', 'violence', true],
  ])('%s → %s, domestic', (text, danger, uncertain) => {
    expect(expectDanger(text, danger, uncertain).domestic).toBe(true);
  });

  it('does not flag a partner mentioned without violence', () => {
    expect(triage('Min man och jag undrar när hyran ska betalas').domestic).toBe(false);
  });
});

describe('Swedish near-misses that are not emergencies', () => {
  // The third column: a danger word is in the text and must be listed as discounted, not dropped.
  it.each<[...CategoryRow, boolean]>([
    ['det brinner inte', 'unknown', true],
    ['Det brinner inte längre', 'unknown', true],
    ['Det var brand i källaren förra veckan.', 'unknown', true],
    ['Vi såg en film om en brand igår', 'unknown', true],
    ['Jag läste i tidningen om skjutningen i Rosengård', 'unknown', true],
    ['Det var skottlossning här förra veckan, kan MKB sätta upp kameror?', 'crime_over', true],
    ['Någon blev misshandlad utanför porten i går', 'crime_over', true],
    // "nu" in "nu är det lugnt" is not something going on now.
    ['det brann i går men nu är det lugnt', 'unknown', true],
    ['grannen slog sin fru i går, nu är det tyst', 'crime_over', true],
    ['Ingen brand, bara matos från spisen', 'minor_fault', true],
    ['Brandvarnaren piper, den behöver nytt batteri', 'minor_fault', true],
    ['Brandvarnaren piper hela tiden, tror batteriet är slut', 'minor_fault', true],
    // A what-if question is a question for the office, and its danger word is discounted.
    ['Vad gör jag om det börjar brinna?', 'information', true],
    ['Hur ofta testas brandlarmet?', 'information', true],
    ['Sköt om dig!', 'information', true],
    ['Grannen röker på balkongen och röken kommer in till oss', 'disturbance', true],
    ['Är det brandövning idag?', 'information', false],
    // Common words one typo away from a danger word.
    ['Jag har frågor om skatten', 'information', false],
    ['Någon sprang i trapphuset', 'unknown', false],
    ['Det var brandövning förra veckan, varför hördes inte larmet?', 'information', false],
  ])('%s → %s', (text, category, mentionsDanger) => {
    const t = expectCategory(text, category);
    expect(t.discounted.length > 0).toBe(mentionsDanger);
  });
});

describe('Swedish everyday categories', () => {
  it.each<CategoryRow>([
    ['Grannen spelar hög musik mitt i natten', 'disturbance'],
    ['ingen fara men hissen har stannat mellan två våningar med folk i', 'urgent_fault'],
    ['HOG MUSIK OVANFOR', 'disturbance'],
    ['Det är fest i lägenheten under, jättehögt', 'disturbance'],
    ['Ungdomar hänger i trapphuset och röker på', 'disturbance'],
    ['Fulla personer skränar på gården', 'disturbance'],
    ['Någon säljer knark vid porten', 'disturbance'],
    ['Jag känner mig otrygg, det står folk i trapphuset', 'disturbance'],
    ['Grannen trakasserar mig', 'disturbance'],
    ['Hunden bredvid skäller hela natten', 'disturbance'],
    ['Det läcker vatten från taket i badrummet', 'urgent_fault'],
    ['VATTENLACKA i köket!!', 'urgent_fault'],
    ['Toaletten är stopp och vi har bara en', 'urgent_fault'],
    ['Ingen värme i lägenheten, det är iskallt', 'urgent_fault'],
    ['Strömmen har gått i hela lägenheten, säkringarna är hela', 'urgent_fault'],
    ['Fönsterrutan i sovrummet är sönder och det är minus ute', 'urgent_fault'],
    ['Ytterdörren går inte att låsa', 'urgent_fault'],
    ['Det forsar vatten från diskmaskinen', 'urgent_fault'],
    ['Kranen i köket droppar', 'minor_fault'],
    ['Kranen läcker', 'minor_fault'],
    ['Avloppet i duschen är långsamt', 'minor_fault'],
    ['Säkringen har gått', 'minor_fault'],
    ['Lampan i hallen fungerar inte', 'minor_fault'],
    ['Det är en spricka i fönsterrutan', 'minor_fault'],
    ['Inget varmvatten sedan i morse', 'minor_fault'],
    ['Diskmaskinen är trasig', 'minor_fault'],
    ['Jag är så ensam, har ingen att prata med', 'support'],
    ['Kan någon hjälpa mig att förstå brev från Försäkringskassan?', 'support'],
    ['Min gamla granne verkar förvirrad', 'support'],
    ['Finns det aktiviteter för pensionärer i området?', 'support'],
    ['Jag behöver hjälp att kontakta socialtjänsten', 'support'],
    ['Någon bröt sig in i mitt förråd i natt', 'crime_over'],
    ['Min cykel har blivit stulen från cykelrummet', 'crime_over'],
    ['Det har varit inbrott i källarförråden', 'crime_over'],
    ['Någon har klottrat i hissen', 'crime_over'],
    ['Min cykel är stulen, vad gör jag nu?', 'crime_over'],
    ['När öppnar kontoret på måndag?', 'information'],
    ['Hur betalar jag hyran?', 'information'],
    ['Kan jag få en pallkrage på gården?', 'information'],
    ['Får jag ha katt?', 'information'],
    ['När är nästa trygghetsvandring?', 'information'],
    ['Vill gärna måla om i vardagsrummet', 'information'],
    ['Hej', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });

  it.each([['Jag är utelåst'], ['Har tappat nycklarna och kommer inte in'], ['LAST UTE hjalp']])(
    '%s → locked out, an urgent fault',
    (text) => {
      const t = expectCategory(text, 'urgent_fault');
      expect(t.lockedOut).toBe(true);
    },
  );
});

describe('Swedish result details', () => {
  it('names the lexicon entries that decided, as written', () => {
    const t = triage('Det brinner i trapphuset');
    expect(t.matches).toContainEqual({ group: 'danger.fire', term: 'brinner', lang: 'sv' });
    expect(t.language).toBe('sv');
  });

  it('flags typo matches as fuzzy', () => {
    expect(triage('det brinenr').matches).toContainEqual({
      group: 'danger.fire',
      term: 'brinner',
      lang: 'sv',
      fuzzy: true,
    });
  });

  it('lists negated danger as discounted', () => {
    expect(triage('det brinner inte').discounted).toContainEqual({ group: 'danger.fire', term: 'brinner', lang: 'sv' });
  });

  it('matches danger words of any language in a mixed message', () => {
    expect(triage('Hjälp, fire i källaren').category).toBe('acute_danger');
  });

  it('is deterministic', () => {
    const text = 'Det brinner inte men det luktar rök och grannen skriker';
    expect(triage(text)).toEqual(triage(text));
  });
});
