/**
 * Swedish danger words in messages about something that is over or never was: everyone is fine again, the
 * aftermath of an event ("nu kan jag inte sova"), a notice about it, news and games, what-if questions,
 * and faults that borrow a danger word (a pipe that "exploded", a door that slams like a shot, a smoke
 * alarm set off by cooking).
 *
 * Each family is written as word lists crossed with `pairs` (`sv-people.ts`), so it holds for the
 * phrasings nobody has written yet. Content entries (a fault, a question) explain only the danger word
 * they contain; `notReal` cues also discount danger said before them in their sentence, so only phrases
 * that nobody writes next to danger going on are cues.
 */
import { SV_CHILD, SV_ELDER, pairs } from './sv-people.ts';

/** People who may be fine again after an event. */
const WHO = [...new Set(['han', 'hon', 'hen', 'alla', 'vi', 'jag', 'grannen', ...SV_CHILD, ...SV_ELDER])];
/** Being fine again. Not "är hemma" alone: an ex who is home again is no all clear. */
const FINE = ['mår bra', 'mår bättre', 'mår fint', 'är okej', 'är ok', 'är oskadd', 'är oskadda', 'är utom fara'];

/**
 * All clear, said after an event (`notReal`): "pappa ramlade i natt, han mår bra nu". A negated one
 * ("hon mår inte bra nu") does not match, and "nu" inside it is no sign that anything goes on.
 */
export const svAllClear: string[] = [
  ...pairs(WHO, FINE, false).flatMap((p) => [`${p} nu`, `${p} igen`]),
  ...pairs(SV_CHILD, ['är hemma', 'har kommit hem', 'kom hem'], false).flatMap((p) => [`${p} nu`, `${p} igen`]),
  'hypotetiskt',
  'rent hypotetiskt',
  'hypotetiskt om',
  'hypotetisk fråga',
];

/**
 * The aftermath, said with "nu" (`calm`): the writer's state now, not the danger's. They only keep "nu"
 * from counting as ongoing, so a past cue in the sentence still puts the event in the past ("det brann i
 * förrgår, nu har polisen tagit bort avspärrningen").
 */
export const svAftermath: string[] = [
  ...pairs(['nu kan'], ['jag', 'vi', 'barnen', 'han', 'hon', 'dottern', 'sonen'], false).flatMap((p) => [
    `${p} inte sova`,
    `${p} inte somna`,
  ]),
  'nu kan ingen sova',
  'nu kan ingen somna',
  'nu vågar jag inte',
  'nu vågar jag knappt',
  'nu vågar vi inte',
  'nu vågar barnen inte',
  ...pairs(['nu har'], ['polisen', 'brandkåren', 'räddningstjänsten', 'ambulansen', 'brandmännen'], false),
  // "Nu är det lugnt" as it is texted: "e" for "är", "de" for "det".
  ...pairs(
    ['nu e det', 'nu e de', 'nu är de', 'nu e allt'],
    ['lugnt', 'tyst', 'över', 'bra', 'okej', 'ok', 'lugnt igen', 'tyst igen'],
    false,
  ),
  ...pairs(['nu är det'], ['okej', 'ok'], false),
];

/** Danger words as nouns of an event ("explosionen"), for a notice or a question about it. */
const EVENT = [
  'branden',
  'bränderna',
  'elden',
  'explosionen',
  'smällen',
  'sprängningen',
  'skjutningen',
  'skottlossningen',
  'knivhuggningen',
  'inbrottet',
  'inbrotten',
  'rånet',
  'misshandeln',
  'gasläckan',
  'översvämningen',
];
/** A notice, a message or a question about an event: "lappen om explosionen". */
const NOTICE = [
  'lapp om',
  'lappen om',
  'lappar om',
  'info om',
  'information om',
  'informationen om',
  'mejl om',
  'mejlet om',
  'mail om',
  'mailet om',
  'brev om',
  'brevet om',
  'meddelande om',
  'meddelandet om',
  'fråga om',
  'frågan om',
  'frågor om',
  'angående',
  'gällande',
];

/**
 * Questions and notices about an event that is over, as `information`: "om nån bryter sig in, ska jag
 * ringa er?" asks what to do; "ni satte upp en lapp om explosionen" is about one that is over.
 */
export const svAskedAbout: string[] = [
  ...pairs(NOTICE, EVENT, false),
  ...pairs(['om', 'ifall'], ['bryter sig in', 'skulle bryta sig in', 'försöker bryta sig in']),
  'var det övning*',
  'var det en övning',
  'var det brandövning*',
];

/** Fire alarms, for an alarm set off by cooking. */
const ALARM = ['brandlarm*', 'brandvarnare*', 'larmet', 'rökdetektor*', 'rökvarnare*'];
/**
 * Someone cooking. Written with the cook ("när jag stekte"): "brandlarmet går, ingen lagar mat" is a
 * possible fire, and a gap may hold a negation. Not "bränt" alone: "nån har bränt sopor" is arson.
 */
const COOKS = ['jag', 'vi', 'han', 'hon'];
const COOKED = [
  'stekte',
  'lagade mat',
  'kokade',
  'bakade',
  'grillade',
  'friterade',
  'rostade',
  'poppade',
  'brände vid',
  'brände maten',
  'brände popcorn',
  'brände gröten',
];
const COOKING = [
  // "när", "medan", "för att" stand in the gap before the cook.
  ...pairs(COOKS, COOKED, false),
  ...pairs(['av', 'pga'], ['matos', 'stekos', 'matlagning*', 'matlagningen', 'brödrost*'], false),
];
/** Pipes and fittings: water, not a bomb, when one "exploded". */
const PIPE = [
  'röret',
  'rören',
  '*röret',
  '*rören',
  'rörledning*',
  'vattenrör*',
  'avloppsrör*',
  'diskho*',
  'handfat*',
  'kranen',
  '*kranen',
  'slangen',
  '*slangen',
  'elementet',
];
/**
 * A door that slams like a shot: a fault. Only the verb of a slamming door: "det smäller som skott vid
 * porten" is possible shooting, and "som en bomb" may be one.
 */
const SLAM = ['slår igen', 'slog igen', 'slår igen dörr*'];
const LIKE_A_SHOT = [
  'som ett skott',
  'som skott',
  'som ett pistolskott',
  'med en smäll',
  'med en hög smäll',
  'med en jättesmäll',
];
/** Lamps and fuses that go with a bang. */
const LAMP = ['lampa', 'lampan', 'lamporna', 'glödlamp*', 'lysrör*', 'taklamp*'];

/** Faults that borrow a danger word: the longer fault phrase explains the danger word it contains. */
export const svFaultIdioms = {
  urgentFault: [...pairs(PIPE, ['exploder*'])],
  minorFault: [
    ...pairs(ALARM, COOKING),
    ...pairs(COOKS, COOKED, false).flatMap((w) => pairs([w], ALARM)),
    ...pairs(SLAM, LIKE_A_SHOT),
    ...pairs(LAMP, ['small', 'smällde', 'sa pang', 'exploderade']),
    'propp',
    'en propp',
    'propp* gick',
  ],
};

/** Games whose shooting is on a screen. */
const GAME = [
  'fortnite',
  'call of duty',
  'counter strike',
  'gta',
  'minecraft',
  'roblox',
  'warzone',
  'pubg',
  'valorant',
  'battlefield',
  'overwatch',
  'xbox',
  'playstation',
  'dataspel*',
  'datorspel*',
  'tv spel*',
  'tvspel*',
  'onlinespel*',
  'spelet',
];
/** What happens to a player. */
const PLAYED = ['skjuten', 'sköt', 'skjuter', 'skjutit', 'dödad', 'dödade', 'knivhuggen', 'sprängd', 'sprängde'];

/**
 * Second-hand and screen uses as `notReal`: games ("spelar Fortnite och blev skjuten"), the news ("såg på
 * nyheterna att det var skottlossning i stan"). Not "hörde att det var": a neighbour may have heard it here.
 */
export const svScreens: string[] = [
  // A story told elsewhere: "i en film" is a cue already (`film`), and these are its neighbours.
  'i en serie',
  'i en bok',
  'i en dröm',
  'i drömmen',
  'på film',
  'på video',
  'i en video',
  'i videon',
  'på youtube',
  'på tiktok',
  ...pairs(GAME, PLAYED),
  ...pairs(PLAYED, GAME),
  ...pairs(
    ['nyheterna', 'tidningen', 'läste', 'läst'],
    ['att det var', 'att det har varit', 'att det hade varit', 'om att det var'],
    false,
  ),
];
