/**
 * `npm run score:triage`: how triage does on the corpus, by split, language and layer.
 *
 *   npm run score:triage                      scores of the shipped triage on both splits
 *   npm run score:triage -- --misses          also lists the TRAINING split's misses (never the held-back)
 *   npm run score:triage -- --lexicons-only   the same without the classifier (the first layer alone)
 *   npm run score:triage -- --lang sv         one language
 *
 * The held-back split is only ever printed as numbers: its messages are not read while rules are written.
 */
import { parseArgs } from 'node:util';
import { triage } from '../src/routing/triage/index.ts';
import { isHeldBack, loadCorpus, score, summary, type CorpusEntry } from '../src/routing/triage/classifier/corpus.ts';
import { LANGUAGES } from '../src/routing/types.ts';

const { values } = parseArgs({
  options: {
    misses: { type: 'boolean', default: false },
    'lexicons-only': { type: 'boolean', default: false },
    lang: { type: 'string' },
  },
});
const model = values['lexicons-only'] ? { model: null } : {};
const { entries } = loadCorpus();
const chosen = entries.filter((e) => !values.lang || e.lang === values.lang);
const run = (e: CorpusEntry) => triage(e.text, model);

for (const [name, held] of [
  ['training split', false],
  ['held-back split', true],
] as const) {
  const part = chosen.filter((e) => isHeldBack(e.id) === held);
  const misses: string[] = [];
  const s = score(part, run, (e, t) => {
    if (!held)
      misses.push(
        `${e.id} ${e.label}${e.kind ? ':' + e.kind : ''} → ${t.category}${t.danger ? ':' + t.danger : ''} [${t.layer}] ${e.text}`,
      );
  });
  console.log(`${name}: ${summary(s)}; decided by ${JSON.stringify(s.byLayer)}`);
  for (const lang of LANGUAGES) {
    const mine = part.filter((e) => e.lang === lang);
    if (mine.length) console.log(`  ${lang}: ${summary(score(mine, run))}`);
  }
  if (values.misses) for (const m of misses) console.log('  miss ' + m);
}
