/**
 * One dialog, rendered per channel:
 * - web chat, Direct Line, Emulator: short Markdown, suggested actions, a tap-to-call card for emergencies;
 * - SMS: plain text only, options as numbers (or command words), nothing the Twilio channel would mangle;
 * - every non-SMS reply also carries `speak` SSML in the tenant's language with a neural voice, and an inputHint.
 */
import { ActionTypes, CardFactory, InputHints, type Activity } from 'botbuilder';
import type { Reply } from '../../dialogs/reply.ts';
import { translator } from '../i18n.ts';
import type { Lang } from '../routing/types.ts';

/** Azure neural voices per language (xml:lang, voice). Configurable later through the phone line's settings. */
export const VOICES: Record<Lang, { locale: string; voice: string }> = {
  sv: { locale: 'sv-SE', voice: 'sv-SE-SofieNeural' },
  en: { locale: 'en-GB', voice: 'en-GB-SoniaNeural' },
  ar: { locale: 'ar-SA', voice: 'ar-SA-ZariyahNeural' },
  fa: { locale: 'fa-IR', voice: 'fa-IR-DilaraNeural' },
  so: { locale: 'so-SO', voice: 'so-SO-UbaxNeural' },
  pl: { locale: 'pl-PL', voice: 'pl-PL-ZofiaNeural' },
  bs: { locale: 'bs-BA', voice: 'bs-BA-VesnaNeural' },
  tr: { locale: 'tr-TR', voice: 'tr-TR-EmelNeural' },
};

const SMS_CHANNELS = new Set(['sms']);

/** Markdown-lite (**bold**, [text](url)) to plain text. */
export function plainText(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\((\S+?)\)/g, '$1 $2')
    .replace(/\n{3,}/g, '\n\n');
}

/** Text escaped for XML (SSML). */
export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The public numbers replies name (112, the police, the helplines), read as telephone numbers when spoken. */
export const PUBLIC_NUMBERS = /\b(112|114 14|90101|1177|113 13|020-50 50 50|116 006|116 111)\b/g;

/** A reply's text as it is said: plain, without links, on one line. */
export function spokenText(text: string): string {
  return plainText(text)
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\n+/g, ' ');
}

/** SSML for a reply: the tenant's language and voice; digits of phone numbers read one by one. */
export function ssml(text: string, lang: Lang): string {
  const { locale, voice } = VOICES[lang];
  const spoken = escapeXml(spokenText(text)).replace(PUBLIC_NUMBERS, '<say-as interpret-as="telephone">$1</say-as>');
  return `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${locale}"><voice name="${voice}">${spoken}</voice></speak>`;
}

/** SMS text: plain, with the options listed so the tenant can answer with a digit (or the command word). */
function smsText(reply: Reply): string {
  const t = translator(reply.lang, 'bot');
  let text = plainText(reply.text);
  if (reply.options?.length) {
    text += reply.keywords
      ? `\n${t('sms.orWrite')} ${reply.options.map((o) => o.title.toUpperCase()).join(' / ')}`
      : `\n${t('sms.answerWith')} ${reply.options.map((o, i) => `${i + 1} ${o.title}`).join(', ')}`;
  }
  // Polish, Bosnian, Turkish and Somali letters outside GSM-7 make every SMS a short UCS-2 one; written without
  // those marks (as people text anyway) the reply fits in fewer parts.
  if (LATIN_FOLDABLE.has(reply.lang)) {
    const folded = toGsm7(text);
    if (smsSegments(folded) < smsSegments(text)) return folded;
  }
  return text;
}

const LATIN_FOLDABLE = new Set<Lang>(['pl', 'bs', 'tr', 'so', 'en']);
const SPECIAL: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  İ: 'I',
  đ: 'd',
  Đ: 'D',
  ø: 'ø',
  '–': '-',
  '—': '-',
  '’': "'",
  '‘': "'",
  '“': '"',
  '”': '"',
  '…': '...',
};

/** Replaces characters outside GSM-7 by their unaccented letter where there is one. */
export function toGsm7(text: string): string {
  let out = '';
  for (const ch of text) {
    if (GSM7.has(ch) || GSM7_EXT.has(ch)) out += ch;
    else if (SPECIAL[ch]) out += SPECIAL[ch];
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...base].every((c) => GSM7.has(c)) ? base : ch;
    }
  }
  return out;
}

/** Paragraphs packed into as few texts of at most three SMS segments as they fit in (a longer paragraph alone). */
function packSms(reply: Reply): string[] {
  const whole = smsText(reply);
  if (reply.options?.length || smsSegments(whole) <= 3) return [whole];
  const parts: string[] = [];
  let current = '';
  for (const paragraph of reply.text.split('\n\n')) {
    const joined = current ? `${current}\n\n${paragraph}` : paragraph;
    if (current && smsSegments(smsText({ ...reply, text: joined })) > 3) {
      parts.push(smsText({ ...reply, text: current }));
      current = paragraph;
    } else current = joined;
  }
  if (current) parts.push(smsText({ ...reply, text: current }));
  return parts;
}

/**
 * The activity for a reply on a channel; on SMS a long reply without options becomes several texts of at most
 * three segments each, split between paragraphs ("aim for at most 3 segments").
 */
export function renderReply(reply: Reply, channelId: string): Partial<Activity> | Partial<Activity>[] {
  const inputHint = reply.expectsInput ? InputHints.ExpectingInput : InputHints.AcceptingInput;
  if (SMS_CHANNELS.has(channelId)) {
    const texts = packSms(reply).map(
      (text) =>
        ({
          type: 'message',
          text,
          textFormat: 'plain',
          inputHint,
          locale: VOICES[reply.lang].locale,
        }) as Partial<Activity>,
    );
    return texts.length === 1 ? texts[0]! : texts;
  }
  const activity: Partial<Activity> = {
    type: 'message',
    text: reply.text,
    textFormat: 'markdown',
    speak: ssml(reply.text, reply.lang),
    inputHint,
    locale: VOICES[reply.lang].locale,
  };
  if (reply.options?.length) {
    activity.suggestedActions = {
      to: [],
      actions: reply.options.map((o) => ({ type: ActionTypes.ImBack, title: o.title, value: o.title })),
    };
  }
  if (reply.emergency) {
    const t = translator(reply.lang, 'bot');
    activity.attachments = [
      CardFactory.heroCard('112', undefined, [
        { type: ActionTypes.Call, title: t('emergency.callButton'), value: 'tel:112' },
      ]),
    ];
  }
  return activity;
}

/** GSM-7 basic characters (3GPP TS 23.038), for counting SMS segments. */
const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXT = new Set('^{}\\[~]|€');

/** How many SMS segments a text needs (GSM-7: 160/153 characters; otherwise UCS-2: 70/67). */
export function smsSegments(text: string): number {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM7.has(ch)) septets += 1;
    else if (GSM7_EXT.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  const units = text.length; // UTF-16 code units
  return units <= 70 ? 1 : Math.ceil(units / 67);
}
