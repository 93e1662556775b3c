// Swedish rules beyond the first lexicon (issue 13): the new kinds (missing, trapped), indirect suicidal
// talk, immediacy, idioms and events that are over, and everyday categories. Sentences written for this
// test, not taken from the corpus. Rules alone: lexicons and safety net, without the classifier.
import { describe, expect, it } from 'vitest';
import { triage } from '../../src/routing/triage/index.ts';
import type { DangerKind } from '../../src/routing/types.ts';
import { type CategoryRow, type DangerRow, RULES, expectCategory, expectDanger } from './triage-helpers.ts';

describe('Swedish: missing people are 112', () => {
  it.each<DangerRow>([
    ['Min dotter är försvunnen från lekplatsen', 'missing', false],
    ['hjälp min son på 6 år är försvunnen', 'missing', false],
    ['vi hittar inte vår lilla pojke nånstans', 'missing', false],
    ['lillasyrran har gått vilse i området', 'missing', false],
    ['pappa som är dement har försvunnit från lägenheten', 'missing', false],
    ['mormor har demens och är borta, hon har bara tofflor', 'missing', false],
    ['min 5-åring är borta', 'missing', true],
    ['sonen har inte kommit hem från träningen och svarar inte', 'missing', true],
    ['min tös kom inte hem efter skolan', 'missing', true],
    ['farfar hittar inte hem och det är mörkt', 'missing', true],
    ['har nån sett en liten flicka med röd mössa?', 'missing', true],
  ])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe('Swedish: people locked in or trapped', () => {
  it.each<DangerRow>([
    ['barnet är inlåst i förrådet', 'trapped', false],
    ['min treåring sitter fast i hissen', 'trapped', false],
    ['hissen har fastnat med min dotter i, hon är fyra', 'trapped', false],
    ['vi sitter fast i hissen och min pappa får panik', 'trapped', false],
    ['en granne är fastklämd under en garderob', 'trapped', false],
    ['min son har låst in sig i badrummet och svarar inte', 'trapped', true],
    ['ett litet barn är ensamt hemma i lägenheten bredvid och gråter', 'trapped', true],
    ['en pojke står i det öppna fönstret på fjärde våningen', 'trapped', true],
    ['min gamla mamma är utelåst på balkongen och det är minus', 'trapped', true],
  ])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });

  it.each<CategoryRow>([
    // A calm wait in a stuck lift, or an adult locked in, is an urgent fault.
    ['hissen har fastnat mellan våningarna men jag mår bra och väntar', 'urgent_fault'],
    ['dörren har låst sig och jag kommer inte ut ur badrummet', 'urgent_fault'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });
});

describe('Swedish: indirect suicidal talk, injury and an old neighbour not seen', () => {
  it.each<DangerRow>([
    ['jag vill bara somna och aldrig vakna igen', 'suicide', true],
    ['alla skulle klara sig bättre utan mig', 'suicide', true],
    ['jag har gett bort alla mina saker nu', 'suicide', true],
    ['har lagt ett avskedsbrev på bordet', 'suicide', false],
    ['det är sista gången ni ser mig', 'suicide', false],
    ['hon har tagit alla tabletter i burken', 'suicide', false],
    ['grannen har inte synts på en vecka och tidningarna ligger kvar', 'medical', true],
    ['det ligger en man blodig i porten', 'medical', true],
    ['hans ansikte hänger på ena sidan och han sluddrar', 'medical', false],
    ['min man har kollapsat i köket', 'medical', false],
    ['mamma har ramlat och kan inte resa sig', 'medical', true],
    ['koloxidlarmet piper och vi har huvudvärk och är yra', 'gas', true],
    ['gasflaskan på balkongen läcker', 'gas', false],
  ])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe('Swedish: danger in progress, or the perpetrator still near', () => {
  it.each<DangerRow>([
    ['någon går runt och känner på alla dörrar i trapphuset', 'break_in', true],
    ['två killar sågar av låsen i cykelrummet', 'break_in', true],
    ['jag hör nån leta igenom lådorna i hallen', 'break_in', true],
    ['det står en främmande man i mitt kök', 'break_in', true],
    ['de bröt sig in i förrådet nyss och står kvar där nere', 'break_in', true],
    ['jag blev precis rånad och rånarna står kvar vid porten', 'violence', true],
    ['mitt ex står utanför dörren och bankar, han har hotat att döda mig', 'violence', false],
    ['han skriver att han ska döda mig ikväll', 'violence', false],
    ['killarna skjuter raketer rakt mot fönstren', 'weapon', false],
    ['han viftar med en kniv i trapphuset', 'weapon', false],
    ['någon har satt fyr på soptunnan', 'fire', false],
  ])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe('Swedish: signs of harm in a message the rules cannot place (112 first, then ask)', () => {
  it.each<[string, DangerKind]>([
    ['ligger på golvet, svarar inte på tilltal', 'medical'],
    ['HJÄLP OSS LETA', 'missing'],
    ['snälla hjälp mig', 'medical'],
  ])('%s → uncertain %s from the safety net', (text, danger) => {
    const t = triage(text, RULES);
    expect({ category: t.category, danger: t.danger, uncertain: t.uncertain, layer: t.layer }).toEqual({
      category: 'acute_danger',
      danger,
      uncertain: true,
      layer: 'safety-net',
    });
  });
});

describe('Swedish: idioms, stories and events that are over are not emergencies', () => {
  it.each<CategoryRow>([
    ['det brinner i knutarna, kan ni ringa tillbaka imorgon', 'unknown'],
    ['jag brinner för odling, finns det pallkragar kvar?', 'information'],
    ['konserten igår var eld', 'unknown'],
    ['grillfesten var ju bomben', 'unknown'],
    ['jobbet tar livet av mig, när öppnar kontoret?', 'information'],
    ['där sköt jag mig själv i foten, glömde boka tvättid', 'information'],
    ['vi skjuter upp mötet till nästa vecka', 'information'],
    ['tvättmaskinen låter som att den ska explodera', 'minor_fault'],
    ['vi såg en film om en husbrand igår', 'unknown'],
    ['när lagar ni dörren som gick sönder vid branden?', 'minor_fault'],
    ['tack för hjälpen förra veckan när det brann', 'unknown'],
    ['det brann i tvättstugan i fjol, är den säker nu?', 'information'],
    ['efter gasläckan i höstas, är ledningarna kontrollerade nu?', 'information'],
    ['vad ska man göra om brandlarmet går på natten?', 'information'],
    ['brandlarmet gick igång i natt av misstag, nu är det tyst', 'unknown'],
    ['jag brände pannkakorna och larmet pep', 'unknown'],
    ['grannen röker på balkongen hela kvällen och röken kommer in till oss', 'disturbance'],
    ['det luktar rök från grannens grill', 'disturbance'],
    ['det pyser från elementet', 'minor_fault'],
    ['gardinstången har ramlat ner', 'minor_fault'],
    ['brandvarnaren piper varje minut', 'minor_fault'],
    ['mina barn är borta hos sin pappa i helgen', 'information'],
    ['jag orkar inte mer med grannens musik', 'disturbance'],
    ['det har varit tjuvar i källaren', 'crime_over'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });

  it('keeps danger that stands next to an idiom or a past event', () => {
    expectDanger('efter smällen brinner det i trapphuset', 'fire', false);
    expectDanger('det brann i går och nu brinner det igen', 'fire', false);
    expectDanger('jag vet inte om det brinner', 'fire', false);
  });
});

describe('Swedish: everyday words that fold to another word', () => {
  it.each<CategoryRow>([
    // "gång" folds to "gang" like "gäng"; "gånger" is not a typo of "gänget".
    ['brandvarnaren har pipit flera gånger, batteriet är slut', 'minor_fault'],
    ['det ligger sopor i trapphuset', 'information'],
    ['när kommer någon och lagar spisen?', 'minor_fault'],
    ['min brevlåda har blivit uppbruten', 'crime_over'],
    ['någon har slagit sönder lamporna i porten', 'crime_over'],
    ['tvättmaskinen har läckt och det står vatten på golvet', 'urgent_fault'],
    ['kylskåpet läcker lite, en liten pöl', 'minor_fault'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });
});

describe('Swedish, second round: what is over or never real stays out of 112', () => {
  it.each<CategoryRow>([
    // All clear after an event, the aftermath of a film, a notice or a question about an event.
    ['tack för att ni kom i natt när mormor ramlade, hon mår bra nu', 'unknown'],
    ['vi såg en skräckfilm där alla blev knivhuggna och nu kan ingen sova', 'unknown'],
    ['det brann i soprummet i söndags, nu har räddningstjänsten åkt', 'information'],
    ['har ni fått in information om branden i grannhuset?', 'information'],
    ['om någon försöker bryta sig in i förrådet, vem ska jag ringa?', 'information'],
    ['hypotetiskt om min son blir inlåst i förrådet, vad gör vi?', 'unknown'],
    // News and games.
    ['jag läste i tidningen att det hade varit en skjutning i Göteborg', 'unknown'],
    ['min bror blev skjuten fem gånger i Minecraft', 'unknown'],
    // Faults that borrow a danger word, and an alarm set off by the cook.
    ['brandvarnaren tjöt när jag stekte köttbullar, nu är det tyst', 'minor_fault'],
    ['vattenröret i källaren exploderade, det forsar vatten', 'urgent_fault'],
    ['porten slår igen som ett skott hela tiden', 'minor_fault'],
    ['glödlampan exploderade i badrummet', 'minor_fault'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });

  it('keeps a possible fire when the alarm goes and nobody is cooking', () => {
    expectDanger('brandlarmet tjuter och ingen lagar mat', 'fire', true);
  });

  it.each(['igår, nu e det lugnt', 'i en dröm', 'i drömmen', 'i en bok', 'i en serie'])(
    '"det brinner i källaren %s" is no certain danger',
    (cue) => {
      const t = triage(`det brinner i källaren ${cue}`, RULES);
      expect(t.category === 'acute_danger' && !t.uncertain).toBe(false);
    },
  );
});

describe('Swedish, second round: danger described rather than named', () => {
  it.each<DangerRow>([
    ['stekpannan har tagit fyr', 'fire', false],
    ['det osar från laddaren i vardagsrummet', 'fire', false],
    ['väggen bakom spisen är svart och varm', 'fire', false],
    ['det är fullt av grått moln i hallen', 'fire', true],
    ['en kille står i porten med en brödkniv', 'weapon', false],
    ['folk springer åt alla håll på torget', 'weapon', true],
    ['någon fipplar med vårt lås just nu', 'break_in', false],
    ['två killar bär ut grejer från källaren fortfarande', 'break_in', false],
    ['han fick ett anfall och har skum ur munnen', 'medical', false],
    ['min 2-åring har fått tag på tabletter', 'medical', true],
    ['vi har en gasolkamin inne och alla har ont i huvudet', 'gas', true],
    ['mamma har alzheimer och sängen är tom', 'missing', true],
    ['bebisen ligger inne och jag har låst mig ute', 'trapped', true],
    ['hissen har stannat, min pappa är därinne och säger att han är yr', 'trapped', true],
  ])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});
