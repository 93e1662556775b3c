/** Which language to answer in, from the message, the conversation and the channel's locale. Pure. */
import { LANGUAGES, type Lang, type Triage } from '../src/routing/types.ts';
import type { Profile } from './context.ts';

/** A triage of nothing in particular (a command without words, "akut"). */
export function emptyTriage(language: Lang): Triage {
  return {
    language,
    category: 'unknown',
    danger: null,
    uncertain: false,
    domestic: false,
    lockedOut: false,
    matches: [],
    discounted: [],
  };
}

/** `sv-SE` → `sv`, when it is a language Trygg speaks. */
export function localeLanguage(locale: string | undefined): Lang | undefined {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  if (base === 'hr' || base === 'sr') return 'bs';
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Lang) : undefined;
}

/**
 * The language to answer in: the tenant's choice if they made one; the message's own language when it says
 * enough (Arabic script, or three words or more); otherwise what the conversation used so far, the channel's
 * locale, or Swedish.
 */
export function languageFor(
  text: string,
  t: Triage | undefined,
  profile: Profile,
  locale: string | undefined,
  commandLang?: Lang,
): Lang {
  if (profile.languageLocked && profile.language) return profile.language;
  // A one-word command ("PILNE", "hitno", "staff") says which language it is in.
  if (commandLang && !profile.language) return commandLang;
  const detected = t?.language;
  const telling = /[\u0600-\u06ff]/.test(text) || text.split(/\s+/).filter(Boolean).length >= 3;
  if (detected && telling) return detected;
  return profile.language ?? localeLanguage(locale) ?? detected ?? 'sv';
}
