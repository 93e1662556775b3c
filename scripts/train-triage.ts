/**
 * `npm run train:triage`: trains the triage classifier on the corpus's training split and writes
 * src/routing/triage/classifier/triage.model. Reproducible: the same corpus and lexicons give the same bytes.
 *
 * 1. The corpus is read; the held-back fifth (`isHeldBack`) is set aside and never looked at here except
 *    for the aggregate score printed at the end.
 * 2. Every training message is joined by a few variants (`augment.ts`: typos, no diacritics, greetings,
 *    "please help", Arabizi …), so the model learns that how a message is typed does not change what it says.
 * 3. Five-fold cross-validation on the training split (a message and its variants always in one fold)
 *    gives every training message, and every variant of an acute one, a prediction from a model that did
 *    not see it. The thresholds (`Thresholds`) are chosen on those predictions run through the whole
 *    triage: the most acute messages and variants recognised while the false emergencies that the
 *    classifier and safety net add stay within the budget, then the best accuracy.
 * 4. The final model is trained on the whole training split with its variants, quantised and written.
 *
 * `--check` trains and compares with the shipped file instead of writing it (exit 1 when they differ).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readLexicons } from '../src/routing/triage/index.ts';
import { decide, gather, type Evidence } from '../src/routing/triage/layers.ts';
import { tokenize } from '../src/routing/triage/normalize.ts';
import { PERTURBATIONS, variantsOf } from '../src/routing/triage/classifier/augment.ts';
import { DEFAULT_FEATURES, featureIds, shapeOf } from '../src/routing/triage/classifier/features.ts';
import { encodeModel, type Thresholds, type TriageModel } from '../src/routing/triage/classifier/model.ts';
import { MODEL_URL } from '../src/routing/triage/classifier/index.ts';
import { DEFAULT_TRAINING, quantize, seeded, train, type Example } from '../src/routing/triage/classifier/train.ts';
import {
  classOf,
  fnv1a32,
  isCorrect,
  isHeldBack,
  loadCorpus,
  MODEL_CLASSES,
  score,
  summary,
  type CorpusEntry,
} from '../src/routing/triage/classifier/corpus.ts';

/**
 * Largest share of ordinary training messages that the classifier and the safety net may turn into false
 * emergencies in cross-validation (the lexicons' own false emergencies are theirs to fix, not the model's).
 */
const FALSE_EMERGENCY_BUDGET = 0.01;
/** Acute messages count this much more than others in training: a missed danger costs more. */
const ACUTE_WEIGHT = 1.5;
/** Variants added per training message, and how much each counts. */
const VARIANTS_PER_MESSAGE = 4;
const VARIANT_WEIGHT = 0.5;
const FOLDS = 5;

const check = process.argv.includes('--check');
const started = Date.now();
const { entries, sha256 } = loadCorpus();
const trainSet = entries.filter((e) => !isHeldBack(e.id));
const heldBack = entries.filter((e) => isHeldBack(e.id));
const foldOf = (id: string) => fnv1a32(`${id}#fold`) % FOLDS;

interface Item {
  entry: CorpusEntry;
  text: string;
  variant: boolean;
  example: Example;
  reading: ReturnType<typeof readLexicons>;
}
const item = (entry: CorpusEntry, text: string, variant: boolean): Item => {
  const reading = readLexicons(text);
  const weight = (entry.label === 'acute_danger' ? ACUTE_WEIGHT : 1) * (variant ? VARIANT_WEIGHT : 1);
  const ids = featureIds(tokenize(text).tokens, shapeOf(text), DEFAULT_FEATURES, reading.concepts);
  return { entry, text, variant, reading, example: { ids, label: MODEL_CLASSES.indexOf(classOf(entry)), weight } };
};
/** A few variants of a message for training, chosen by its id. */
const someVariants = (e: CorpusEntry): string[] => {
  const all = variantsOf(e.id, e.text, e.lang);
  const random = seeded(fnv1a32(`${e.id}#augment`));
  const picked = new Set<number>();
  while (picked.size < VARIANTS_PER_MESSAGE) picked.add(Math.floor(random() * PERTURBATIONS.length));
  return [...picked].map((k) => all[k]!.text).filter((t) => t !== e.text);
};
const training: Item[] = trainSet.flatMap((e) => [
  item(e, e.text, false),
  ...someVariants(e).map((t) => item(e, t, true)),
]);
const baseItems = new Map(training.filter((i) => !i.variant).map((i) => [i.entry.id, i]));
// Every variant of every acute training message, for choosing thresholds that hold under them all.
const acuteVariants: Item[] = trainSet
  .filter((e) => e.label === 'acute_danger')
  .flatMap((e) => variantsOf(e.id, e.text, e.lang).map((v) => item(e, v.text, true)));

const placeholder: Thresholds = { acute: 1, acuteWithSign: 1, category: 1 };
const trainedOn = { messages: trainSet.length, sha256 };
const fit = (items: Item[]): TriageModel =>
  quantize(
    train(
      items.map((i) => i.example),
      MODEL_CLASSES,
      DEFAULT_FEATURES,
      DEFAULT_TRAINING,
    ),
    placeholder,
    trainedOn,
  );

// 3. Out-of-fold evidence: each base message and each acute variant, seen by the model of the other folds.
const bases: Evidence[] = new Array(trainSet.length);
const variants: Evidence[] = [];
for (let f = 0; f < FOLDS; f++) {
  const model = fit(training.filter((i) => foldOf(i.entry.id) !== f));
  trainSet.forEach((e, k) => {
    if (foldOf(e.id) === f) bases[k] = gather(e.text, baseItems.get(e.id)!.reading, model);
  });
  for (const v of acuteVariants) if (foldOf(v.entry.id) === f) variants.push(gather(v.text, v.reading, model));
}

interface Outcome {
  t: Thresholds;
  hits: number;
  correct: number;
  added: number;
}
const evaluate = (t: Thresholds): Outcome => {
  let hits = 0;
  let correct = 0;
  let added = 0;
  trainSet.forEach((e, k) => {
    const result = decide(bases[k]!, t);
    if (isCorrect(e, result)) correct++;
    if (e.label === 'acute_danger') hits += result.category === 'acute_danger' ? 1 : 0;
    else if (
      !(e.also ?? []).includes('acute_danger') &&
      result.category === 'acute_danger' &&
      result.layer !== 'lexicon'
    )
      added++;
  });
  for (const v of variants) if (decide(v, t).category === 'acute_danger') hits++;
  return { t, hits, correct, added };
};
const ordinary = trainSet.filter((e) => e.label !== 'acute_danger' && !(e.also ?? []).includes('acute_danger')).length;
let best: Outcome | undefined;
const grid = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 100) / 100);
for (const acute of grid(0.3, 0.98, 0.04)) {
  for (const acuteUnplaced of grid(0.2, 0.98, 0.08)) {
    if (acuteUnplaced > acute) continue;
    for (const acuteWithSign of grid(0.1, 0.9, 0.2)) {
      if (acuteWithSign > acute) continue;
      for (const category of grid(0.3, 0.7, 0.2)) {
        const o = evaluate({ acute, acuteUnplaced, acuteWithSign, category });
        if (o.added > FALSE_EMERGENCY_BUDGET * ordinary) continue;
        if (!best || o.hits > best.hits || (o.hits === best.hits && o.correct > best.correct)) best = o;
      }
    }
  }
}
if (!best) throw new Error('no thresholds keep the added false emergencies within the budget');
const cv = score(trainSet, (e) => decide(bases[trainSet.indexOf(e)]!, best!.t));
const variantHits = variants.filter((v) => decide(v, best!.t).category === 'acute_danger').length;
console.log(`cross-validation (${FOLDS} folds, training split): ${summary(cv)}`);
console.log(`  variants of acute messages recognised: ${variantHits}/${variants.length}`);
console.log(`  the rules alone: ${summary(score(trainSet, (e) => decide(bases[trainSet.indexOf(e)]!, undefined)))}`);
console.log(`thresholds: ${JSON.stringify(best.t)}`);

// 4. The final model.
const final = fit(training);
final.header.thresholds = best.t;
const bytes = encodeModel(final);
const held = score(heldBack, (e) => decide(gather(e.text, readLexicons(e.text), final), best!.t));
console.log(`held-back split (${heldBack.length} messages, never tuned on): ${summary(held)}`);
console.log(
  `trained on ${trainSet.length} messages and ${training.length - trainSet.length} variants in ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s; model ${(bytes.length / 1e6).toFixed(2)} MB`,
);

const path = fileURLToPath(MODEL_URL);
if (check) {
  let shipped: Buffer | undefined;
  try {
    shipped = readFileSync(path);
  } catch {
    shipped = undefined;
  }
  const same = shipped !== undefined && Buffer.compare(shipped, bytes) === 0;
  console.log(
    same ? 'the shipped model is what this corpus trains' : 'the shipped model differs: run npm run train:triage',
  );
  process.exit(same ? 0 : 1);
}
writeFileSync(path, bytes);
console.log(`wrote ${path}`);
