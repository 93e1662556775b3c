/**
 * English danger words in messages about something that is over or never was: everyone is fine again, the
 * aftermath of an event ("now I can't sleep"), a notice about it, the fire brigade gone, news and games,
 * hypothetical questions, and faults that borrow a danger word (a pipe that "exploded", a door that slams
 * like a gunshot, a bulb that went with a bang, a smoke alarm set off by cooking).
 *
 * Content entries (a fault, a question) explain only the danger word they contain; `notReal` cues also
 * discount danger said before them in their sentence, so only phrases that nobody writes next to danger
 * going on are cues.
 */
import { CHILD, PARENT, cross } from './en-phrases.ts';

/** Someone, with "is" or "are" ("she's" folds to `shes`). */
const SOMEONE_IS = [
  'shes',
  'hes',
  'she is',
  'he is',
  'theyre',
  'they are',
  'were all',
  'we are all',
  'everyone is',
  'everyones',
  'everybody is',
  // Without "my" or "the": the phrase starts at the noun ("my son is fine now"), so the commonest words
  // do not start hundreds of phrases.
  ...cross([...CHILD, ...PARENT, 'husband', 'wife', 'neighbour'], ['is']),
  ...[...PARENT, 'husband', 'wife'].map((w) => `${w}s`),
];
/** Well again. Not "home" alone: an ex who is home again is no all clear. */
const WELL = [
  'fine',
  'ok',
  'okay',
  'alright',
  'well',
  'better',
  'safe',
  'stable',
  'home and well',
  'home and fine',
  'home and ok',
  'home safe',
  'home and safe',
  'back home and fine',
  'doing fine',
  'doing well',
  'doing ok',
  'doing better',
  'out of danger',
];

/**
 * All clear, said after an event (`notReal`): the danger words before it in the sentence are over
 * ("thanks for coming when mum collapsed, she's well now"). A negated one ("she's not ok now") does not
 * match.
 */
export const enAllClear: string[] = [
  ...new Set([
    ...cross(
      ['shes', 'hes', 'she is', 'he is', 'everyone is', 'everyones', 'we are', 'were all', 'all', 'its', 'it is'],
      ['fine', 'ok', 'okay', 'safe', 'alright', 'good'],
      ['now', 'today', 'again'],
    ),
    ...cross(['everything is'], ['fine', 'ok', 'okay', 'safe', 'alright', 'good'], ['now', 'today', 'again']),
    ...cross(SOMEONE_IS, WELL, ['now']),
  ]),
  ...cross(CHILD, ['is', 'are'], ['home now', 'back home now', 'home safe']),
  'hypothetically',
  'hypothetically if',
  'hypothetical question',
  'just hypothetically',
];

/**
 * The aftermath, said with "now" (`calm`): the writer's state now, not the danger's. They only keep "now"
 * from counting as ongoing; they discount nothing themselves.
 */
export const enAftermath: string[] = [
  ...cross(
    ['now'],
    ['i', 'we', 'the kids', 'my kids', 'my son', 'my daughter', 'he', 'she', 'they', 'nobody', 'no one'],
    ['cant sleep', 'cannot sleep', 'can not sleep', 'cant get to sleep', 'barely dare', 'dont dare', 'darent'],
  ),
  ...cross(['is', 'are', 'has', 'have'], ['gone now', 'left now']),
  ...cross(['now its', 'now it is', 'now everythings'], ['ok', 'okay', 'fine', 'all good', 'all calm']),
  'now all is calm',
  'now all is well',
  'now all quiet',
];

/**
 * The fire brigade, named: a sign of fire (`en-signs.ts`), and a phrase whose "fire" is no fire by
 * itself (`information`), as the Swedish "brandbil" holds no "brand".
 */
export const FIRE_SERVICE = [
  'fire brigade',
  'fire department',
  'fire service',
  'firefighter',
  'firefighters',
  'fire fighters',
  'fireman',
  'firemen',
  'fire engine',
  'fire engines',
  'fire truck*',
];

/** Events that a tenant may ask about once they are over. */
const EVENT = [
  'fire',
  'explosion',
  'bang',
  'blast',
  'shooting',
  'stabbing',
  'break in',
  'burglary',
  'robbery',
  'gas leak',
  'attack',
  'assault',
  'fight',
];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * A day named with a past tense (`past`): "he got stabbed in our stairwell on saturday", "there was a
 * fire on sunday". Not "on saturday" alone: "my ex says he will come on saturday and kill me" is a threat.
 */
export const enPastOnDay: string[] = [
  // "Yesterday" as it is texted.
  'yday',
  'yest',
  'yesterday evening',
  ...cross(
    ['got', 'was', 'were', 'had been', 'has been'],
    ['stabbed', 'shot', 'attacked', 'beaten', 'beaten up', 'robbed', 'mugged', 'assaulted', 'burgled', 'broken into'],
    ['..'],
    cross(['on'], DAYS),
  ),
  ...cross(['there was a', 'there was an', 'we had a'], EVENT, ['..'], cross(['on'], DAYS)),
];

/** Questions and notices about an event that is over, as `information`. */
export const enAskedAbout: string[] = [
  ...cross(
    [
      'notice about the',
      'note about the',
      'letter about the',
      'email about the',
      'info about the',
      'information about the',
      'update on the',
      'update about the',
      'question about the',
      'questions about the',
      'regarding the',
    ],
    EVENT,
  ),
  // "after tuesday's basement fire" (a possessive folds to the bare word)
  ...cross(['after', 'since'], [...DAYS, 'yesterday', 'last night', 'last week'], ['..'], EVENT),
  ...FIRE_SERVICE,
  // The fire brigade has gone: the fire is over.
  ...cross(FIRE_SERVICE, ['left', 'have left', 'has left', 'are gone', 'is gone', 'went home', 'drove off']),
  // Children's play and passions: "can kids climb on the fire engine", "I'm on fire for football".
  ...cross(['climb', 'climb on', 'sit in', 'ride on', 'ride in', 'visit'], ['..'], ['fire engine', 'fire truck']),
  ...cross(['im', 'i am', 'were', 'we are'], ['on fire for', 'on fire about']),
  'was there a drill',
  'was it a drill',
  'was that a drill',
  // Debt letters piling up are a support need, not a neighbour's post.
  ...cross(['letters', 'bills', 'reminders'], ['from'], ['..'], ['piling up', 'pile up', 'piled up', 'keep coming']),
];

/** Fire alarms, for an alarm set off by cooking. */
const ALARM = ['fire alarm', 'smoke alarm', 'smoke detector', 'the alarm'];
/**
 * Someone cooking. Written with the cook ("when I was frying"): "the alarm is going off, nobody is
 * cooking" is a possible fire, and a gap may hold a negation.
 */
const COOKS = ['i', 'we', 'he', 'she'];
const COOKED = [
  'was cooking',
  'was frying',
  'was baking',
  'was making',
  'cooked',
  'fried',
  'burnt',
  'burned',
  'toasted',
];
const COOKING = [
  // "when", "while", "because" stand in the gap before the cook.
  ...cross(COOKS, COOKED),
  ...cross(['from'], ['cooking', 'frying', 'the toaster', 'the toast', 'the oven', 'my cooking', 'the cooking']),
];
/**
 * A door that slams like a shot. Only the verb of a slamming door: "a bang like a bomb by the door" may be
 * one, and a gap would reach across a whole unpunctuated message.
 */
const SLAM = ['slams', 'slam', 'slammed', 'slamming', 'slams shut', 'bangs shut', 'banged shut'];
const LIKE_A_SHOT = ['like a gunshot', 'like a gun shot', 'like a gun', 'like a shot', 'like gunfire'];
/** Bulbs and fuses that go with a bang. */
const BULB = ['bulb', 'bulbs', 'light bulb', 'lightbulb', 'lamp', 'fuse', 'fuses', 'strip light', 'light tube'];
/** Pipes and fittings: water, not a bomb, when one "exploded". */
const PIPE = ['pipe', 'pipes', 'water pipe', 'sink', 'tap', 'hose', 'radiator', 'toilet'];

/** Faults that borrow a danger word: the longer fault phrase explains the danger word it contains. */
export const enFaultsOver = {
  urgentFault: [
    ...cross(PIPE, ['..'], ['exploded', 'explode', 'exploding', 'blew', 'blown']),
    // "Locked myself out in my socks" is not "locked myself in".
    ...cross(['locked myself', 'locked ourselves', 'locked us', 'locked me'], ['out in', 'out on', 'out of']),
  ],
  minorFault: [
    ...cross(ALARM, ['..'], COOKING),
    ...cross(COOKS, COOKED, ['..'], ALARM),
    ...cross(SLAM, LIKE_A_SHOT),
    ...cross(BULB, ['..'], ['bang', 'loud bang', 'big bang', 'pop', 'popped', 'blew', 'went pop', 'exploded']),
    ...cross(['battery', 'batteries'], ['..'], ['smoke alarm', 'smoke detector', 'fire alarm']),
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
  'video game',
  'video games',
  'the game',
];
/** What happens to a player. */
const PLAYED = ['got shot', 'shot', 'shooting', 'killed', 'stabbed', 'blew up', 'blown up'];

/**
 * Second-hand and screen uses as `notReal`: games ("got shot ten times in Fortnite"), the news ("saw on
 * the news there was a shooting in town"). Not "heard there was": a neighbour may have heard it here.
 */
export const enScreens: string[] = [
  // A story told elsewhere: "in a film" is a cue already (`film`), and these are its neighbours. Not
  // "on the tv": "the candle fell on the tv".
  'in a book',
  'in the book',
  'in a dream',
  'in my dreams',
  'on tv',
  'in a video',
  'in the video',
  'on youtube',
  'on tiktok',
  'in a series',
  ...cross(GAME, ['..'], PLAYED),
  ...cross(PLAYED, ['..'], GAME),
  // "a horror film where they all get stabbed"
  ...cross(
    ['film', 'movie', 'horror film', 'horror movie', 'show', 'series', 'episode', 'video', 'game', 'documentary'],
    ['where', 'in which', 'when'],
    ['..'],
    ['stabbed', 'shot', 'killed', 'murdered', 'blown up', 'burned', 'burnt', 'kidnapped', 'exploded', 'explodes'],
  ),
  ...cross(
    ['news', 'paper', 'newspaper', 'online', 'facebook', 'radio'],
    ['there was', 'there has been', 'theres been', 'that there was', 'that there has been', 'that there had been'],
  ),
];
