/**
 * Building blocks for English phrases: the people a phrase can be about, and `cross`, which spells out
 * every combination of word lists ("my son is missing", "grandma wandered off", …). A phrase family is
 * then one line in the lexicon, and a new word for a child or a parent reaches every phrase at once.
 */

/**
 * Every phrase that takes one alternative from each list, in order, joined by spaces. Use `['..']` as a
 * list for a gap of up to three words.
 */
export function cross(...lists: readonly (readonly string[])[]): string[] {
  let out = [''];
  for (const list of lists) out = out.flatMap((head) => list.map((w) => (head ? `${head} ${w}` : w)));
  return out;
}

/** Children, as parents, siblings and neighbours write about them. */
export const CHILD: readonly string[] = [
  'son',
  'daughter',
  'child',
  'children',
  'kid',
  'kids',
  'boy',
  'girl',
  'baby',
  'toddler',
  'brother',
  'sister',
  'bro',
  'sis',
  'nephew',
  'niece',
  'grandson',
  'granddaughter',
  'yo',
  'year old',
  'years old',
];

/** Parents and grandparents, as their children write about them. */
export const PARENT: readonly string[] = [
  'mum',
  'mom',
  'mummy',
  'mommy',
  'mother',
  'dad',
  'daddy',
  'father',
  'parents',
  'grandma',
  'grandmother',
  'granny',
  'nan',
  'grandpa',
  'grandfather',
  'grandad',
];

/** People who cannot look after themselves for long: the old, the ill, the confused. */
export const FRAIL: readonly string[] = [
  'old man',
  'old woman',
  'old lady',
  'elderly',
  'pregnant',
  'disabled',
  'wheelchair',
  'dementia',
  'alzheimers',
  'confused',
];

/** The people a missing-person phrase is about: children, parents and partners of the writer. */
export const KIN: readonly string[] = [...CHILD, ...PARENT, 'husband', 'wife'];

/** Someone the writer does not know: in a home, a cellar or a car, a sign of a break-in going on. */
export const INTRUDER: readonly string[] = [
  'someone',
  'some one',
  'somebody',
  'sum1',
  'some1',
  'man',
  'men',
  'guy',
  'guys',
  'stranger',
  'strangers',
  'person',
  'people',
];

/** Places in a home where an intruder or a trapped person may be. */
export const ROOM: readonly string[] = [
  'flat',
  'apartment',
  'home',
  'house',
  'kitchen',
  'bedroom',
  'living room',
  'hallway',
  'bathroom',
  'toilet',
  'storage',
  'storage room',
  'basement',
  'cellar',
  'attic',
  'balcony',
];

/** People named by a noun that a violent act is done to: the object after "hitting", "kicking", … */
export const VICTIM: readonly string[] = [
  ...PARENT,
  ...CHILD.filter((w) => !w.includes('old') && !w.endsWith('yo')),
  'wife',
  'husband',
  'girlfriend',
  'boyfriend',
  'partner',
  'woman',
  'man',
  'guy',
  'someone',
  'somebody',
  'people',
  'neighbour',
  'neighbor',
];
