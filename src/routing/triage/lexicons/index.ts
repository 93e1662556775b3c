/**
 * All lexicons the triage matches, in the order of `LANGUAGES`. Every message is matched against all of
 * them: a tenant may mix languages, and a danger word counts in any language.
 */
import type { Lexicon } from '../lexicon.ts';
import { lexicon as ar } from './ar.ts';
import { lexicon as bs } from './bs.ts';
import { lexicon as en } from './en.ts';
import { lexicon as fa } from './fa.ts';
import { lexicon as pl } from './pl.ts';
import { lexicon as so } from './so.ts';
import { lexicon as sv } from './sv.ts';
import { lexicon as tr } from './tr.ts';

/** The eight lexicons: Swedish, English, Arabic, Persian, Somali, Polish, Bosnian/Croatian/Serbian, Turkish. */
export const LEXICONS: Lexicon[] = [sv, en, ar, fa, so, pl, bs, tr];
