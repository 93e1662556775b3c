/**
 * What the phone line says: its own texts (locales/{lng}/phone.json) and the dialogs' replies (their `Reply`:
 * text, language, options), as prompts in the caller's language and voice, and the language menu. A prompt is
 * made of parts (one voice each) made of pieces (text, or a number read digit by digit); its SSML is built
 * from them, never edited afterwards.
 */
import type { Reply } from '../../../dialogs/reply.ts';
import { fold } from '../../../dialogs/words.ts';
import { getI18n, translator } from '../../i18n.ts';
import { LANGUAGES, type Lang } from '../../routing/types.ts';
import { escapeXml, PUBLIC_NUMBERS, spokenText, VOICES } from '../render.ts';
import type { PhoneVoice, Prompt } from './types.ts';

/** Voices per language: the configured ones over the chat channels' defaults. */
export type Voices = Partial<Record<Lang, PhoneVoice>>;

/** The language menu's order: key 1 is Swedish, 2 English, 3 Arabic, … (LANGUAGES' order). */
export const MENU_LANGUAGES: readonly Lang[] = LANGUAGES;

/** The BCP 47 locale the caller is listened to and spoken to in. */
export function localeOf(lang: Lang, voices: Voices = {}): string {
  return voiceOf(lang, voices).locale;
}

/** The voice for `lang`: the configured one, else the chat channels' default. */
export function voiceOf(lang: Lang, voices: Voices = {}): PhoneVoice {
  return voices[lang] ?? VOICES[lang];
}

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

/** Plain text, or a phone number to be read digit by digit. */
export type SpeechPiece = { text: string } | { telephone: string };

/** A stretch of speech in one voice. */
export interface SpeechPart {
  lang: Lang;
  voice: PhoneVoice;
  pieces: SpeechPiece[];
}

/** Values of a text that are phone numbers (`070-174 06 05`, `+46…`): read as telephone numbers. */
const PHONE_VALUE = /^[0-9+][0-9 -]{5,}$/;
/** Where an interpolated phone number stands in a translated text while it is cut into pieces. */
const MARK = /\u0001(\d+)\u0002/;

/** Text cut into plain pieces and the public numbers it names (112, 114 14, …). */
function numberPieces(text: string): SpeechPiece[] {
  const pieces: SpeechPiece[] = [];
  const numbers = new RegExp(PUBLIC_NUMBERS.source, 'g');
  let at = 0;
  for (const m of text.matchAll(numbers)) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index) });
    pieces.push({ telephone: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/** The SSML for parts: one `<speak>` in the first part's locale, each part in its own voice. */
function toSsml(parts: SpeechPart[]): string {
  const body = parts
    .map((p) => {
      const inner = p.pieces
        .map((x) =>
          'telephone' in x ? `<say-as interpret-as="telephone">${escapeXml(x.telephone)}</say-as>` : escapeXml(x.text),
        )
        .join('');
      return `<voice name="${escapeXml(p.voice.voice)}">${inner}</voice>`;
    })
    .join('');
  const locale = parts[0]?.voice.locale ?? VOICES.sv.locale;
  return `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${escapeXml(locale)}">${body}</speak>`;
}

/** A prompt from its parts: the SSML and the plain text are both made from them. */
export function promptOf(parts: SpeechPart[]): Prompt {
  const first = parts[0];
  if (!first) throw new Error('a prompt needs something to say');
  const text = parts.map((p) => p.pieces.map((x) => ('telephone' in x ? x.telephone : x.text)).join('')).join(' ');
  return { parts, ssml: toSsml(parts), text, lang: first.lang };
}

/** A phone text as a prompt; values that are phone numbers are read as telephone numbers. */
export function phoneText(lang: Lang, key: string, values: Record<string, unknown> = {}, voices: Voices = {}): Prompt {
  const t = translator(lang, 'phone');
  // Phone numbers among the values stand in the text as marks, so they become pieces of their own.
  const numbers: string[] = [];
  const marked = Object.fromEntries(
    Object.entries(values).map(([k, v]) =>
      typeof v === 'string' && PHONE_VALUE.test(v) ? [k, `\u0001${numbers.push(v) - 1}\u0002`] : [k, v],
    ),
  );
  const pieces: SpeechPiece[] = [];
  String(t(key, marked))
    .split(MARK)
    .forEach((chunk, i) => {
      if (i % 2 === 1) pieces.push({ telephone: numbers[Number(chunk)] ?? '' });
      else if (chunk) pieces.push(...numberPieces(chunk));
    });
  return promptOf([{ lang, voice: voiceOf(lang, voices), pieces }]);
}

/** Several prompts as one: their parts in order, in one `<speak>`. The first part's language leads. */
export function joinPrompts(prompts: Prompt[]): Prompt {
  if (prompts.length === 1) return prompts[0]!;
  return promptOf(prompts.flatMap((p) => p.parts));
}

/** A dialog's reply as a prompt: its text, said in its language and voice, public numbers digit by digit. */
export function replyPrompt(reply: Reply, voices: Voices = {}): Prompt {
  const spoken = spokenText(reply.text).replace(/\s+/g, ' ').trim();
  return promptOf([{ lang: reply.lang, voice: voiceOf(reply.lang, voices), pieces: numberPieces(spoken) }]);
}

/** The longest an incident's notice is said on the phone: the first sentences, up to about this many characters. */
const NOTICE_CHARS = 320;

/**
 * An incident's notice, short: its first sentences (whole ones, up to about 320 characters), in the
 * reply's language and voice.
 */
export function noticePrompt(reply: Reply, voices: Voices = {}): Prompt {
  const full = spokenText(reply.text).replace(/\s+/g, ' ').trim();
  let text = full;
  if (full.length > NOTICE_CHARS) {
    const cut = full.slice(0, NOTICE_CHARS);
    const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
    text = end > 40 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(' '))} …`;
  }
  return replyPrompt({ ...reply, text }, voices);
}

/**
 * The keys for a question's options ("Säg ditt svar, eller tryck 1 för Ja, 2 för Nej"), when the reply waits
 * for one of them. Keys 0 and 9 stay reserved for a person and repeat.
 */
export function optionsPrompt(reply: Reply, voices: Voices = {}): Prompt | undefined {
  const options = reply.options ?? [];
  if (!reply.expectsInput || options.length === 0 || options.length > 8) return undefined;
  const t = translator(reply.lang, 'phone');
  const list = options.map((o, i) => t('optionItem', { digit: i + 1, title: o.title })).join(', ');
  return phoneText(reply.lang, 'options', { list }, voices);
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
