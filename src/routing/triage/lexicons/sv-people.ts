/**
 * Swedish words for the people a danger phrase is about, and a helper that pairs them with what happens to
 * them. Missing, locked in or lying in the stairwell is danger when it is said of a person ("min son är
 * borta", "barnet har låst in sig"), not of a thing ("nyckeln är borta", "det ligger sopor i trapphuset"):
 * the lexicons write such phrases as person .. state, and these lists keep them consistent.
 */

/**
 * Children and young people, as parents, siblings and neighbours name them (also Skåne "påg", "tös",
 * slang "lillasyrra", ages written as "treåring").
 */
export const SV_CHILD: readonly string[] = [
  'barn',
  'barnet',
  'barnen',
  'son',
  'sonen',
  'dotter',
  'dottern',
  'pojke',
  'pojken',
  'flicka',
  'flickan',
  'grabben',
  'lillkillen',
  'lilltjejen',
  'bror',
  'lillbror',
  'lillebror*',
  'syster',
  'systern',
  'lillasyst*',
  'lillasyrr*',
  'lillsyster',
  'brorsan',
  'syrran',
  'brorson',
  'systerson',
  'brorsdotter',
  'systerdotter',
  'barnbarn*',
  'unge',
  'ungen',
  'ungarna',
  'kidsen',
  'tvillingarna',
  'tvillingar',
  'lilla syster',
  'lille bror',
  'lillebror',
  'påg',
  'pågen',
  'tös',
  'tösen',
  'bebis*',
  'tonåring*',
  'tonårs*',
  '*åring',
  '*åringen',
];

/** Vulnerable adults: parents and grandparents, and what a neighbour calls an old man or woman. */
export const SV_ELDER: readonly string[] = [
  'mamma',
  'pappa',
  'mormor',
  'morfar',
  'farmor',
  'farfar',
  'gubben',
  'tanten',
  'min man',
  'min fru',
  'maken',
];

/** Dementia: an old person with it who is gone is missing, whoever wrote it. */
export const SV_DEMENTIA: readonly string[] = ['dement*', 'demens*', 'alzheimer*', 'minnessjuk*'];

/** People whose not answering the door or phone is a worry. */
export const SV_NEAR_ONES = [
  'han',
  'hon',
  'grannen',
  'mamma',
  'pappa',
  'mormor',
  'morfar',
  'farmor',
  'farfar',
  'dottern',
  'sonen',
];

/**
 * Every `who .. what` pair (`..` lets up to three words stand between: "min son 7 år har inte kommit hem").
 * With `gap: false` the words must follow each other, with the content slack of one word.
 */
export function pairs(who: readonly string[], what: readonly string[], gap = true): string[] {
  const out: string[] = [];
  for (const a of who) for (const b of what) out.push(gap ? `${a} .. ${b}` : `${a} ${b}`);
  return out;
}
