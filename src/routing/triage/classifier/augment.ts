/**
 * Perturbations: ways tenants really write the same message (typos, no diacritics, capitals, emoji,
 * greetings, fillers, "please help", code-switching, no punctuation, SMS shorthand, Arabizi …). Training
 * adds some of them to the corpus (data augmentation), so the classifier learns that they change nothing;
 * the behavioural tests (test/routing/checklist.test.ts, after CheckList, Ribeiro et al., ACL 2020) check
 * every acute message under all of them. Deterministic: a message's variants depend on its text and id.
 */
import type { Lang } from '../../types.ts';
import { toArabizi } from '../arabizi.ts';
import { fnv1a32 } from './corpus.ts';
import { seeded } from './train.ts';

/** One way of rewriting a message that must not change whether it is acute. */
export interface Perturbation {
  name: string;
  apply(text: string, lang: Lang, random: () => number): string;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The word to misspell: a long word chosen by the seed (a hurried finger slips on any of them). */
function pickWord(text: string, random: () => number, minLength = 6): RegExpMatchArray | undefined {
  const words = [...text.matchAll(WORD)].filter((m) => m[0].length >= minLength && /\p{L}/u.test(m[0]));
  return words.length ? words[Math.floor(random() * words.length)] : undefined;
}

function editWord(text: string, random: () => number, edit: (w: string, at: number) => string): string {
  const m = pickWord(text, random);
  if (!m) return text;
  const w = m[0];
  // Never the first letter: hurried typing rarely gets it wrong (the lexicons' typo rule, lexicon.ts).
  const at = 1 + Math.floor(random() * (w.length - 2));
  return text.slice(0, m.index) + edit(w, at) + text.slice(m.index! + w.length);
}

const stripMarks = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .replace(/ı/g, 'i')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));

const GREETING: Record<Lang, string[]> = {
  sv: ['Hej! ', 'Hallå ', 'Hejsan, '],
  en: ['Hi! ', 'Hello, ', 'Hey '],
  ar: ['مرحبا ', 'السلام عليكم، ', 'alo '],
  fa: ['سلام ', 'سلام، ببخشید ', 'salam '],
  so: ['Salaan ', 'Haye, ', 'Asc '],
  pl: ['Dzień dobry, ', 'Cześć ', 'Halo '],
  bs: ['Zdravo, ', 'Dobro veče ', 'Halo '],
  tr: ['Merhaba, ', 'Selam ', 'İyi akşamlar '],
};
const FILLER: Record<Lang, string[]> = {
  sv: ['alltså ', 'asså typ ', 'eh '],
  en: ['so um ', 'like ', 'uh '],
  ar: ['يعني ', 'ya3ni ', 'شوف '],
  fa: ['یعنی ', 'khob ', 'چیزه '],
  so: ['waxaa weeye ', 'haa ', 'ee '],
  pl: ['no więc ', 'yyy ', 'wiesz '],
  bs: ['ovaj ', 'znači ', 'ma '],
  tr: ['yani ', 'şey ', 'hani '],
};
const PLEASE_HELP: Record<Lang, string> = {
  sv: ' snälla hjälp',
  en: ' please help',
  ar: ' ساعدوني أرجوكم',
  fa: ' لطفاً کمک کنید',
  so: ' fadlan i caawiya',
  pl: ' proszę pomóżcie',
  bs: ' molim vas pomozite',
  tr: ' lütfen yardım edin',
};
/** A Swedish or English phrase dropped in, as tenants switch language in a hurry. */
const CODE_SWITCH: Record<Lang, string> = {
  sv: ' please come fast',
  en: ' snälla kom fort',
  ar: ' snälla kom fort',
  fa: ' snälla kom fort',
  so: ' snälla kom fort',
  pl: ' snälla kom fort',
  bs: ' please come fast',
  tr: ' snälla kom fort',
};
/** SMS shorthand: whole words swapped for the short forms people type. */
const SMS: Record<Lang, ReadonlyArray<readonly [RegExp, string]>> = {
  sv: [
    [/\bjag\b/gi, 'ja'],
    [/\bdet\b/gi, 'de'],
    [/\bär\b/gi, 'e'],
    [/\boch\b/gi, 'o'],
    [/\bnågon\b/gi, 'ngn'],
    [/\bnågot\b/gi, 'ngt'],
    [/\bmycket\b/gi, 'mkt'],
    [/\bmed\b/gi, 'm'],
  ],
  en: [
    [/\byou\b/gi, 'u'],
    [/\bare\b/gi, 'r'],
    [/\bplease\b/gi, 'pls'],
    [/\bpeople\b/gi, 'ppl'],
    [/\bbecause\b/gi, 'cuz'],
    [/\bright now\b/gi, 'rn'],
    [/\band\b/gi, '&'],
  ],
  ar: [
    [/\s*،\s*/g, ' '],
    [/ة(?=\s|$)/g, 'ه'],
  ],
  fa: [
    [/\u200c/g, ' '],
    [/ی/g, 'ي'],
  ],
  so: [
    [/\biyo\b/gi, 'io'],
    [/\bwaxaa\b/gi, 'wxa'],
    [/\bfadlan\b/gi, 'fdln'],
  ],
  pl: [
    [/\bnie\b/gi, 'ni'],
    [/\bjest\b/gi, 'jst'],
    [/\bproszę\b/gi, 'prosze'],
    [/\bteraz\b/gi, 'trz'],
  ],
  bs: [
    [/\bšta\b/gi, 'sta'],
    [/\bmolim\b/gi, 'molm'],
    [/\bsada\b/gi, 'sad'],
  ],
  tr: [
    [/\bbir\b/gi, 'bi'],
    [/\bşimdi\b/gi, 'şmdi'],
    [/\blütfen\b/gi, 'ltfn'],
    [/\bne\b/gi, 'n'],
  ],
};

const elongate = (text: string, random: () => number): string =>
  editWord(text, random, (w, at) => w.slice(0, at) + w[at]!.repeat(4) + w.slice(at + 1));

/** The twenty perturbations. Each keeps the meaning: an acute message must stay acute under every one. */
export const PERTURBATIONS: readonly Perturbation[] = [
  {
    name: 'typo: two letters swapped',
    apply: (t, _l, r) => editWord(t, r, (w, i) => w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2)),
  },
  { name: 'typo: a letter missing', apply: (t, _l, r) => editWord(t, r, (w, i) => w.slice(0, i) + w.slice(i + 1)) },
  { name: 'typo: a letter doubled', apply: (t, _l, r) => editWord(t, r, (w, i) => w.slice(0, i) + w[i] + w.slice(i)) },
  { name: 'letters held down', apply: (t, _l, r) => elongate(t, r) },
  { name: 'no diacritics', apply: (t) => stripMarks(t) },
  { name: 'all capitals', apply: (t) => t.toLocaleUpperCase() },
  { name: 'all lower case', apply: (t) => t.toLocaleLowerCase() },
  { name: 'emoji after', apply: (t, _l, r) => `${t} ${['😱', '😭', '🙏'][Math.floor(r() * 3)]}` },
  { name: 'emoji before', apply: (t) => `😰 ${t}` },
  { name: 'a greeting first', apply: (t, l, r) => GREETING[l][Math.floor(r() * 3)] + t },
  { name: 'a filler first', apply: (t, l, r) => FILLER[l][Math.floor(r() * 3)] + t },
  { name: '"please help" after', apply: (t, l) => t.replace(/[.!?\s]*$/, '') + PLEASE_HELP[l] },
  { name: 'code-switching', apply: (t, l) => t.replace(/[.!?\s]*$/, '') + CODE_SWITCH[l] },
  {
    name: 'no punctuation',
    apply: (t) =>
      t
        .replace(/[.,;:!?¿¡…،؛؟"()]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
  },
  { name: 'exclamation marks', apply: (t) => t.replace(/[.!?\s]*$/, '') + '!!!' },
  { name: 'SMS shorthand', apply: (t, l) => SMS[l].reduce((s, [re, to]) => s.replace(re, to), t) },
  {
    name: 'Arabizi (Arabic), speech transcript (others)',
    apply: (t, l) =>
      l === 'ar'
        ? toArabizi(t)
        : t
            .toLocaleLowerCase()
            .replace(/[.,;:!?…"()]/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
  },
  { name: 'line breaks for full stops', apply: (t) => t.replace(/([.!?])\s+/g, '$1\n') },
  { name: 'doubled spaces', apply: (t) => t.replace(/ /g, '  ') },
  {
    name: 'two slips at once',
    apply: (t, l, r) => stripMarks(editWord(t, r, (w, i) => w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2))),
  },
];

/** The variants of one message: one per perturbation, seeded by the message's id. */
export function variantsOf(id: string, text: string, lang: Lang): Array<{ name: string; text: string }> {
  return PERTURBATIONS.map((p) => ({ name: p.name, text: p.apply(text, lang, seeded(fnv1a32(`${id}:${p.name}`))) }));
}
