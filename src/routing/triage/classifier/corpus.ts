/**
 * The triage corpus (`corpus/triage/<lang>.jsonl`, described in `corpus/README.md`): reading it, the
 * held-back split, and scoring a triage function on it. Used by `npm run train:triage`,
 * `npm run score:triage` and the tests; never by the running bot.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import {
  CATEGORIES,
  DANGER_KINDS,
  LANGUAGES,
  type Category,
  type DangerKind,
  type Lang,
  type Triage,
} from '../../types.ts';
import type { ModelClass } from './model.ts';

/** One labelled message. */
export interface CorpusEntry {
  id: string;
  lang: Lang;
  text: string;
  label: Category;
  kind?: DangerKind;
  also?: Category[];
  style?: string[];
}

/** The corpus folder in the repository. */
export const CORPUS_DIR = new URL('../../../../corpus/triage/', import.meta.url);

/** FNV-1a, 32 bits, over the UTF-16 code units of a string. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** True for the held-back fifth: never read while rules are written, only scored. */
export function isHeldBack(id: string): boolean {
  return fnv1a32(id) % 5 === 0;
}

/** Reads and checks every corpus file; throws naming the file and line of the first bad entry. */
export function loadCorpus(dir: URL = CORPUS_DIR): { entries: CorpusEntry[]; sha256: string } {
  const hash = createHash('sha256');
  const entries: CorpusEntry[] = [];
  const ids = new Set<string>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  for (const file of files) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    hash.update(file).update('\0').update(text);
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${file}:${i + 1}`;
      const e = JSON.parse(line) as CorpusEntry;
      if (typeof e.id !== 'string' || ids.has(e.id)) throw new Error(`${where}: missing or repeated id`);
      if (!LANGUAGES.includes(e.lang)) throw new Error(`${where}: unknown lang ${String(e.lang)}`);
      if (typeof e.text !== 'string' || !e.text.trim()) throw new Error(`${where}: no text`);
      if (!CATEGORIES.includes(e.label)) throw new Error(`${where}: unknown label ${String(e.label)}`);
      if ((e.label === 'acute_danger') !== (e.kind !== undefined))
        throw new Error(`${where}: kind goes with acute_danger`);
      if (e.kind !== undefined && !DANGER_KINDS.includes(e.kind)) throw new Error(`${where}: unknown kind`);
      ids.add(e.id);
      entries.push(e);
    });
  }
  return { entries, sha256: hash.digest('hex') };
}

/** The model class of an entry: its danger kind, or its category. */
export function classOf(e: CorpusEntry): ModelClass {
  return e.label === 'acute_danger' ? e.kind! : (e.label as ModelClass);
}

/** The classes in model order: the danger kinds, then the other categories. */
export const MODEL_CLASSES: ModelClass[] = [
  ...DANGER_KINDS,
  ...(CATEGORIES.filter((c) => c !== 'acute_danger') as ModelClass[]),
];

/** Scores of a triage function on a set of entries. */
export interface Scores {
  messages: number;
  acute: number;
  /** Acute messages triaged as acute danger. */
  acuteHit: number;
  ordinary: number;
  /** Ordinary messages (acute danger not acceptable) triaged as acute danger. */
  falseEmergencies: number;
  /** Messages whose category is the label or one of `also`. */
  correct: number;
  byLayer: Record<string, number>;
}

/** Whether a triage is right for an entry: acute for acute (any kind), else the label or an `also`. */
export function isCorrect(e: CorpusEntry, t: Triage): boolean {
  return t.category === e.label || (e.also ?? []).includes(t.category);
}

/** Scores `triageOf` on entries; `onMiss` sees each wrong one. */
export function score(
  entries: readonly CorpusEntry[],
  triageOf: (e: CorpusEntry) => Triage,
  onMiss?: (e: CorpusEntry, t: Triage) => void,
): Scores {
  const s: Scores = { messages: 0, acute: 0, acuteHit: 0, ordinary: 0, falseEmergencies: 0, correct: 0, byLayer: {} };
  for (const e of entries) {
    const t = triageOf(e);
    s.messages++;
    const layer = t.layer ?? 'lexicon';
    s.byLayer[layer] = (s.byLayer[layer] ?? 0) + 1;
    if (e.label === 'acute_danger') {
      s.acute++;
      if (t.category === 'acute_danger') s.acuteHit++;
    } else if (!(e.also ?? []).includes('acute_danger')) {
      s.ordinary++;
      if (t.category === 'acute_danger') s.falseEmergencies++;
    }
    if (isCorrect(e, t)) s.correct++;
    else onMiss?.(e, t);
  }
  return s;
}

/** One line for a human: recall, false emergencies, accuracy. */
export function summary(s: Scores): string {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '100.0');
  return (
    `acute recall ${s.acuteHit}/${s.acute} (${pct(s.acuteHit, s.acute)}%), ` +
    `false emergencies ${s.falseEmergencies}/${s.ordinary} (${pct(s.falseEmergencies, s.ordinary)}%), ` +
    `accuracy ${s.correct}/${s.messages} (${pct(s.correct, s.messages)}%)`
  );
}
