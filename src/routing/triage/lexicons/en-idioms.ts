/**
 * English phrases that contain a danger word and explain it away (see `lexicon.ts` on overlapping hits):
 * idioms ("the party was fire", "shoot me an email", "my phone is blowing up"), toys and games, and events
 * that are over ("after the fire", "the break-in last month"). Each family is written once and spelled out
 * with `cross`, so it holds for the words nobody has written yet.
 *
 * Most of them are content entries (information, disturbance, a fault): a content hit explains only the
 * words it covers. A `notReal` cue also discounts other danger in its sentence ("he is unconscious after
 * the fire" would lose "unconscious"), so only phrases that hold a cue word the lexicon already has
 * ("film", "game", "news") or that no one writes next to real danger are cues. Only phrases whose every
 * reading is harmless belong here: "is fire" stands only after a party or a song ("the kitchen is fire"
 * may be a hurried "on fire").
 */
import { cross, KIN, PARENT } from './en-phrases.ts';

/** Things that can be "fire" or "the bomb" in slang: a show, a song, food, clothes. */
const GOOD_THING = [
  'concert',
  'gig',
  'show',
  'song',
  'track',
  'album',
  'food',
  'pizza',
  'burger',
  'game',
  'match',
  'outfit',
  'fit',
  'festival',
  'movie',
  'film',
  'performance',
  'band',
  // People and services praised: "the new caretaker is fire".
  'caretaker',
  'janitor',
  'staff',
  'team',
  'service',
  'app',
  'teacher',
  'coach',
];
/** The same, for a party or its music: a party is still a disturbance when it is "fire". */
const GOOD_PARTY = ['party', 'music', 'beat', 'beats', 'dj', 'set', 'vibe', 'vibes', 'night', 'rave'];

/** Events that a tenant may ask about once they are over. */
const EVENT = [
  'fire',
  'explosion',
  'bang',
  'blast',
  'shooting',
  'stabbing',
  'break in',
  'break ins',
  'burglary',
  'burglaries',
  'robbery',
  'gas leak',
  'attack',
  'assault',
  'fight',
];

/** Time long enough ago that the event cannot be going on. */
const LONG_AGO = [
  ...cross(['last'], ['week', 'month', 'year', 'spring', 'summer', 'autumn', 'fall', 'winter', 'weekend']),
  ...cross(
    ['in'],
    [
      'january',
      'february',
      'march',
      'april',
      'june',
      'july',
      'august',
      'september',
      'october',
      'november',
      'december',
      'the spring',
      'the summer',
      'the autumn',
      'the winter',
      'spring',
      'summer',
      'autumn',
      'winter',
    ],
  ),
  'weeks ago',
  'months ago',
  'years ago',
  'a week ago',
  'a month ago',
  'a year ago',
];

/** Films, games, stories: what a danger word on a screen is about. */
const MEDIA = [
  'film',
  'movie',
  'documentary',
  'show',
  'series',
  'programme',
  'program',
  'book',
  'story',
  'article',
  'video',
  'clip',
  'game',
  'episode',
  'podcast',
  'dream',
  'nightmare',
];
/** Danger words a film or a game is about. */
const SCREEN_DANGER = [
  'fire',
  'fires',
  'explosion*',
  'bomb*',
  'shooting',
  'stabbing',
  'gun',
  'guns',
  'knife',
  'knives',
  'weapon*',
  'murder*',
  'killer*',
  'kill*',
  'attack',
  'assault',
];

/** Toys and tools named after weapons. */
const TOY = ['toy', 'water', 'nerf', 'glue', 'nail', 'heat', 'staple', 'cap', 'fake', 'plastic', 'paintball', 'squirt'];

/** Slang, screens and games, as `notReal` cues. */
export const enIdioms: string[] = [
  // Slang: "the party was fire", "the concert is the bomb".
  ...cross(GOOD_THING, ['..'], ['is', 'was', 'are', 'were', 'its', 'be'], ['fire', 'straight fire', 'the bomb']),
  'its the bomb',
  'was the bomb',
  'bath bomb*',
  'photo bomb*',
  'love bomb*',
  // Films, games, stories: "a film about a house fire".
  ...cross(MEDIA, ['about', 'with', 'of'], ['..'], SCREEN_DANGER),
  'fortnite',
  'call of duty',
  'playstation',
  'xbox',
  'gaming',
  ...cross(['if the'], ['fire alarm', 'smoke alarm', 'alarm'], ['goes off', 'go off']),
  // Someone else's account of an event, like "on the news".
  'read there was',
  'read that there was',
  'heard on the radio',
  'on the radio',
];

/** Harmless uses of danger words and events that are over, as `information`. */
export const enHarmless: string[] = [
  'f bomb',
  'the bomb for',
  ...cross(['stroke'], ['the cat', 'the dog', 'of luck', 'of genius', 'of midnight']),
  'fire someone',
  'fire me',
  'fire him',
  'fire her',
  'fire hazard',
  'fire risk',
  'fire station',
  'fire inspection',
  'fire regulations',
  'fire rules',
  'fire prevention',
  'fire service*',
  'fire up',
  'smoke free',
  'shooting pain*',
  ...cross(['shooting', 'shooter'], ['game', 'games']),
  ...cross(['cant find my', 'looking for my', 'searching for my'], KIN, [
    'bike',
    'jacket',
    'coat',
    'shoes',
    'key',
    'keys',
    'phone',
    'bag',
    'school bag',
    'toys',
    'toy',
    'clothes',
    'scooter',
    'ball',
    'parcel',
    'wallet',
    'stuff',
    'things',
  ]),
  ...cross(
    ['disappeared into', 'disappears into'],
    ['his', 'her', 'their', 'the'],
    ['room', 'bedroom', 'garage', 'bathroom'],
  ),
  ...cross(
    ['locked in', 'locked into', 'trapped in', 'stuck in'],
    ['a', 'the', 'my', 'this'],
    ['contract', 'lease', 'agreement'],
  ),
  ...cross(['stuck in', 'trapped in'], ['traffic', 'a queue', 'the queue', 'the car park', 'a meeting']),
  'fire pit',
  'fire away',
  'shoot me an',
  'shoot me a',
  'a stab at',
  'stab in the dark',
  'shooting star*',
  'shooting a video',
  'shooting a film',
  'shooting a movie',
  'photo shoot*',
  ...cross(['flu', 'vaccine', 'booster', 'covid', 'tequila', 'vodka'], ['shot', 'shots']),
  'choking hazard',
  'blood test*',
  'blood donation',
  'give blood',
  ...cross(['heart'], ['is beating', 'beating', 'was beating', 'keeps beating']),
  ...cross(['he is', 'she is', 'hes', 'shes', 'im', 'i am'], ['dead tired']),
  ...cross(
    ['is missing', 'are missing', 'misses', 'miss'],
    ['his', 'her', 'their', 'my', 'our'],
    ['dad', 'mum', 'mom', 'father', 'mother', 'family', 'friends', 'grandma', 'grandpa', 'home', 'country', 'school'],
  ),
  ...cross(
    ['he', 'she', ...PARENT, 'husband', 'wife', 'man', 'woman', 'someone'],
    ['fell asleep', 'fell in love', 'fell for'],
  ),
  ...cross(['phone', 'inbox', 'chat', 'group chat'], ['..'], ['blowing up', 'blew up', 'exploding', 'exploded']),
  ...cross(['head', 'brain'], ['..'], ['explode', 'exploding']),
  ...cross(['blow up', 'blowing up', 'blew up'], ['balloons', 'the balloons']),
  'had a blast',
  'have a blast',
  'having a blast',
  ...cross(['burning'], ['candle', 'candles', 'incense', 'a candle']),
  ...cross(['candles', 'candle'], ['burning']),
  ...cross(['eyes', 'throat', 'skin'], ['..'], ['burning']),
  'burning sensation',
  // Toys and tools named after weapons.
  ...cross(['a', 'the', 'his', 'my', 'with'], TOY, ['gun', 'guns']),
  ...cross(TOY, ['gun*', 'pistol*', 'rifle*', 'knife', 'knives', 'sword*', 'weapon*']),
  // "a toy gun in the yard": the toy must also cover the weapon phrases `gun in`, `gun at`, …
  ...cross(TOY, ['gun', 'guns'], ['in', 'at', 'to', 'on', 'out']),
  ...cross(['toy'], ['bomb', 'grenade*', 'axe']),
  ...cross(['butter', 'bread', 'pocket'], ['knife']),
  // Events that are over: "after the fire", "since the break-in", "the stabbing here last month".
  ...cross(['after the', 'since the', 'before the'], EVENT),
  ...cross(EVENT, ['..'], LONG_AGO),
  ...cross(['broke', 'broken', 'damaged', 'destroyed', 'ruined', 'lost', 'burnt', 'burned'], ['in the fire']),
  ...cross(['ambulance'], ['came', 'took', 'was here', 'left']),
  'taken by ambulance',
  'taken away by ambulance',
];

/** Noise that borrows danger words ("shooting nonstop from the TV", "he blew up at me"): `disturbance`. */
export const enNoisyIdioms: string[] = [
  ...cross(['shooting', 'shots', 'screaming', 'explosions', 'gunfire', 'gunshots'], ['..'], ['tv', 'the tv']),
  ...cross(['blew up', 'blow up', 'blowing up'], ['at me', 'at him', 'at her', 'at us']),
  ...cross(GOOD_PARTY, ['..'], ['is', 'was', 'are', 'were', 'its', 'be'], ['fire', 'straight fire', 'the bomb']),
  'full blast',
  'boom box',
];

/** A machine that "sounds like it will explode" is a fault: `minorFault`. */
export const enFaultIdioms: string[] = [
  ...cross(
    ['sounds like', 'feels like', 'looks like'],
    ['..'],
    [
      'explode',
      'blow up',
      'going to explode',
      'about to explode',
      'gonna explode',
      'going to blow up',
      'about to blow up',
    ],
  ),
];
