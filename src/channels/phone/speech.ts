/**
 * What the phone line says: its own texts (locales/{lng}/phone.json) as SSML in the caller's language and
 * voice, the bot's replies (their `speak` SSML) joined into one prompt, and the language menu.
 */
import type { Activity } from 'botbuilder';
import { localeLanguage } from '../../../dialogs/conversation.ts';
import { fold } from '../../../dialogs/words.ts';
import { getI18n, translator } from '../../i18n.ts';
import { LANGUAGES, type Lang } from '../../routing/types.ts';
import { plainText, ssml, VOICES } from '../render.ts';
import type { PhoneVoice, Prompt } from './types.ts';

/** Voices per language: the configured ones over the chat channels' defaults. */
export type Voices = Partial<Record<Lang, PhoneVoice>>;

/** The language menu's order: key 1 is Swedish, 2 English, 3 Arabic, … (LANGUAGES' order). */
export const MENU_LANGUAGES: readonly Lang[] = LANGUAGES;

/** The BCP 47 locale the caller is listened to and spoken to in. */
export function localeOf(lang: Lang, voices: Voices = {}): string {
  return voices[lang]?.locale ?? VOICES[lang].locale;
}

/** Puts the configured voice for `lang` into SSML made with the default one. */
export function withVoice(speak: string, lang: Lang, voices: Voices = {}): string {
  const chosen = voices[lang];
  if (!chosen) return speak;
  return speak
    .replace(/(<voice name=")[^"]*(")/g, `$1${escapeAttr(chosen.voice)}$2`)
    .replace(/(xml:lang=")[^"]*(")/g, `$1${escapeAttr(chosen.locale)}$2`);
}

const escapeAttr = (s: string) => s.replace(/[<>&"]/g, '');

/**
 * Voices from a setting such as `sv=sv-SE-MattiasNeural;en=en-GB-RyanNeural` (language = Azure neural voice;
 * the voice's locale is its name's first two parts). Throws naming `setting` and the entry that is wrong.
 */
export function parseVoices(value: string | undefined, setting = 'voices'): Voices {
  const voices: Voices = {};
  for (const entry of (value ?? '')
    .split(/[;,]/)
    .map((e) => e.trim())
    .filter(Boolean)) {
    const m = /^([a-z]{2})\s*=\s*(([a-z]{2,3}-[A-Z]{2})-[A-Za-z]+Neural)$/.exec(entry);
    if (!m || !(LANGUAGES as readonly string[]).includes(m[1]!))
      throw new Error(
        `${setting}: "${entry}" is not language=voice, e.g. "sv=sv-SE-MattiasNeural" (languages: ${LANGUAGES.join(', ')})`,
      );
    voices[m[1] as Lang] = { locale: m[3]!, voice: m[2]! };
  }
  return voices;
}

/** A phone text as a prompt; values that are phone numbers are read as telephone numbers. */
export function phoneText(lang: Lang, key: string, values: Record<string, unknown> = {}, voices: Voices = {}): Prompt {
  const t = translator(lang, 'phone');
  const text = String(t(key, values));
  let speak = withVoice(ssml(text, lang), lang, voices);
  for (const value of Object.values(values)) {
    if (
      typeof value === 'string' &&
      /^[0-9+][0-9 -]{5,}$/.test(value) &&
      speak.includes(value) &&
      !speak.includes(`>${value}</say-as>`)
    )
      speak = speak.replace(value, `<say-as interpret-as="telephone">${value}</say-as>`);
  }
  return { ssml: speak, text, lang };
}

/** Several prompts as one: one `<speak>` holding each part's voice, in order. The first part's language leads. */
export function joinPrompts(parts: Prompt[]): Prompt {
  const first = parts[0];
  if (!first) throw new Error('joinPrompts: nothing to say');
  if (parts.length === 1) return first;
  const open =
    /^<speak[^>]*>/.exec(first.ssml)?.[0] ?? '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis">';
  const inner = parts.map((p) => /^<speak[^>]*>([\s\S]*)<\/speak>\s*$/.exec(p.ssml)?.[1] ?? '').join('');
  return { ssml: `${open}${inner}</speak>`, text: parts.map((p) => p.text).join(' '), lang: first.lang };
}

/** The language a bot reply was written in (its locale), if Trygg speaks it. */
export function replyLanguage(activity: Partial<Activity>): Lang | undefined {
  return localeLanguage(activity.locale);
}

/** A bot reply as a prompt: its `speak` SSML in the configured voice, or its text. */
export function replyPrompt(activity: Partial<Activity>, fallback: Lang, voices: Voices = {}): Prompt {
  const lang = replyLanguage(activity) ?? fallback;
  const text = plainText(activity.text ?? '')
    .replace(/\s*\n+\s*/g, ' ')
    .trim();
  const speak = activity.speak ? withVoice(activity.speak, lang, voices) : withVoice(ssml(text, lang), lang, voices);
  return { ssml: speak, text, lang };
}

/** The longest an incident's notice is said on the phone: the first sentences, up to about this many characters. */
const NOTICE_CHARS = 320;

/**
 * An incident's notice, short: its first sentences (whole ones, up to about 320 characters), in the
 * reply's language and voice.
 */
export function noticePrompt(activity: Partial<Activity>, fallback: Lang, voices: Voices = {}): Prompt {
  const lang = replyLanguage(activity) ?? fallback;
  const full = plainText(activity.text ?? '')
    .replace(/\s*\n+\s*/g, ' ')
    .trim();
  let text = full;
  if (full.length > NOTICE_CHARS) {
    const cut = full.slice(0, NOTICE_CHARS);
    const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
    text = end > 40 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(' '))} …`;
  }
  return { ssml: withVoice(ssml(text, lang), lang, voices), text, lang };
}

/**
 * The keys for a question's options ("Säg ditt svar, eller tryck 1 för Ja, 2 för Nej"), when the bot waits
 * for one of them. Keys 0 and 9 stay reserved for a person and repeat.
 */
export function optionsPrompt(activity: Partial<Activity>, lang: Lang, voices: Voices = {}): Prompt | undefined {
  const actions = activity.suggestedActions?.actions ?? [];
  if (activity.inputHint !== 'expectingInput' || actions.length === 0 || actions.length > 8) return undefined;
  const t = translator(lang, 'phone');
  const list = actions.map((a, i) => t('optionItem', { digit: i + 1, title: a.title })).join(', ');
  return phoneText(lang, 'options', { list }, voices);
}

/** The greeting in Swedish, that speech is interpreted automatically, and the languages, each in its own voice. */
export function languageMenu(voices: Voices = {}): Prompt {
  const parts = [phoneText('sv', 'greeting', {}, voices)];
  MENU_LANGUAGES.forEach((lang, i) => parts.push(phoneText(lang, 'language.option', { digit: i + 1 }, voices)));
  parts.push(phoneText('sv', 'keys', {}, voices));
  return joinPrompts(parts);
}

/** The language for key `digit` of the menu. */
export function languageForKey(digit: string): Lang | undefined {
  const n = Number(digit);
  return Number.isInteger(n) && n >= 1 ? MENU_LANGUAGES[n - 1] : undefined;
}

/** A language named in a short answer ("engelska", "English please", "عربي"), if any. */
export function languageNamed(text: string): Lang | undefined {
  const words = fold(text);
  if (!words || words.split(' ').length > 4) return undefined;
  const i18n = getI18n();
  for (const lang of MENU_LANGUAGES) {
    for (const source of LANGUAGES) {
      const names = i18n.getResource(source, 'phone', 'language.names') as Record<string, string[]> | undefined;
      for (const name of names?.[lang] ?? []) {
        const n = fold(name);
        if (n && ` ${words} `.includes(` ${n} `)) return lang;
      }
    }
  }
  return undefined;
}

/** The words that ask the bot for a person in `lang` (words.json `human`), for key 0. */
export function humanCommand(lang: Lang): string {
  const i18n = getI18n();
  const words = (i18n.getResource(lang, 'words', 'human') ?? i18n.getResource('sv', 'words', 'human')) as
    string[] | undefined;
  return words?.[0] ?? 'personal';
}

/** A Swedish note for staff (case transcripts are read by Swedish-speaking staff). */
export function staffNote(key: string, values: Record<string, unknown> = {}): string {
  return String(translator('sv', 'phone')(`note.${key}`, values));
}

/** A phone number as said to a Swedish caller: `+46701234567` → `070-123 45 67`; others unchanged. */
export function spokenNumber(e164: string): string {
  const m = /^\+46(\d{2})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `0${m[1]}-${m[2]} ${m[3]} ${m[4]}` : e164;
}
