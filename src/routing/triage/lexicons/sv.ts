/**
 * Swedish, as Malmö tenants write it. The danger words and the everyday matters live in their own files;
 * this one holds the language markers and the cues that qualify danger (negation, time, drills).
 */
import type { Lexicon } from '../lexicon.ts';
import { svDanger, svDangerUncertain, svDomestic } from './sv-danger.ts';
import { svEveryday } from './sv-everyday.ts';

/** The Swedish lexicon. */
export const lexicon: Lexicon = {
  lang: 'sv',
  // Function words and greetings. Left out on purpose: words that fold to an English or Turkish word
  // ("för" → for, "får" → far, "de", "men"). "här" and "vår" fold to "har" and "var", already here.
  markers: [
    'och', 'det', 'är', 'jag', 'inte', 'att', 'en', 'ett', 'som', 'på', 'med', 'har', 'vi', 'min', 'mitt', 'mina',
    'hej', 'hejsan', 'hjälp', 'tack', 'kan', 'hur', 'vad', 'när', 'var', 'finns', 'någon', 'nån', 'något',
    'lägenhet*', 'grannen', 'grannar*', 'trapphus*', 'porten', 'också', 'bara', 'från', 'inne', 'ute', 'vill',
    'ska', 'måste', 'behöver', 'snälla', 'mycket', 'väldigt', 'jätte*', 'där', 'dom', 'dem', 'han', 'hon',
    'våra', 'kommer', 'går', 'gör', 'eller', 'om', 'av', 'ingen', 'inget', 'nu', 'hos', 'efter',
    'sig', 'mig', 'dig', 'oss', 'sedan', 'sen', 'alla', 'ovanför', 'under', 'bredvid', 'källaren', 'gården',
    // Common words one typo away from a danger word: known words are never read as typos.
    'sprang', 'infart*', 'slangen', 'slaven', 'skjuts', 'skjutsa', 'skuta', 'skiten', 'skogen', 'slottet',
    'slotten', 'skrotet', 'salen', 'skalen', 'smaken', 'glider', 'simmar', 'simmat', 'simmade', 'banden',
    'brunt', 'rofylld*', 'kamper', 'skatten', 'betong*', 'ballong*', 'lagarna', 'stryker', 'broder',
  ],
  danger: svDanger,
  dangerUncertain: svDangerUncertain,
  ...svEveryday,
  domestic: svDomestic,
  // `inte`, `ej` also stand right after the verb they negate (V2: "det brinner inte").
  negation: ['ingen', 'inget', 'inga', 'ingenting', 'varken', 'ingen som helst'],
  negationAfter: ['inte', 'ej', 'icke', 'int', 'inte längre', 'inte alls', 'aldrig'],
  past: [
    'i går', 'igår', 'i går kväll', 'igår kväll', 'i förrgår', 'förrgår', 'förra veckan', 'förra månaden',
    'förra året', 'förra helgen', 'i förra veckan', 'för .. dagar sedan', 'för .. dagar sen', 'för .. dag sedan',
    'för .. veckor sedan', 'för .. veckor sen', 'för .. vecka sedan', 'för .. vecka sen', 'för .. månad* sedan',
    'för .. månad* sen', 'för .. år sedan', 'för .. år sen', 'häromdagen', 'häromveckan', 'i morse', 'imorse',
    'i måndags', 'i tisdags', 'i onsdags', 'i torsdags', 'i fredags', 'i lördags', 'i söndags', 'i somras',
    'i vintras', 'i våras', 'i höstas', 'i julas', 'tidigare i veckan', 'förra gången',
    // A fire that is out is over.
    'har släckt', 'har släckts', 'är släckt', 'släcktes', 'släckte',
  ],
  calm: [
    'nu är det lugnt', 'nu är det tyst', 'nu är allt lugnt', 'nu är det lugnt igen', 'nu är det tyst igen',
    'är lugnt nu', 'är tyst nu', 'lugnt nu', 'tyst nu', 'nu är det över', 'är över nu', 'nu har det lugnat sig',
    'har lugnat sig nu', 'nu är allt bra', 'allt är bra nu', 'nu är det bra', 'nu är det slut',
  ],
  recentPast: [
    'nyss', 'alldeles nyss', 'för en stund sedan', 'för en stund sen', 'för ett tag sedan', 'för ett tag sen',
    'för .. minut* sedan', 'för .. minut* sen', 'för .. timm* sedan', 'för .. timm* sen', 'för en timme sedan',
    'tidigare idag', 'tidigare i dag', 'tidigare i kväll', 'tidigare ikväll', 'tidigare i natt', 'tidigare',
    'förut',
  ],
  // A cue that ends in a clause word ("om", "att") introduces the clause after it: it reaches the danger
  // there ("vad gör jag om det börjar brinna", "nyheterna om skjutningen").
  notReal: [
    'övning', 'övningen', 'brandövning*', 'utrymningsövning*', 'test*', 'provlarm*', 'larmtest*', 'på nyheterna',
    'nyheterna', 'nyheter', 'i tidningen', 'tidningen', 'artikel', 'artikeln', 'läste om', 'läst om', 'hört om',
    'nyheterna om', 'tidningen om', 'artikel om', 'artikeln om', 'film om', 'filmen om', 'serie om', 'bok om',
    'på tv', 'film', 'filmen', 'tv serie*', 'serien', 'dataspel*', 'tv spel*', 'spel', 'spelet', 'skämt',
    'skämtar', 'på skoj', 'låtsas', 'fiktiv*', 'boken', 'drömde', 'drömt', 'mardröm', 'teater*', 'pjäs*',
    'dokumentär*', 'podden', 'poddar', 'podcast*',
    // Questions about what to do if something happens are not the thing happening.
    'vad gör jag om', 'vad gör man om', 'vad gör vi om', 'vad ska jag göra om', 'vad ska man göra om',
    'vad ska vi göra om', 'vad händer om', 'hur gör man om', 'hur gör jag om', 'vart ska jag gå om',
    'vem ringer jag om', 'vem ska jag ringa om', 'vid brand', 'i händelse av', 'ifall det', 'om det skulle',
  ],
  ongoing: [
    'just nu', 'pågår', 'pågående', 'fortfarande', 'nu', 'igen', 'hela tiden', 'håller på', 'i detta nu',
    'sedan i går', 'sedan igår', 'sen i går', 'sen igår', 'sedan i morse', 'sen i morse', 'sedan förra veckan',
    'sen förra veckan', 'på riktigt', 'fortsätter', 'är kvar', 'fortfarande kvar', 'i denna stund',
  ],
  clauseBreaks: [
    'men', 'och', 'eller', 'utan', 'fast', 'om', 'att', 'när', 'eftersom', 'därför', 'medan', 'innan',
    'jag', 'du', 'han', 'hon', 'vi', 'ni', 'de', 'dom', 'det',
  ],
};
