/**
 * Swedish figurative and second-hand uses of danger words. Each entry contains the danger word, and a
 * longer hit explains a shorter one it contains (`lexicon.ts`), so "det brinner i knutarna" (in a hurry),
 * "jag brinner för fotboll" (a passion) or "efter branden" (an event that is over) never make a message
 * acute, even next to "nu".
 * - `svIdioms` are `notReal` cues: they place the message nowhere, and they discount danger said of them in
 *   their sentence, so each is a phrase that is only ever figurative or a story.
 * - `svAfterEvents` are `information` ("när lagar ni porten som gick sönder vid branden?"): they explain
 *   only the word they contain, so "efter smällen brinner det i trapphuset" stays a fire.
 */

/**
 * Danger words as nouns of an event, for "a film about …", "after the …". Written out rather than as
 * stems: a word that matches some entry through a wildcard is never read as a typo, so a stem such as
 * `brinn*` here would hide the typo in "brinenr".
 */
const EVENTS = [
  'brand',
  'branden',
  'bränder',
  'bränderna',
  '*branden',
  '*brand',
  'elden',
  'eldsvådan',
  'explosion',
  'explosionen',
  'explosionerna',
  'smällen',
  'smällarna',
  'sprängningen',
  'sprängningarna',
  'skjutningen',
  'skjutningarna',
  'skottlossningen',
  'knivhuggningen',
  'knivdådet',
  'mordet',
  'morden',
  'inbrottet',
  'inbrotten',
  'rånet',
  'misshandeln',
  'våldet',
  'gasläckan',
  'självmordet',
  'bomben',
  'överfallet',
];

/** Cues that what follows is a story or news: "filmen om …". */
const ABOUT = [
  'film om',
  'filmen om',
  'serie om',
  'serien om',
  'bok om',
  'boken om',
  'nyheterna om',
  'artikel om',
  'artikeln om',
  'läste om',
  'läst om',
  'hört om',
];

/** An event that is over, asked about: "efter branden", "sedan inbrottet", "vid explosionen". */
export const svAfterEvents: string[] = ['efter', 'sedan', 'sen', 'vid'].flatMap((a) => EVENTS.map((e) => `${a} ${e}`));

/** Fears and risks, as `information`: "orolig att det ska börja brinna" is no fire. */
export const svFears: string[] = [
  'ska börja brinna',
  'kan börja brinna',
  'kommer att börja brinna',
  'kommer börja brinna',
  'risk att det börjar brinna',
  'brandrisk*',
];

/** Figurative and second-hand uses that contain a danger word. */
/** An alarm that went off for nothing ("brandlarmet gick igång i natt utan anledning"). */
const FALSE_ALARMS = ['brandlarm*', 'larmet', 'brandvarnare*'].flatMap((alarm) =>
  ['utan anledning', 'av misstag'].flatMap((why) => [`${alarm} .. ${why}`, `${alarm} .. gick .. ${why}`]),
);

export const svIdioms: string[] = [
  ...FALSE_ALARMS,
  // Smoke that lingers after a fire that is over ("det luktar rök sedan branden").
  ...['efter', 'sedan', 'sen'].flatMap((a) => ['branden', 'bränderna', 'eldsvådan'].map((e) => `${a} ${e}`)),
  'skjuter zombie*',
  'skjuter .. i spel*',
  ...ABOUT.flatMap((a) => EVENTS.map((e) => `${a} ${e}`)),
  ...['film om', 'filmen om', 'nyheterna om', 'läste om', 'läst om'].flatMap((a) => EVENTS.map((e) => `${a} .. ${e}`)),
  // In a hurry; a passion; a hot day; a social blunder.
  'brinner i knutarna',
  'jag brinner för',
  'brinner verkligen för',
  'brinner för att',
  'brinner för .. frågor',
  'var eld',
  'är eld',
  'e eld',
  'var ju eld',
  'är ju eld',
  'var bomben',
  'är bomben',
  'var ju bomben',
  'är ju bomben',
  'the bomb',
  'brand new',
  // A machine that sounds as if it would explode, a head about to.
  'som att den ska explodera',
  'som om den ska explodera',
  'som om den skulle explodera',
  'som att den skulle explodera',
  'som om den höll på att mördas',
  'som om den mördas',
  'som att den mördas',
  'huvudet exploderar',
  'skallen exploderar',
  'exploderar av skratt',
  'exploderar av ilska',
  'exploderar av sms',
  'exploderar av meddelanden',
  // Shooting on a screen or in a game.
  'skjuter .. på tv*',
  'skjuter .. i filmen',
  'skjuter .. i spelet',
  'skjuten .. i spelet',
];
