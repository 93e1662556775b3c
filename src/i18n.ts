/**
 * i18next over the JSON files in locales/{lng}/{ns}.json, loaded once, synchronously, at start.
 * Swedish is the fallback language: every key exists in Swedish.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { LANGUAGES, type Lang } from './routing/types.ts';

/** The locales folder shipped with Trygg. */
export const LOCALES_DIR = new URL('../locales/', import.meta.url).pathname;

let instance: i18n | undefined;

/** The shared i18next instance, initialised on first use from locales/. */
export function getI18n(dir = LOCALES_DIR): i18n {
  if (instance) return instance;
  const resources: Record<string, Record<string, unknown>> = {};
  const namespaces = new Set<string>();
  for (const lng of readdirSync(dir)) {
    const folder = path.join(dir, lng);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      const ns = file.slice(0, -5);
      namespaces.add(ns);
      (resources[lng] ??= {})[ns] = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
    }
  }
  const i = i18next.createInstance();
  void i.init({
    initAsync: false,
    resources,
    lng: 'sv',
    fallbackLng: {
      default: ['sv'],
      bs: ['bs', 'en', 'sv'],
      fa: ['fa', 'en', 'sv'],
      so: ['so', 'en', 'sv'],
      pl: ['pl', 'en', 'sv'],
      tr: ['tr', 'en', 'sv'],
      ar: ['ar', 'en', 'sv'],
      en: ['en', 'sv'],
    },
    ns: [...namespaces],
    defaultNS: 'bot',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  instance = i;
  return i;
}

const fixed = new Map<string, TFunction>();

/** A translator fixed to one language (and optionally one namespace); made once per pair. */
export function translator(lang: Lang, ns?: string): TFunction {
  const key = `${lang}|${ns ?? ''}`;
  let t = fixed.get(key);
  if (!t) fixed.set(key, (t = getI18n().getFixedT(lang, ns ?? null)));
  return t;
}
