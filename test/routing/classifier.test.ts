// The learned layer: features, the model file, reproducible training, and the shipped model.
import { describe, expect, it } from 'vitest';
import { readLexicons } from '../../src/routing/triage/index.ts';
import { tokenize } from '../../src/routing/triage/normalize.ts';
import { DEFAULT_FEATURES, featureIds, shapeOf } from '../../src/routing/triage/classifier/features.ts';
import { decodeModel, encodeModel, predict } from '../../src/routing/triage/classifier/model.ts';
import { shippedModel } from '../../src/routing/triage/classifier/index.ts';
import { predictFloat, quantize, train } from '../../src/routing/triage/classifier/train.ts';
import {
  classOf,
  isHeldBack,
  loadCorpus,
  MODEL_CLASSES,
  type CorpusEntry,
} from '../../src/routing/triage/classifier/corpus.ts';

const small = { ...DEFAULT_FEATURES, bits: 12 };
const ids = (text: string, settings = small) =>
  featureIds(tokenize(text).tokens, shapeOf(text), settings, readLexicons(text).concepts);
const corpus = loadCorpus();
const sample = corpus.entries.filter((e) => !isHeldBack(e.id)).slice(0, 300);
const examples = (entries: CorpusEntry[]) =>
  entries.map((e) => ({ ids: ids(e.text), label: MODEL_CLASSES.indexOf(classOf(e)), weight: 1 }));
const thresholds = { acute: 0.9, acuteWithSign: 0.5, category: 0.5 };
const settings = { epochs: 3, rate: 0.1, l2: 1e-5, seed: 7 };

describe('features', () => {
  it('are the same for the same text, each bucket once', () => {
    const a = ids('Det brinner i trapphuset!!!');
    expect([...a]).toEqual([...ids('Det brinner i trapphuset!!!')]);
    expect(new Set(a).size).toBe(a.length);
  });

  it('share most buckets across a typo, so an unseen spelling is not a new word', () => {
    const a = new Set(ids('trapphuset brinner', DEFAULT_FEATURES));
    const b = ids('trapphuest brinner', DEFAULT_FEATURES);
    expect(b.filter((x) => a.has(x)).length / b.length).toBeGreaterThan(0.5);
  });

  it('see urgency in the shape: exclamation marks, capitals, emoji', () => {
    expect(shapeOf('KOM HIT NU SNÄLLA!!!')).toEqual({ exclamations: true, capitals: true, emoji: [] });
    expect(shapeOf('kom 🔥').emoji).toEqual(['🔥']);
    expect(shapeOf('Hej! Tack!')).toEqual({ exclamations: false, capitals: false, emoji: [] });
  });
});

describe('the model file', () => {
  const model = quantize(train(examples(sample), MODEL_CLASSES, small, settings), thresholds, {
    messages: sample.length,
    sha256: 'test',
  });

  it('decodes to what was encoded', () => {
    const back = decodeModel(encodeModel(model));
    expect(back.header).toEqual(model.header);
    expect([...back.weights]).toEqual([...model.weights]);
  });

  it('refuses a file that is not a model, or is cut short', () => {
    expect(() => decodeModel(Buffer.from('hello'))).toThrow(/not a Trygg triage model/);
    const bytes = encodeModel(model);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 10))).toThrow(/weights/);
  });

  it('predicts as the float model did, within rounding', () => {
    const float = train(examples(sample), MODEL_CLASSES, small, settings);
    for (const e of sample.slice(0, 20)) {
      const q = predict(model, ids(e.text));
      const f = predictFloat(float, ids(e.text));
      q.forEach((p, c) => expect(Math.abs(p - f[c]!)).toBeLessThan(0.05));
    }
  });

  it('is the same bytes when trained again on the same examples (reproducible)', () => {
    const again = quantize(train(examples(sample), MODEL_CLASSES, small, settings), thresholds, {
      messages: sample.length,
      sha256: 'test',
    });
    expect(Buffer.compare(encodeModel(again), encodeModel(model))).toBe(0);
    const otherSeed = quantize(train(examples(sample), MODEL_CLASSES, small, { ...settings, seed: 8 }), thresholds, {
      messages: sample.length,
      sha256: 'test',
    });
    expect(Buffer.compare(encodeModel(otherSeed), encodeModel(model))).not.toBe(0);
  });
});

describe('the shipped model', () => {
  const shipped = shippedModel();

  it('is there, a few MB at most', () => {
    expect(shipped).not.toBeNull();
    expect(shipped!.weights.byteLength).toBeLessThan(4_000_000);
  });

  it('was trained on this corpus (retrain with npm run train:triage after changing it)', () => {
    expect(shipped!.header.trainedOn.sha256).toBe(corpus.sha256);
    expect(shipped!.header.trainedOn.messages).toBe(corpus.entries.filter((e) => !isHeldBack(e.id)).length);
  });

  it('knows every danger kind and every other category', () => {
    expect(shipped!.header.classes).toEqual(MODEL_CLASSES);
  });
});
