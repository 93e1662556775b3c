// Behavioural tests in the style of CheckList (Ribeiro et al., ACL 2020), generated from the corpus:
// - invariance: every acute message that triage recognises stays acute under twenty ways tenants really
//   write (typos, no diacritics, capitals, emoji, greetings, fillers, "please help", code-switching, no
//   punctuation, SMS shorthand, Arabizi …);
// - direction: adding "yesterday", "yesterday, now it's calm" or "in a film" to a danger the rules are sure
//   of moves it away from certain danger, in every language.
// Held-back messages take part but are never printed: a failure names only their id.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLexicons, triage } from '../../src/routing/triage/index.ts';
import { isHeldBack, loadCorpus, type CorpusEntry } from '../../src/routing/triage/classifier/corpus.ts';
import type { Lang, Triage } from '../../src/routing/types.ts';
import { PERTURBATIONS, variantsOf } from '../../src/routing/triage/classifier/augment.ts';

const { entries } = loadCorpus();
const acute = entries.filter((e) => e.label === 'acute_danger');
const shown = (e: CorpusEntry, text: string) => (isHeldBack(e.id) ? e.id : `${e.id}: ${text}`);

/**
 * Known failures per test, until the rules and the model hold every variant: a ratchet. A test fails when it
 * finds more than its number here (a regression); lower the number when it finds fewer. The goal is 0.
 */
const KNOWN_FAILURES: Record<string, number> = JSON.parse(
  readFileSync(new URL('./checklist.known.json', import.meta.url), 'utf8'),
) as Record<string, number>;

/** Asserts at most the known number of failures, and prints them when there are more. */
function expectAtMostKnown(name: string, failures: string[]): void {
  const known = KNOWN_FAILURES[name] ?? 0;
  if (process.env.CHECKLIST_REPORT) console.log(`${name}\t${failures.length}`);
  if (failures.length > known) expect(failures, `${name}: ${failures.length} failures, ${known} known`).toEqual([]);
}

/** 2 certain danger, 1 uncertain danger (112 first, then ask), 0 no danger. */
const level = (t: Triage): number => (t.category !== 'acute_danger' ? 0 : t.uncertain ? 1 : 2);

describe('invariance: acute stays acute however it is written', () => {
  const recognised = acute.filter((e) => triage(e.text).category === 'acute_danger');
  const cases = recognised.flatMap((e) => variantsOf(e.id, e.text, e.lang).map((v) => ({ e, ...v })));

  it(`generates at least 20 variants of each of ${recognised.length} acute messages (${cases.length} cases)`, () => {
    expect(PERTURBATIONS.length).toBeGreaterThanOrEqual(20);
    expect(cases.length).toBeGreaterThanOrEqual(10_000);
  });

  it.each(PERTURBATIONS.map((p) => p.name))('%s', (name) => {
    const failures = cases
      .filter((c) => c.name === name && triage(c.text).category !== 'acute_danger')
      .map((c) => shown(c.e, c.text));
    expectAtMostKnown(name, failures);
  });
});

/** Cues that put a danger in the past or in fiction, said in the same sentence, per language. */
const DIRECTION_CUES: Record<Lang, readonly string[]> = {
  sv: [' igår', ' igår, nu är det lugnt', ' i en film'],
  en: [' yesterday', " yesterday, now it's calm", ' in a film'],
  ar: [' أمس', ' أمس، والآن الوضع هادئ', ' في فيلم'],
  fa: [' دیروز', ' دیروز، الان آرومه', ' توی یک فیلم'],
  so: [' shalay', ' shalay, hadda waa xasilloon yahay', ' filim dhexdiisa'],
  pl: [' wczoraj', ' wczoraj, teraz jest spokój', ' w filmie'],
  bs: [' jučer', ' jučer, sada je mirno', ' u filmu'],
  tr: [' dün', ' dün, şimdi sakin', ' bir filmde'],
};

describe('direction: past and fiction move a danger the rules are sure of away from certain danger', () => {
  // One-sentence messages the rules call certain danger, with no cue that it is still going on.
  const bases = acute.filter((e) => {
    if (/[.!?…\n؟]\s*\S/.test(e.text.trim())) return false;
    const t = triage(e.text);
    return t.layer === 'lexicon' && level(t) === 2 && !readLexicons(e.text).concepts.includes('ongoing');
  });
  const cases = bases.flatMap((e) =>
    DIRECTION_CUES[e.lang].map((cue) => ({ e, text: e.text.trim().replace(/[.!?…؟]*$/, '') + cue })),
  );

  it(`has bases in every language (${bases.length} messages, ${cases.length} cases)`, () => {
    for (const lang of Object.keys(DIRECTION_CUES))
      expect(
        bases.some((e) => e.lang === lang),
        lang,
      ).toBe(true);
  });

  it('every cue lowers the level of danger', () => {
    const failures = cases.filter((c) => level(triage(c.text)) >= 2).map((c) => shown(c.e, c.text));
    expectAtMostKnown('direction', failures);
  });
});
