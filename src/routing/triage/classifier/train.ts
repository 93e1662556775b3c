/**
 * Training for the triage classifier: multinomial logistic regression over hashed features, fitted by
 * stochastic gradient descent with AdaGrad step sizes. Deterministic: examples are shuffled by a seeded
 * generator, so the same examples and settings always give the same weights (and the same model bytes).
 *
 * Why by hand: the model is a few dozen lines of arithmetic, and no well-kept JavaScript library trains a
 * linear model over sparse hashed features (the ML libraries on npm are dense-matrix or neural-network
 * libraries whose 2^17-wide inputs would cost megabytes per message; fastText itself is a C++ program).
 */
import type { FeatureSettings } from './features.ts';
import type { ModelClass, ModelHeader, Thresholds, TriageModel } from './model.ts';

/** One training example: its feature buckets, its class index and how much it counts. */
export interface Example {
  ids: Uint32Array;
  label: number;
  weight: number;
}

/** Training settings. */
export interface TrainSettings {
  epochs: number;
  /** AdaGrad base step. */
  rate: number;
  /** L2 penalty, applied to the weights a step touches. */
  l2: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainSettings = { epochs: 24, rate: 0.1, l2: 1e-5, seed: 20261202 };

/** A small seeded generator (mulberry32): the same seed, the same sequence, on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Float weights during training. */
export interface FloatModel {
  classes: ModelClass[];
  features: FeatureSettings;
  weights: Float32Array;
  bias: Float64Array;
}

/** Probabilities of a float model for one example (the same arithmetic as `predict`). */
export function predictFloat(model: FloatModel, ids: Uint32Array, out?: Float64Array): Float64Array {
  const k = model.classes.length;
  const p = out ?? new Float64Array(k);
  p.fill(0);
  const w = model.weights;
  for (let i = 0; i < ids.length; i++) {
    const row = ids[i]! * k;
    for (let c = 0; c < k; c++) p[c]! += w[row + c]!;
  }
  const norm = ids.length > 0 ? 1 / Math.sqrt(ids.length) : 0;
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    p[c] = p[c]! * norm + model.bias[c]!;
    if (p[c]! > max) max = p[c]!;
  }
  let total = 0;
  for (let c = 0; c < k; c++) {
    p[c] = Math.exp(p[c]! - max);
    total += p[c]!;
  }
  for (let c = 0; c < k; c++) p[c] = p[c]! / total;
  return p;
}

/** Fits a model to the examples. */
export function train(
  examples: readonly Example[],
  classes: ModelClass[],
  features: FeatureSettings,
  settings: TrainSettings = DEFAULT_TRAINING,
): FloatModel {
  const k = classes.length;
  const size = (1 << features.bits) * k;
  const model: FloatModel = { classes, features, weights: new Float32Array(size), bias: new Float64Array(k) };
  const squares = new Float32Array(size);
  const biasSquares = new Float64Array(k);
  const random = seeded(settings.seed);
  const order = examples.map((_, i) => i);
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    // Fisher–Yates with the seeded generator.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const ex = examples[index]!;
      predictFloat(model, ex.ids, p);
      const norm = ex.ids.length > 0 ? 1 / Math.sqrt(ex.ids.length) : 0;
      for (let c = 0; c < k; c++) {
        const g = (p[c]! - (c === ex.label ? 1 : 0)) * ex.weight;
        biasSquares[c]! += g * g;
        model.bias[c]! -= (settings.rate * g) / Math.sqrt(biasSquares[c]! + 1e-8);
        const gx = g * norm;
        for (let i = 0; i < ex.ids.length; i++) {
          const at = ex.ids[i]! * k + c;
          const grad = gx + settings.l2 * model.weights[at]!;
          squares[at]! += grad * grad;
          model.weights[at]! -= (settings.rate * grad) / Math.sqrt(squares[at]! + 1e-8);
        }
      }
    }
  }
  return model;
}

/** Rounds a float model to int8 weights with one scale per class. */
export function quantize(model: FloatModel, thresholds: Thresholds, trainedOn: ModelHeader['trainedOn']): TriageModel {
  const k = model.classes.length;
  const maxAbs = new Float64Array(k);
  for (let i = 0; i < model.weights.length; i++) {
    const c = i % k;
    const a = Math.abs(model.weights[i]!);
    if (a > maxAbs[c]!) maxAbs[c] = a;
  }
  const scales = Array.from(maxAbs, (m) => (m > 0 ? m / 127 : 1));
  const weights = new Int8Array(model.weights.length);
  for (let i = 0; i < weights.length; i++) weights[i] = Math.round(model.weights[i]! / scales[i % k]!);
  return {
    header: {
      classes: model.classes,
      features: model.features,
      scales: scales.map((s) => Number(s.toPrecision(9))),
      bias: Array.from(model.bias, (b) => Number(b.toPrecision(9))),
      thresholds,
      trainedOn,
    },
    weights,
  };
}
