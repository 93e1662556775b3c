/**
 * The classifier's features, fastText-style: every feature is a string hashed into one of 2^bits buckets,
 * so the model is a fixed-size table however many words it has seen. Shared by training and prediction, so
 * the two can never disagree.
 *
 * Per folded token (`normalize.ts`: case, å/ä/ö, diacritics and Arabic letter variants folded, letter runs
 * collapsed):
 * - the word itself, and its first five letters (a crude stem that joins inflections and compounds);
 * - its character n-grams of 2 to 5 letters, with `<` and `>` marking the word's ends, so an unseen
 *   spelling, a typo or a compound still shares most of its features with words seen in training;
 * - Arabizi digits (2 3 5 6 7 9 standing for Arabic letters) are kept in the n-grams, so `7ari2` and `hari2`
 *   share `ari`.
 * Per message: each pair of neighbouring words; a few shape features (a run of exclamation marks, mostly
 * capitals, emoji) that carry urgency across languages; and the lexicons' findings as concepts no language
 * owns (`danger.fire:discounted`, `past`, `signs.medical`), so what is learnt in one language helps another.
 *
 * A message's feature vector is binary (each bucket once) and L2-normalised, so long and short messages
 * weigh the same.
 */

/** Shape features: what a message looks like rather than what it says. */
export interface Shape {
  /** Three or more `!` in the message, or `!!` twice. */
  exclamations: boolean;
  /** At least 60% of at least eight letters are capitals. */
  capitals: boolean;
  /** Emoji in the message (pictographs, without skin tones or variation selectors). */
  emoji: string[];
}

/** Settings that the model file records, so prediction hashes exactly as training did. */
export interface FeatureSettings {
  /** Buckets = 2^bits. */
  bits: number;
  /** Shortest and longest character n-gram. */
  minN: number;
  maxN: number;
  /** Letters of the stem feature. */
  stem: number;
}

export const DEFAULT_FEATURES: FeatureSettings = { bits: 17, minN: 2, maxN: 5, stem: 5 };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a tag and a slice of a string, without building the feature string. */
function hashSlice(tag: number, s: string, from: number, to: number): number {
  let h = Math.imul(FNV_OFFSET ^ tag, FNV_PRIME);
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Feature tags: the same letters under two tags are two features. */
const TAG_WORD = 1;
const TAG_STEM = 2;
const TAG_GRAM = 3;
const TAG_PAIR = 4;
const TAG_SHAPE = 5;
const TAG_CONCEPT = 6;

const EMOJI = /\p{Extended_Pictographic}/gu;
const EXCLAMATION_RUN = /!{3,}|!!.*!!/s;

const LETTERS = /\p{L}/gu;
const CAPITAL_LETTERS = /\p{Lu}/gu;

/** The shape of a message's raw text. */
export function shapeOf(text: string): Shape {
  const letters = text.match(LETTERS)?.length ?? 0;
  const capitals = letters >= 8 ? (text.match(CAPITAL_LETTERS)?.length ?? 0) : 0;
  return {
    exclamations: text.includes('!!') && EXCLAMATION_RUN.test(text),
    capitals: letters >= 8 && capitals >= 0.6 * letters,
    emoji: text.match(EMOJI) ?? [],
  };
}

/** Most distinct tokens whose word features are kept between messages. */
const TOKEN_CACHE_LIMIT = 50_000;
/** The word, stem and character n-gram hashes of a token (before masking), by settings and token. */
const tokenCache = new WeakMap<FeatureSettings, Map<string, Uint32Array>>();

function tokenHashes(token: string, settings: FeatureSettings): Uint32Array {
  let cache = tokenCache.get(settings);
  if (!cache) tokenCache.set(settings, (cache = new Map()));
  const cached = cache.get(token);
  if (cached) return cached;
  const out: number[] = [hashSlice(TAG_WORD, token, 0, token.length)];
  if (token.length > settings.stem) out.push(hashSlice(TAG_STEM, token, 0, settings.stem));
  const marked = `<${token}>`;
  for (let n = settings.minN; n <= settings.maxN; n++) {
    // The whole marked word is the word feature already.
    if (n === marked.length) continue;
    for (let i = 0; i + n <= marked.length; i++) out.push(hashSlice(TAG_GRAM, marked, i, i + n));
  }
  const hashes = Uint32Array.from(out);
  if (cache.size >= TOKEN_CACHE_LIMIT) cache.clear();
  cache.set(token, hashes);
  return hashes;
}

/** Buckets already taken by the message being read: stamped with the message's number, so never cleared. */
let stamps = new Uint32Array(0);
let stamp = 0;

/**
 * The bucket ids of a message's features, each once, in no particular order. `tokens` are the folded
 * tokens (`tokenize(text).tokens`), `shape` from {@link shapeOf}.
 */
export function featureIds(
  tokens: readonly string[],
  shape: Shape,
  settings: FeatureSettings,
  concepts: readonly string[] = [],
): Uint32Array {
  const mask = (1 << settings.bits) - 1;
  if (stamps.length !== mask + 1) stamps = new Uint32Array(mask + 1);
  if (++stamp === 0xffffffff) {
    stamps.fill(0);
    stamp = 1;
  }
  const ids: number[] = [];
  const add = (h: number) => {
    const id = h & mask;
    if (stamps[id] === stamp) return;
    stamps[id] = stamp;
    ids.push(id);
  };
  let previous = '';
  for (const token of tokens) {
    const hashes = tokenHashes(token, settings);
    for (let k = 0; k < hashes.length; k++) add(hashes[k]!);
    if (previous) add(hashSlice(TAG_PAIR, `${previous} ${token}`, 0, previous.length + 1 + token.length));
    previous = token;
  }
  if (shape.exclamations) add(hashSlice(TAG_SHAPE, '!!!', 0, 3));
  if (shape.capitals) add(hashSlice(TAG_SHAPE, 'CAPS', 0, 4));
  for (const e of shape.emoji) add(hashSlice(TAG_SHAPE, e, 0, e.length));
  if (shape.emoji.length > 0) add(hashSlice(TAG_SHAPE, 'emoji', 0, 5));
  for (const c of concepts) add(hashSlice(TAG_CONCEPT, c, 0, c.length));
  return Uint32Array.from(ids);
}
