/**
 * Understanding the tenant's short answers and commands ("ja", "1", "personal", "English please"), in every
 * language. The words themselves are language data in locales/{lng}/words.json.
 */
import { getI18n } from '../src/i18n.ts';
import { LANGUAGES, type Lang } from '../src/routing/types.ts';
import type { ReplyOption } from './reply.ts';

/** Lowercase, without diacritics, Arabic tashkeel or punctuation, single spaces. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

type WordList = 'yes' | 'no' | 'skip' | 'human' | 'help' | 'acute' | 'switch' | 'stop';

let lists: Map<WordList, Map<string, Lang>> | undefined;

/** Every language's words for each list, folded, with the language they belong to. */
function wordLists(): Map<WordList, Map<string, Lang>> {
  if (lists) return lists;
  lists = new Map();
  const i18n = getI18n();
  for (const lang of LANGUAGES) {
    for (const list of ['yes', 'no', 'skip', 'human', 'help', 'acute', 'switch', 'stop'] as WordList[]) {
      const words = i18n.getResource(lang, 'words', list) as string[] | undefined;
      if (!Array.isArray(words)) continue;
      let m = lists.get(list);
      if (!m) lists.set(list, (m = new Map()));
      for (const w of words) if (!m.has(fold(w))) m.set(fold(w), lang);
    }
  }
  return lists;
}

function whole(list: WordList, text: string): Lang | undefined {
  return wordLists().get(list)?.get(fold(text));
}

/**
 * The option the tenant chose: a number (SMS), the option's own title, or a word meaning it in any language
 * (`yes`/`no`/`skip`). Undefined when the answer is not one of the options.
 */
export function chosenOption(text: string, options: ReplyOption[]): string | undefined {
  const t = fold(text);
  if (/^\d+$/.test(t)) return options[Number(t) - 1]?.value;
  const byTitle = options.find((o) => fold(o.title) === t);
  if (byTitle) return byTitle.value;
  for (const o of options) {
    if ((o.value === 'yes' || o.value === 'no' || o.value === 'skip') && whole(o.value, t)) return o.value;
  }
  // "ja, det gör jag": a first word meaning yes decides. Never so for "no": "nej vet inte", "لا أعرف", "nie wiem"
  // and "not sure" are not a no, and an unclear answer to "is anyone in danger?" must not be read as one.
  const first = t.split(' ')[0] ?? '';
  if (options.some((o) => o.value === 'yes') && whole('yes', first) && !whole('no', t.split(' ')[1] ?? ''))
    return 'yes';
  return undefined;
}

/** A command that works at any point in the conversation. */
export type Command = { kind: 'human' | 'help' | 'acute' | 'language'; lang: Lang };

/** Commands are whole, short messages ("personal", "help", "akut", "English please", "بالعربية"). */
export function command(text: string): Command | undefined {
  const t = fold(text);
  if (!t || t.split(' ').length > 4) return undefined;
  for (const kind of ['switch', 'acute', 'human', 'help'] as const) {
    const lang = whole(kind, t);
    if (lang) return { kind: kind === 'switch' ? 'language' : kind, lang };
  }
  return undefined;
}

/** STOPP / STOP / "unsubscribe" in any language, as the whole message: the tenant wants no more updates. */
export function stopWord(text: string): boolean {
  const t = fold(text);
  return Boolean(t) && t.split(' ').length <= 3 && whole('stop', t) !== undefined;
}
