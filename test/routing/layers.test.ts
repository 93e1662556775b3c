// How the three layers of triage combine (src/routing/triage/layers.ts), row by row, and the promise that
// the classifier and the safety net only ever add caution.
import { describe, expect, it } from 'vitest';
import { readLexicons, triage } from '../../src/routing/triage/index.ts';
import { decide, gather, type Evidence } from '../../src/routing/triage/layers.ts';
import type { ClassifierView, Thresholds } from '../../src/routing/triage/classifier/index.ts';
import { loadCorpus } from '../../src/routing/triage/classifier/corpus.ts';

const T: Thresholds = { acute: 0.8, acuteUnplaced: 0.6, acuteWithSign: 0.3, category: 0.5 };
const view = (
  acute: number,
  category: ClassifierView['category'] = 'information',
  categoryP = 0.1,
): ClassifierView => ({
  acute,
  kind: 'medical',
  category,
  categoryP,
});
/** The rules' reading of `text`, with a classifier view made up for the row. */
const evidence = (text: string, v: ClassifierView | null): Evidence => ({
  ...gather(text, readLexicons(text), null),
  view: v,
});

describe('the layers, in order', () => {
  it.each<[string, string, ClassifierView | null, string, boolean, string]>([
    // text, classifier view → category, uncertain, layer
    [
      'the lexicons find danger: it stands, whatever the classifier says',
      'Det brinner i trapphuset',
      view(0),
      'acute_danger',
      false,
      'lexicon',
    ],
    [
      'the classifier is sure of danger the rules missed',
      'det är något konstigt med grannen',
      view(0.9),
      'acute_danger',
      true,
      'classifier',
    ],
    [
      'not sure enough, and no sign: the rules stand',
      'det är något konstigt med grannen',
      view(0.5, 'support', 0.9),
      'support',
      false,
      'classifier',
    ],
    [
      'a sign of distress and a lean towards danger',
      'Snälla kom!!! grannen svarar inte',
      view(0.35),
      'acute_danger',
      true,
      'safety-net',
    ],
    [
      'a sign outranks a topic word the lexicons placed',
      'kranen i köket!!! kom fort',
      view(0.35),
      'acute_danger',
      true,
      'safety-net',
    ],
    [
      'a placed topic and no lean towards danger: the topic',
      'kranen i köket droppar!!!',
      view(0.05),
      'minor_fault',
      false,
      'lexicon',
    ],
    [
      'unplaced, the classifier places it',
      'kan ni kolla på grejen',
      view(0.05, 'information', 0.9),
      'information',
      false,
      'classifier',
    ],
    [
      'unplaced with a sign, nobody sure: danger to ask about',
      'KOM HIT NU!!!',
      view(0.05, 'information', 0.2),
      'acute_danger',
      true,
      'safety-net',
    ],
    [
      'unplaced with a harm emoji and no model: danger to ask about',
      'snälla 🩸',
      null,
      'acute_danger',
      true,
      'safety-net',
    ],
    [
      'unplaced, a lower bar for the classifier',
      'något konstigt pågår hos grannen',
      view(0.65, 'information', 0.2),
      'acute_danger',
      true,
      'classifier',
    ],
    [
      'placed by a topic, the higher bar',
      'grannen spelar hög musik och något konstigt pågår',
      view(0.65, 'information', 0.2),
      'disturbance',
      false,
      'lexicon',
    ],
    [
      'a word or two says too little for the lower bar',
      'kanske',
      view(0.65, 'information', 0.2),
      'unknown',
      false,
      'safety-net',
    ],
    [
      'unplaced and no sign: unknown, the reply asks first',
      'ehm hallå',
      view(0.05, 'information', 0.2),
      'unknown',
      false,
      'safety-net',
    ],
  ])('%s', (_why, text, v, category, uncertain, layer) => {
    const t = decide(evidence(text, v), T);
    expect({ category: t.category, uncertain: t.uncertain, layer: t.layer }).toEqual({ category, uncertain, layer });
  });

  it('a danger word the rules discounted is not raised again by the classifier', () => {
    const text = 'Det brann i källaren i går';
    expect(readLexicons(text).triage.discounted.length).toBeGreaterThan(0);
    expect(decide(evidence(text, view(0.99)), T).category).not.toBe('acute_danger');
  });

  it('nor by a weak sign such as exclamation marks', () => {
    expect(decide(evidence('Det brann i källaren i går!!!', view(0.9)), T).category).not.toBe('acute_danger');
  });

  it('names the kind from a sign of harm, else from the classifier', () => {
    expect(decide(evidence('kom fort 🔥', view(0.4)), T).danger).toBe('fire');
    expect(decide(evidence('kom fort!!!', { ...view(0.4), kind: 'gas' }), T).danger).toBe('gas');
  });

  it('shows what each layer saw', () => {
    const t = decide(evidence('KOM HIT NU!!!', view(0.05, 'information', 0.2)), T);
    expect(t.signs).toEqual(expect.arrayContaining(['!!!', 'CAPITALS']));
    expect(t.classifier).toEqual({ acute: 0.05, kind: 'medical', category: 'information', p: 0.2 });
  });
});

describe('the classifier and the safety net only add caution', () => {
  const { entries } = loadCorpus();
  it(`never lower the lexicons' danger, on all ${entries.length} corpus messages`, () => {
    const lowered = entries.filter((e) => {
      const lexicons = readLexicons(e.text).triage;
      const full = triage(e.text);
      const raised = (x: typeof full) => (x.category !== 'acute_danger' ? 0 : x.uncertain ? 1 : 2);
      return raised(full) < raised(lexicons) || (lexicons.danger !== null && full.danger !== lexicons.danger);
    });
    expect(lowered.map((e) => e.id)).toEqual([]);
  });
});
