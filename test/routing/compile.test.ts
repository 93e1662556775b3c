// The pattern syntax of lexicon.ts, on a small lexicon made for the test, and the health of the shipped
// Swedish and English lexicons.
import { describe, expect, it } from 'vitest';
import { compileLexicons } from '../../src/routing/triage/compile.ts';
import type { Lexicon } from '../../src/routing/triage/lexicon.ts';
import { lexicon as en } from '../../src/routing/triage/lexicons/en.ts';
import { lexicon as sv } from '../../src/routing/triage/lexicons/sv.ts';
import { tokenize, tokens } from '../../src/routing/triage/normalize.ts';

function lexiconWith(fields: Partial<Lexicon>): Lexicon {
  return {
    lang: 'sv',
    markers: [],
    dangerUncertain: {},
    disturbance: [],
    urgentFault: [],
    minorFault: [],
    support: [],
    crimeOver: [],
    information: [],
    domestic: [],
    lockedOut: [],
    negation: [],
    past: [],
    notReal: [],
    ongoing: [],
    danger: {},
    ...fields,
  };
}

const compiled = compileLexicons([
  lexiconWith({
    disturbance: [
      'brand*',
      '*brand',
      '*trapp*',
      'slår ihjäl',
      'luktar .. gas',
      'brinner',
      "isn't",
      'rök',
      'sprängning*',
      '*eldsvåda',
    ],
    negation: ['inteligen', 'inte'],
    ongoing: ['fortfarande'],
  }),
]);

/** The terms that match a text, with a ~ for a typo match. */
function terms(text: string): string[] {
  return compiled.match(tokens(text)).map((h) => h.pattern.term + (h.fuzzy ? '~' : ''));
}

describe('pattern syntax', () => {
  it.each<[string, string, string[]]>([
    ['a trailing * matches the word and longer ones', 'branden brand', ['brand*', 'brand*', '*brand']],
    ['a leading * matches compounds', 'källarbrand', ['*brand']],
    ['* on both sides matches inside a word', 'trapphuset', ['*trapp*']],
    ['words must be adjacent', 'slår ihjäl', ['slår ihjäl']],
    ['one other word may stand inside a phrase', 'slår honom ihjäl', ['slår ihjäl']],
    ['but not two', 'slår honom nästan ihjäl', []],
    ['nor a negation', 'slår inte ihjäl', ['inte']],
    ['nor a cue, which keeps its own meaning', 'slår fortfarande ihjäl', ['fortfarande']],
    ['.. allows no word between', 'luktar gas', ['luktar .. gas']],
    ['.. allows three words between', 'luktar det lite av gas', ['luktar .. gas']],
    ['.. allows no more than three', 'luktar det lite grann av gas', []],
    ['.. gets no extra slack', 'luktar det lite grann av mer gas', []],
    ['matching ignores case, diacritics and repeats', 'BRINNNER ROK', ['brinner', 'rök']],
    ["an apostrophe is dropped: isn't = isnt", 'isnt', ["isn't"]],
    ['a typo in a long word is tolerated', 'brinenr', ['brinner~']],
    ['a missing letter is tolerated', 'brnner', ['brinner~']],
    ['two swapped letters are tolerated', 'birnner', ['brinner~']],
    ['a letter changed to a neighbouring key is tolerated', 'brimer', ['brinner~']],
    ['a letter changed to a far key is not', 'brixer', []],
    ['a typo in the first letter is not', 'rinner', []],
    ['two typos are not', 'brnenr', []],
    ['short words get no typo tolerance', 'rik', []],
    ['a typo in a long prefix entry is tolerated', 'sprangnign', ['sprängning*~']],
    ['a typo in a long prefix entry is tolerated before an ending', 'sprangnigen', ['sprängning*~']],
    ['a typo in a long suffix entry is tolerated', 'källareldsvda', ['*eldsvåda~']],
    ['a prefix entry under six letters gets no typo tolerance', 'brend', []],
    ['negations get no typo tolerance', 'inteligem', []],
  ])('%s: %s', (_rule, text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it('does not match a phrase across punctuation', () => {
    const { tokens: t, clauseBreak } = tokenize('luktar det, gas');
    expect(compiled.match(t, clauseBreak).map((h) => h.pattern.term)).toEqual([]);
    expect(compiled.match(t).map((h) => h.pattern.term)).toEqual(['luktar .. gas']);
  });

  it('reports entries it cannot use instead of failing', () => {
    const { warnings } = compileLexicons([
      lexiconWith({ support: ['bra', 'fel*ord', '.. start', 'slut ..', 'a, b', 'bra'] }),
    ]);
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toContain('sv.support: "fel*ord"');
  });
});

describe('shipped lexicons', () => {
  it.each([sv, en])('$lang compiles without warnings', (lexicon) => {
    expect(compileLexicons([lexicon]).warnings).toEqual([]);
  });
});
