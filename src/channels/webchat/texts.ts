/**
 * What the widget needs besides its code: the eight languages of its menu and its texts in each, read from
 * `locales/{lng}/webchat.json` (a language without a text falls back as the bot's texts do: to English, then
 * Swedish). Built once at start and served as `/webchat/widget.json`.
 */
import { getI18n, translator } from '../../i18n.ts';
import { LANGUAGES, type Lang } from '../../routing/types.ts';

/** One entry of the widget's language menu. */
export interface WidgetLanguage {
  code: Lang;
  /** The language's own name (`Svenska`, `العربية`). */
  name: string;
  /** Web Chat's locale: its own texts and every message's `locale`, which the bot reads the language from. */
  locale: string;
  dir: 'ltr' | 'rtl';
}

/** What `/webchat/widget.json` holds. */
export interface WidgetConfig {
  /** Path of the pinned Web Chat bundle on this server. */
  bundle: string;
  languages: WidgetLanguage[];
  texts: Record<Lang, Record<string, string>>;
}

/**
 * Web Chat's locale per language. Web Chat has no Persian or Somali texts of its own (its buttons are then in
 * English) and none in Bosnian, where Croatian is the nearest; the bot reads `hr` as Bosnian/Croatian/Serbian.
 */
const WEBCHAT_LOCALES: Record<Lang, string> = {
  sv: 'sv-SE',
  en: 'en-US',
  ar: 'ar-SA',
  fa: 'fa-IR',
  so: 'so-SO',
  pl: 'pl-PL',
  bs: 'hr-HR',
  tr: 'tr-TR',
};

const RTL: ReadonlySet<Lang> = new Set(['ar', 'fa']);

/** The widget's languages and texts; `bundle` is where the Web Chat bundle is served. */
export function widgetConfig(bundle: string): WidgetConfig {
  // Swedish has every key (the fallback language); the others are looked up key by key.
  const keys = Object.keys(getI18n().getResourceBundle('sv', 'webchat') as Record<string, string>);
  const texts = {} as Record<Lang, Record<string, string>>;
  for (const lang of LANGUAGES) {
    const t = translator(lang, 'webchat');
    texts[lang] = Object.fromEntries(keys.map((key) => [key, t(key)]));
  }
  return {
    bundle,
    languages: LANGUAGES.map((code) => ({
      code,
      name: texts[code].languageName!,
      locale: WEBCHAT_LOCALES[code],
      dir: RTL.has(code) ? 'rtl' : 'ltr',
    })),
    texts,
  };
}
