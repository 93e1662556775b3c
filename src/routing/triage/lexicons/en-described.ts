/**
 * English danger described rather than named, as new writers put it: what a panicked adult sees ("the
 * chip pan caught and the cupboards are going up", "black stuff pouring out"), slang ("a strap in his
 * waistband"), sounds ("pop pop pop"), a seizure or a poisoning by its signs, someone working at a door or
 * lock, a baby inside a flat its parent is locked out of, the post of a neighbour not taken in. Each
 * family is a few word lists crossed with `cross` (`en-phrases.ts`).
 */
import { CHILD, cross } from './en-phrases.ts';
import type { LexiconPart } from './phrases.ts';

/** Where a kitchen fire starts. */
const PAN = ['chip pan', 'pan', 'frying pan', 'deep fryer', 'fryer', 'the oil', 'the fat'];
/**
 * What goes up in flames ("the cupboards above are going up"). Written without a gap, and not "flat",
 * "car": "the rent for my flat has gone up", "car insurance went up".
 */
const GOES_UP = ['bins', 'shed', 'curtains', 'cupboards', 'cabinets', 'sofa', 'mattress', 'hedge', 'bushes'];
/**
 * Someone at a door or lock. A phrase's one word of slack takes "is" ("someone is jimmying"), its gap the
 * door's owner ("rattling every door handle", "jimmying my balcony door").
 */
const SOMEONE = ['someones', 'somebodys', 'someone', 'somebody', 'theyre', 'hes', 'guy', 'man'];
const WORKING_AT = [
  'jimmying',
  'jemmying',
  'prising',
  'prying',
  'forcing',
  'picking',
  'rattling',
  'tampering with',
  'fiddling with',
  'messing with',
];
const DOOR = ['door', 'doors', 'lock', 'locks', 'window', 'handle', 'handles'];
/** A baby inside the flat. Babies only: older children play inside. */
const BABY = ['baby', 'babys', 'the baby', 'my baby', 'newborn', 'infant', 'toddler', 'toddlers'];
/** Gas containers that leak or burst. */
const GAS_BOTTLE = [
  'gas bottle',
  'gas canister',
  'gas cylinder',
  'bbq bottle',
  'bbq gas',
  'propane',
  'butane',
  'calor gas',
  'camping gas',
  'gas tank',
  'canister',
];
/** A young child, and medicine or household things it swallows. */
const LITTLE = ['toddler', 'baby', 'son', 'daughter', 'kid', 'child', 'boy', 'girl'];
const POISON = [
  'medicine',
  'pills',
  'tablets',
  'bleach',
  'detergent',
  'dishwasher tablet*',
  'washing tablet*',
  'button battery',
];

/** Danger described rather than named, in English. */
export const enDescribed: LexiconPart = {
  danger: {
    fire: [
      ...cross(PAN, ['caught', 'has caught', 'went up', 'is going up', 'going up', 'caught fire']),
      'smouldering',
      'smoldering',
      'smoulders',
      'smolders',
    ],
    weapon: cross(
      ['pulling it', 'pulled it', 'pulls it', 'pointing it', 'pointed it', 'waving it'],
      ['on people', 'on us', 'on me', 'at people', 'at us', 'at me', 'at him', 'at her'],
    ),
    violence: [
      ...cross(['hands', 'hand'], ['round', 'around', 'on'], ['her neck', 'his neck', 'my neck', 'their neck']),
      ...cross(
        ['stamping on', 'stomping on', 'stamped on', 'stomped on', 'kicking'],
        ['..'],
        ['head', 'heads', 'face'],
      ),
      ...cross(
        ['kicking', 'kicked', 'smashing', 'bashing'],
        ['my door in', 'the door in', 'down my door', 'down the door'],
      ),
    ],
    break_in: cross(SOMEONE, WORKING_AT, ['..'], DOOR),
    // A gas bottle that leaks is a gas leak: certain, so it never makes a "gas … leaking" only possible.
    gas: cross(GAS_BOTTLE, ['..'], ['leaking', 'leaks', 'hissing']),
    medical: [
      'foaming at the mouth',
      ...cross(
        ['hands', 'hand', 'face', 'arm', 'arms', 'legs', 'skin'],
        ['..'],
        ['burnt bad', 'burned bad', 'badly burnt', 'badly burned', 'burnt badly', 'burned badly'],
      ),
    ],
  },
  dangerUncertain: {
    fire: [
      ...cross(GOES_UP, ['have gone up', 'has gone up', 'are going up', 'is going up', 'went up']),
      ...cross(['its catching', 'it is catching', 'thats catching'], ['the']),
      ...cross(['threw water', 'poured water', 'water on it'], ['..'], ['whoosh', 'got worse', 'flared up', 'went up']),
      ...cross(['door', 'door handle', 'handle'], ['..'], ['too hot to touch', 'burning hot']),
      // Not "black smoke": it is certain danger already, and a possible-danger phrase holding it would make
      // it only possible.
      ...cross(['black stuff', 'grey stuff'], ['pouring', 'coming', 'billowing']),
      ...cross(['glowing', 'smoking', 'sparking'], ['and'], ['crackling', 'popping']),
      ...cross(['charger', 'socket', 'plug', 'cable', 'wire', 'laptop', 'battery'], ['sparked']),
    ],
    explosion: cross(GAS_BOTTLE, ['..'], ['burst', 'exploded', 'blew up', 'went off']),
    weapon: [
      'pop pop pop',
      'bang bang bang',
      'strapped',
      'a strap in',
      'has a strap',
      'got a strap',
      'carrying a strap',
      ...cross(['in his', 'in her'], ['waistband']),
      ...cross(['everyone is', 'everyones'], ['running']),
      ...cross(['people', 'people are', 'everyone'], ['running everywhere', 'running for their lives']),
    ],
    violence: cross(
      ['going to', 'gonna', 'will', 'wants to', 'threatens to', 'threatening to'],
      ['end me', 'end you', 'end her', 'end him', 'end us', 'finish me off', 'do me in'],
    ),
    medical: [
      'jerking all over',
      'shaking all over',
      'convulsing',
      'convulsions',
      ...cross(LITTLE, ['..'], ['got into', 'swallowed', 'ate', 'drank'], ['..'], POISON),
      ...cross(['her waters', 'my waters', 'waters'], ['just broke', 'have broken', 'has broken', 'have gone', 'went']),
      ...cross(
        ['hasnt', 'has not', 'havent', 'not'],
        ['taken', 'taken in', 'picked up', 'collected', 'emptied'],
        ['..'],
        ['post', 'mail', 'letters', 'newspapers'],
      ),
    ],
    gas: [
      ...cross(
        ['smells like', 'smell of', 'smells of'],
        ['..'],
        ['camping stove', 'gas stove', 'gas cooker', 'camping gas', 'propane', 'butane'],
      ),
      ...cross(['stove', 'gas', 'hob', 'cooker'], ['..'], ['left on', 'been left on']),
    ],
    suicide: [
      ...cross(['texted', 'messaged', 'sent'], ['me goodbye', 'goodbye', 'me a goodbye']),
      ...cross(['swallowed'], ['everything', 'all her', 'all his', 'all my', 'a whole bottle', 'the whole bottle']),
      'cut deeper',
      'cut too deep',
      'cutting deeper',
    ],
    missing: [
      // Not "lost my baby", "lost my little one": that is how a death is told.
      ...cross(['lost my', 'lost our', 'lost sight of my'], ['little girl', 'little boy', 'toddler']),
    ],
    trapped: [
      ...cross(BABY, [
        'is inside',
        'is still inside',
        'inside the flat',
        'inside alone',
        'is in there',
        'asleep inside',
        'is locked in',
      ]),
      ...cross(
        ['inside', 'in there', 'in the lift', 'in the elevator'],
        ['..'],
        [
          'feels bad',
          'feels really bad',
          'feels ill',
          'feels sick',
          'feels faint',
          'is panicking',
          'panicking',
          'fainted',
        ],
      ),
    ],
  },
  signs: {
    medical: [
      'curtains never move',
      'curtains havent moved',
      'curtains are always closed',
      'someones down',
      'someone is down',
    ],
    missing: [
      ...cross(['hes', 'shes', 'he is', 'she is', 'theyre'], ['not there', 'nowhere', 'not anywhere', 'not back']),
      'was right here',
      'was just here',
    ],
  },
};
