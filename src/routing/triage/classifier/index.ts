/**
 * The learned second layer of triage: the shipped model (`triage.model`, trained by `npm run train:triage`
 * on `corpus/triage`), loaded once on first use, and what it makes of a message.
 */
import { readFileSync } from 'node:fs';
import { DANGER_KINDS, type Category, type DangerKind } from '../../types.ts';
import { featureIds, type Shape } from './features.ts';
import { decodeModel, predict, type ModelClass, type TriageModel } from './model.ts';

export { shapeOf, type Shape } from './features.ts';
export type { ModelClass, Thresholds, TriageModel } from './model.ts';

/** Where the shipped model lives. */
export const MODEL_URL = new URL('./triage.model', import.meta.url);

/** What the classifier makes of one message. */
export interface ClassifierView {
  /** Probability that the message is acute danger (the danger classes together). */
  acute: number;
  /** The most likely danger kind, and its probability. */
  kind: DangerKind;
  /** The most likely non-danger category, and its probability. */
  category: Exclude<Category, 'acute_danger'>;
  categoryP: number;
}

let shipped: TriageModel | null | undefined;

/** The shipped model, or null when the file is absent (triage then runs on its other two layers). */
export function shippedModel(): TriageModel | null {
  if (shipped === undefined) {
    try {
      shipped = decodeModel(readFileSync(MODEL_URL));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      shipped = null;
    }
  }
  return shipped;
}

const DANGER: ReadonlySet<string> = new Set(DANGER_KINDS);

/** Reads a model's probabilities as danger versus the other categories. */
export function view(classes: readonly ModelClass[], p: ArrayLike<number>): ClassifierView {
  let acute = 0;
  let kind: DangerKind = DANGER_KINDS[0];
  let kindP = -1;
  let category: Exclude<Category, 'acute_danger'> = 'unknown';
  let categoryP = -1;
  for (let c = 0; c < classes.length; c++) {
    const cls = classes[c]!;
    const pc = p[c]!;
    if (DANGER.has(cls)) {
      acute += pc;
      if (pc > kindP) {
        kindP = pc;
        kind = cls as DangerKind;
      }
    } else if (pc > categoryP) {
      categoryP = pc;
      category = cls as Exclude<Category, 'acute_danger'>;
    }
  }
  return { acute, kind, category, categoryP };
}

/** The classifier's view of a message (folded tokens, raw shape, lexicon concepts), or null without a model. */
export function classify(
  tokens: readonly string[],
  shape: Shape,
  concepts: readonly string[],
  model: TriageModel | null = shippedModel(),
): ClassifierView | null {
  if (!model) return null;
  const p = predict(model, featureIds(tokens, shape, model.header.features, concepts));
  return view(model.header.classes, p);
}
