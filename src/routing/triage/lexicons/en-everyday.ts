/**
 * English everyday matters: disturbances, faults, support needs, crimes that are over and questions.
 * Urgent versus non-urgent faults follow domain.md (see `sv-everyday.ts`). Generic "broken" and "not
 * working" are non-urgent; a longer urgent phrase that contains them ("heating is not working") wins.
 */
import type { Lexicon } from '../lexicon.ts';

type Everyday = Pick<
  Lexicon,
  'disturbance' | 'urgentFault' | 'minorFault' | 'support' | 'crimeOver' | 'information' | 'lockedOut'
>;

/** Disturbances, faults, support, crimes that are over, information and lock-outs, in English. */
export const enEveryday: Everyday = {
  disturbance: [
    'loud music', 'music .. loud', 'music .. too loud', 'playing music', 'noise', 'noisy', 'loud', 'loudly',
    'too loud', 'party', 'partying', 'parties', 'screaming', 'shouting', 'yelling', 'arguing', 'argument',
    'banging', 'banging on my door', 'slamming doors', 'slamming', 'stomping', 'drilling', 'disturb*',
    'drunk', 'drunks', 'intoxicated', 'high on', 'drugs', 'dealing drugs', 'drug dealing', 'drug dealer*',
    'dealers', 'weed', 'hash', 'smoke weed', 'smoking', 'people smoke', 'they smoke', 'cigarette smoke',
    'tobacco smoke',
    'smokes .. smoke', 'smoking .. smoke', 'smokes on .. balcony', 'barbecue smoke', 'smoke cigarettes',
    'smoke hash', 'smoke pot', 'smoke joints', 'smoke indoors', 'hanging around', 'hanging out',
    'loiter*', 'gang', 'gangs', 'youths', 'teenagers', 'strangers', 'unsafe', 'feel unsafe', 'dont feel safe',
    'scared', 'afraid', 'threatening', 'intimidating', 'harass*', 'stalking', 'following me', 'peeing',
    'urinating', 'sleeping in the stairwell', 'homeless', 'fireworks', 'firecrackers', 'barking', 'racist',
    'spitting', 'throwing', 'vandalizing', 'vandalising', 'mopeds', 'racing', 'cant sleep', 'keeps me awake',
    'rowdy', 'aggressive', 'begging', 'syringes', 'needles', 'shooting hoops', 'shooting baskets', 'playing ball',
  ],
  urgentFault: [
    'leak', 'leaking', 'leaks', 'leakage', 'water leak*', 'water .. leaking', 'flood*', 'water .. everywhere',
    'water on the floor', 'water coming through', 'water coming from', 'from the ceiling', 'through the ceiling',
    'water pouring', 'pouring', 'gushing', 'spraying', 'burst pipe', 'pipe burst', 'pipe .. burst',
    'pipe .. leaking',
    'overflowing', 'no heat', 'no heating', 'heating .. not working', 'heating .. broken', 'heating .. off',
    'radiator* .. cold', 'radiator* .. not working', 'freezing', 'very cold', 'so cold', 'degrees inside',
    'degrees in the', 'no power', 'power .. out', 'power cut', 'power outage', 'no electricity',
    'electricity .. out', 'blackout', 'dark in the stairwell', 'stairwell .. dark', 'toilet .. blocked',
    'toilet .. clogged', 'toilet .. overflowing', 'blocked toilet', 'clogged toilet', 'window .. broken',
    'broken window', 'window .. smashed', 'smashed window', 'shattered', 'door .. wont lock', 'door .. wont close',
    'door .. doesnt lock', 'door .. doesnt close', 'cant lock', 'cannot lock', 'wont lock', 'doesnt lock',
    'lock .. broken', 'broken lock', 'stuck in the elevator', 'stuck in the lift', 'elevator .. stuck',
    'lift .. stuck', 'someone .. stuck in the', 'between floors', 'between two floors', 'people in the lift',
    'people in the elevator', 'someone in the lift', 'someone in the elevator', 'trapped in the elevator',
    'trapped in the lift', 'ceiling .. collapsed', 'no water',
    'no running water',
  ],
  minorFault: [
    'dripping', 'drips', 'drip', 'tap .. dripping', 'tap .. leak*', 'leaky tap', 'leaking tap', 'faucet .. drip*',
    'faucet .. leak*', 'leaky faucet', 'leaking faucet', 'slow drain', 'drain* .. slow*', 'draining slowly',
    'sink .. blocked', 'sink .. clogged', 'blocked sink', 'clogged sink', 'fuse', 'fuses', 'fuse box', 'tripped',
    'circuit breaker', 'breaker', 'battery', 'batteries', 'beeping', 'chirping', 'bulb', 'light bulb', 'lamp',
    'light .. broken', 'light .. not working', 'cracked', 'crack in', 'broken', 'not working', 'doesnt work',
    'dont work', 'stopped working', 'fridge', 'freezer', 'oven', 'stove', 'dishwasher', 'washing machine',
    'dryer', 'extractor fan', 'no hot water', 'hot water .. not working', 'mould', 'mold', 'damp', 'draught',
    'drafty', 'pests', 'cockroach*', 'mice', 'rats', 'bedbugs', 'bed bugs', 'ants', 'intercom', 'doorbell',
    'handle', 'blinds', 'elevator .. broken', 'lift .. broken', 'elevator .. not working', 'elevator .. not moving',
    'lift .. not working', 'running toilet', 'toilet .. running', 'light .. is out', 'light .. out', 'internet',
    'wifi', 'broadband', 'heating', 'radiator*', 'banging in the radiator*',
    'radiator* .. banging', 'pipes .. banging',
  ],
  support: [
    'lonely', 'loneliness', 'alone', 'all alone', 'live alone', 'isolated', 'no one to talk to',
    'nobody to talk to', 'someone to talk to', 'talk to someone', 'home help', 'home care', 'tax agency',
    'tax office', 'tax authority', 'social services', 'social worker', 'social security', 'authorities',
    'forms', 'paperwork', 'letters from', 'help with letters', 'letter from', 'confused', 'dementia',
    'forgetful', 'worried about my neighbour', 'worried about my neighbor', 'elderly neighbour',
    'elderly neighbor', 'old neighbour', 'old neighbor', 'vulnerable', 'activities', 'activity', 'meeting place*',
    'associations', 'meet people', 'make friends', 'new friends', 'volunteer*', 'city mission', 'depressed',
    'depression', 'sad', 'anxiety', 'anxious', 'grief', 'grieving', 'no food', 'hungry', 'food bank',
    'interpreter', 'benefits', 'housing allowance', 'help with shopping', 'help with groceries', 'i am old',
    'im old', 'elderly', 'pensioner*', 'migration agency', 'employment office', 'someone to call me',
  ],
  crimeOver: [
    'stolen', 'stole', 'theft', 'thefts', 'broke into', 'broken into', 'break in', 'burglary', 'burglaries',
    'burgled', 'burglarized', 'burglarised', 'robbed', 'vandalism', 'vandalised', 'vandalized', 'graffiti',
    'tagged', 'smashed', 'report .. police', 'police report', 'report a crime', 'report a theft', 'missing from',
    'bike .. gone', 'scam*', 'fraud',
  ],
  information: [
    'opening hours', 'open', 'office', 'when .. open', 'customer service', 'rent', 'pay rent', 'invoice',
    'rent notice', 'contract', 'lease', 'terminate', 'move out', 'moving', 'apartment swap', 'queue',
    'neighbourhood watch', 'neighborhood watch', 'safety walk*', 'gardening', 'garden', 'grow', 'growing',
    'raised bed*', 'planter*', 'allotment*', 'flower bed*', 'balcony', 'pet', 'pets', 'dog', 'dogs', 'cat', 'cats',
    'am i allowed', 'allowed', 'can i', 'may i', 'rules', 'paint', 'painting', 'wallpaper', 'renovat*', 'laundry',
    'laundry room', 'booking', 'parking', 'garage', 'storage', 'recycling', 'garbage', 'trash', 'waste', 'rubbish',
    'spare key', 'extra key', 'fire drill', 'fire extinguisher*', 'fire escape', 'fire exit', 'fire safety',
    'fire blanket', 'fire door*', 'what brand', 'which brand', 'brand of', 'art', 'culture', 'sports', 'football',
    'homework help', 'events', 'how do i', 'how does', 'where can i', 'where do i', 'who do i contact', 'contact',
    'phone number', 'email', 'website', 'question', 'wondering', 'information',
    // "Now" here asks what to do next; it is not a sign that danger is going on.
    'what do i do now', 'what should i do now', 'what now', 'what happens now',
  ],
  lockedOut: [
    'locked out', 'locked myself out', 'lost my key*', 'lost the key*', 'lost our key*', 'forgot my key*',
    'left my key* inside', 'key* .. inside', 'cant get in', 'cannot get in', 'cant get into', 'cant get back in',
    'key .. doesnt work', 'key .. not working', 'fob .. not working', 'key card .. not working',
  ],
};
