/**
 * The triage classifier: a linear model (multinomial logistic regression) over hashed features
 * (`features.ts`), stored as one int8 weight per bucket and class. Prediction sums the rows of a message's
 * buckets and takes a softmax: a few hundred additions, no allocation beyond the result.
 *
 * File format (`triage.model`, written by `npm run train:triage`): the line `TRYGG-TRIAGE-MODEL 1`, one
 * line of JSON ({@link ModelHeader}), then the weights as int8, bucket-major (`buckets × classes`).
 * The file holds no timestamp: the same corpus and settings give the same bytes.
 */
import type { Category, DangerKind } from '../../types.ts';
import type { FeatureSettings } from './features.ts';

/** The classes the model chooses among: every danger kind, and every non-danger category. */
export type ModelClass = DangerKind | Exclude<Category, 'acute_danger'>;

/** Probability thresholds, chosen by cross-validation on the training split (see `train.ts`). */
export interface Thresholds {
  /** P(acute) at or above which the classifier alone makes a message uncertain danger. */
  acute: number;
  /** The same where the lexicons placed the message nowhere (the classifier is then the only reader). */
  acuteUnplaced?: number;
  /** P(acute) at or above which a sign of distress makes a message uncertain danger. */
  acuteWithSign: number;
  /** Top non-danger probability at or above which the classifier places a message the lexicons did not. */
  category: number;
}

/** The JSON header of a model file. */
export interface ModelHeader {
  classes: ModelClass[];
  features: FeatureSettings;
  /** Per class: weight = int8 × scale. */
  scales: number[];
  bias: number[];
  thresholds: Thresholds;
  /** What it was trained on, for the record: message count and the corpus's SHA-256. */
  trainedOn: { messages: number; sha256: string };
}

/** A loaded model. */
export interface TriageModel {
  header: ModelHeader;
  weights: Int8Array;
}

export const MAGIC = 'TRYGG-TRIAGE-MODEL 1\n';

/** Encodes a model into the file format. */
export function encodeModel(model: TriageModel): Buffer {
  const head = Buffer.from(MAGIC + JSON.stringify(model.header) + '\n', 'utf8');
  return Buffer.concat([head, Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength)]);
}

/** Decodes a model file; throws with what is wrong. */
export function decodeModel(bytes: Uint8Array): TriageModel {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, MAGIC.length).toString('utf8') !== MAGIC) throw new Error('not a Trygg triage model');
  const end = buf.indexOf(0x0a, MAGIC.length);
  if (end < 0) throw new Error('triage model: no header');
  const header = JSON.parse(buf.subarray(MAGIC.length, end).toString('utf8')) as ModelHeader;
  const expected = (1 << header.features.bits) * header.classes.length;
  const body = buf.subarray(end + 1);
  if (body.length !== expected) throw new Error(`triage model: ${body.length} weights, expected ${expected}`);
  const weights = new Int8Array(body.length);
  weights.set(new Int8Array(body.buffer, body.byteOffset, body.length));
  return { header, weights };
}

/** Class probabilities for a message's feature buckets (softmax over the linear scores). */
export function predict(model: TriageModel, ids: Uint32Array): Float64Array {
  const { classes, scales, bias } = model.header;
  const k = classes.length;
  const sums = new Float64Array(k);
  const w = model.weights;
  for (let i = 0; i < ids.length; i++) {
    const row = ids[i]! * k;
    for (let c = 0; c < k; c++) sums[c]! += w[row + c]!;
  }
  const norm = ids.length > 0 ? 1 / Math.sqrt(ids.length) : 0;
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    sums[c] = sums[c]! * scales[c]! * norm + bias[c]!;
    if (sums[c]! > max) max = sums[c]!;
  }
  let total = 0;
  for (let c = 0; c < k; c++) {
    sums[c] = Math.exp(sums[c]! - max);
    total += sums[c]!;
  }
  for (let c = 0; c < k; c++) sums[c] = sums[c]! / total;
  return sums;
}
