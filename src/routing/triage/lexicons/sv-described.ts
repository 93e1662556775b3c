/**
 * Swedish danger described rather than named, as new writers put it: what a child or a panicked adult
 * sees ("köket är fullt av grått moln", "den vita dosan i taket tjuter"), slang ("en puffra", "en gun"),
 * compounds of a named thing ("kökskniv"), a fire that "tog sig", a seizure by its signs, someone working
 * at a lock right now, a baby inside a flat its parent is locked out of. Each family is a few word lists
 * crossed with `pairs` (`sv-people.ts`).
 */
import type { LexiconPart } from './phrases.ts';
import { SV_CHILD, SV_DEMENTIA, pairs } from './sv-people.ts';

/** Knives named by their kind ("kökskniv", "fällkniven"): the bare word is possible danger (`kniv*`). */
const KNIFE = ['*kniv', '*kniven', '*knivar'];
/** Slang for a gun. "Gun" only after a verb: alone it is the Turkish "gün" (day). */
const GUN_SLANG = ['puffra', 'puffran', 'pufra', 'pufran', 'glock', 'glocken', 'pickadoll*'];
/** Someone working at a lock or door ("nån pillar på mitt lås"); the gap takes "på mitt". */
const SOMEONE = ['nån', 'någon', 'en kille', 'en man', 'två killar', 'några', 'dom'];
/** Working at a lock. Not "drar i dörren", "rycker i dörren": children do that too (possible danger, `sv-possible.ts`). */
const AT_LOCK = ['pillar', 'fipplar', 'skrapar', 'mixtrar', 'petar', 'bänder'];
const LOCK = ['lås', 'låset', 'låsen', 'dörr', 'dörren', 'dörrar', 'handtag*', '*handtaget'];
/** Where a fire in a kitchen starts, and what it does there. */
const PAN = [
  'frityr*',
  'friteringsgryt*',
  'kastrull*',
  'kastrullen',
  'stekpanna*',
  'pannan',
  'grytan',
  'oljan',
  'fettet',
];
const CAUGHT = ['tog sig', 'har tagit sig', 'tog fyr', 'har tagit fyr', 'flammar', 'flammade upp'];
/** Sockets, wires and chargers: where an electrical fire starts. Not "kontakt*" ("kontakta"). */
const ELECTRIC = [
  'vägguttag*',
  'uttaget',
  'eluttag*',
  'sladd*',
  'laddare*',
  'laddaren',
  'elcentral*',
  'elskåp*',
  'säkringsskåp*',
  'proppskåp*',
  'strömbrytar*',
  'förlängningssladd*',
  'grenuttag*',
];
/**
 * Not "brinner" (a charger's lamp "brinner"), and "ryker" only as possible danger: a fuse "ryker" when it
 * blows.
 */
const SMOULDERS = ['osar', 'gnistrar', 'sprakar', 'smälter'];
/** A smoke or CO alarm described by someone who does not know its name. */
const BOX = ['dosan', 'grejen', 'saken', 'apparaten', 'lådan', 'larmet'];
/** Things that burn indoors and give carbon monoxide. */
const BURNER = ['fotogenkamin*', 'gasolkamin*', 'gasolvärmare*', 'fotogenvärmare*', 'engångsgrill*', 'kolgrill*'];
/** A young child, and medicine or household things it swallows. */
const LITTLE = ['barnet', 'sonen', 'dottern', 'bebis*', 'bäbis*', '*åring', '*åringen', 'ungen', 'lillen', 'lillan'];
const SWALLOWED = ['ätit', 'ätit upp', 'druckit', 'svalt', 'svalde', 'fått tag på', 'kommit åt', 'fått i sig'];
const POISON = ['tabletter*', 'medicin*', 'piller', 'klorin', 'diskmedel', 'tvättmedel*', 'maskindisk*', 'knappcell*'];
/** A baby inside a flat, which matters when the parent is locked out. Babies only: older children play inside. */
const BABY = ['bebisen', 'bebis', 'bäbisen', 'babyn', 'spädbarnet', 'lillen', 'lillan'];
/** Someone stuck in a lift, and signs that they are not coping. */
const STUCK = ['fast i hiss*', 'fastnat', 'sitter fast', 'därinne', 'där inne'];
const NOT_COPING = ['blir yr', 'är yr', 'svettig*', 'svettas', 'svimfärdig', 'andas tungt', 'har svårt att andas'];

/** Danger described rather than named, in Swedish. */
export const svDescribed: LexiconPart = {
  danger: {
    fire: [
      ...pairs(PAN, CAUGHT),
      ...pairs(SMOULDERS, ELECTRIC),
      ...pairs(ELECTRIC, SMOULDERS),
      // Scorched and hot: a fire inside the wall, whatever fault word stands near.
      ...pairs(
        ['vägg*', 'väggen', '*uttaget', 'golvet', 'taket', 'dörren', 'sladd*', 'elskåp*'],
        ['svart och varm', 'svart och het', 'varm och svart', 'het och svart'],
      ),
    ],
    weapon: [
      ...pairs(['med en', 'har en', 'drar en', 'drog en', 'viftar med en'], KNIFE),
      ...GUN_SLANG,
      ...pairs(['drog', 'drar', 'har', 'med', 'viftar med', 'siktar med', 'pekar med'], ['en gun', 'sin gun']),
      ...pairs(
        ['sticka ner', 'sticker ner', 'stack ner', 'hugga ner', 'hugger ner', 'högg ner'],
        ['någon', 'nån', 'folk', 'första bästa', 'honom', 'henne', 'mig', 'dig', 'oss', 'alla'],
        false,
      ),
    ],
    break_in: [
      ...pairs(pairs(SOMEONE, AT_LOCK, false), LOCK),
      // Things carried off as the tenant writes: "plockar grejer därifrån just nu".
      ...pairs(
        pairs(['plockar', 'bär ut', 'bär iväg', 'tömmer', 'länsar', 'tar'], ['grejer', 'saker', 'allt'], false),
        ['just nu', 'i detta nu', 'fortfarande'],
      ),
    ],
    // Not "fradga": hurried typing reads "frågar" as it.
    medical: ['skum ur munnen', 'skum i munnen', 'skummar om munnen'],
  },
  dangerUncertain: {
    fire: [
      ...pairs(['fullt av', 'full av', 'fyllt av', 'fylld av', 'fylls av'], ['moln', 'grått', 'svart']),
      'grått moln',
      'svart moln',
      ...pairs(pairs(BOX, ['i taket'], false), ['tjuter', 'piper', 'låter', 'blinkar rött']),
      ...pairs(ELECTRIC, ['är varm*', 'är het*', 'är svart*', 'är bränd*', 'luktar bränt', 'ryker']),
      ...pairs(['ryker'], ELECTRIC),
      // Water on burning oil, flames up into the cooker hood.
      ...pairs(['vatten på', 'vatten i'], ['blev värre', 'flammade upp', 'blossade upp', 'exploderade']),
      ...pairs(['det går', 'går det', 'det slår', 'slår det'], ['upp i köksfläkt*', 'upp i fläkten'], false),
      'piper jättehögt',
      'piper jätte högt',
    ],
    explosion: ['jättesmäll*', 'megasmäll*', 'en smäll nyss', 'smällde nyss'],
    weapon: pairs(['folk', 'alla', 'människor'], ['springer åt alla håll', 'flyr', 'springer för livet'], false),
    medical: [
      'skakar i hela kroppen',
      'rycker i hela kroppen',
      'krampar i hela kroppen',
      ...pairs(LITTLE, pairs(SWALLOWED, POISON)),
    ],
    gas: [
      ...BURNER.flatMap((b) => [`${b} inne`, `${b} .. inomhus`]),
      'grillar inne',
      'grillar inomhus',
      ...pairs(['yr'], ['spytt', 'kräks', 'kräkts', 'kräktes', 'spyr']),
    ],
    suicide: [
      'bestämt mig för att det får räcka',
      'bestämt mig för att det är dags',
      'skrivit ner vart pengarna ska',
      'skrivit ner vem som ska få',
      'vem som ska ha mina saker',
    ],
    missing: [
      ...pairs(SV_DEMENTIA, ['säng* är tom', 'säng* var tom', 'ytterdörr* stod öppen', 'ytterdörr* står öppen']),
      ...pairs(['sängen är tom', 'sängen var tom'], ['ytterdörr*', 'dörren stod öppen']),
    ],
    trapped: [
      ...BABY.flatMap((b) => [
        `${b} är inne`,
        `${b} ligger inne`,
        `${b} sover inne`,
        `${b} är kvar inne`,
        `${b} är därinne`,
      ]),
      ...pairs(
        STUCK.map((s) => `${s} .. och`),
        NOT_COPING,
      ),
    ],
  },
  signs: {
    missing: [
      'skulle va hemma',
      'skulle ha varit hemma',
      'skulle varit hemma',
      'mobilen e avstängd',
      'mobilen är av',
      'telefonen är avstängd',
      'går direkt till röstbrevlådan',
      'nattlinne',
      'nattlinnet',
      'bara pyjamas',
      'barfota',
    ],
    medical: ['ögonen är öppna men', 'ögonen öppna men'],
    weapon: ['folk springer', 'alla springer'],
  },
};
