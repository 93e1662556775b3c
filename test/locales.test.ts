// The locale files are data that the bot trusts blindly: a lost {{placeholder}}, a missing emergency text or a
// word that means "yes" in one list and "no" in another is a bug no type checker sees. Reads the JSON directly.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../dialogs/words.ts';

const DIR = new URL('../locales/', import.meta.url).pathname;

/** The languages Trygg speaks (`LANGUAGES` in src/routing/types.ts): each must have a folder. */
const EXPECTED = ['sv', 'en', 'ar', 'fa', 'so', 'pl', 'bs', 'tr'];
/** Translated in part; every other key falls back to English, then Swedish. */
const PARTIAL = ['fa', 'so', 'pl', 'bs', 'tr'];

/** Keys every partial translation must have. A key ending in `.*` means every key under it in English. */
const REQUIRED = [
  'greeting.full',
  'greeting.short',
  'language.switched',
  'options.yes',
  'options.no',
  'options.skip',
  'menu.*',
  'emergency.first',
  'emergency.kind.*',
  'emergency.callButton',
  'emergency.adviceLine',
  'emergency.after',
  'emergency.staffInformed',
  'emergency.staffWillKnow',
  'emergency.confirmQuestion',
  'emergency.confirmNo',
  'handoff.dangerQuestion',
  'handoff.dangerRetry',
  'help.menu',
  'unknown.reply',
  'unknown.noText',
  'error.turn',
  'sms.answerWith',
  'sms.orWrite',
  'time.*',
];

const WORD_LISTS = ['yes', 'no', 'skip', 'human', 'help', 'acute', 'switch'] as const;
const DANGER_KINDS = ['fire', 'explosion', 'weapon', 'violence', 'break_in', 'medical', 'gas', 'suicide'];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const languages = readdirSync(DIR).filter((d) => statSync(path.join(DIR, d)).isDirectory());
const read = (lng: string, ns: string): Json =>
  JSON.parse(readFileSync(path.join(DIR, lng, `${ns}.json`), 'utf8')) as Json;
const bot = (lng: string) => flatten(read(lng, 'bot'));
const words = (lng: string) => read(lng, 'words') as Record<string, string[]>;

/** `{ a: { b: 'x' } }` → `Map { 'a.b' => 'x' }`; only string leaves. */
function flatten(value: Json, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!))].sort();
const en = bot('en');

function requiredKeys(): string[] {
  return REQUIRED.flatMap((k) => (k.endsWith('.*') ? [...en.keys()].filter((e) => e.startsWith(k.slice(0, -1))) : [k]));
}

describe('locale files', () => {
  it('has a folder for every language, each with bot.json and words.json', () => {
    expect(languages.sort()).toEqual([...EXPECTED].sort());
    for (const lng of languages) {
      expect(existsSync(path.join(DIR, lng, 'bot.json')), `${lng}/bot.json`).toBe(true);
      expect(existsSync(path.join(DIR, lng, 'words.json')), `${lng}/words.json`).toBe(true);
    }
  });

  it('every JSON file parses', () => {
    for (const lng of languages) {
      for (const file of readdirSync(path.join(DIR, lng)).filter((f) => f.endsWith('.json'))) {
        expect(() => JSON.parse(readFileSync(path.join(DIR, lng, file), 'utf8')), `${lng}/${file}`).not.toThrow();
      }
    }
  });
});

describe('bot texts', () => {
  it('Arabic has every English key, and no staff summary', () => {
    const ar = bot('ar');
    const missing = [...en.keys()].filter((k) => !k.startsWith('summary.') && !ar.get(k)?.trim());
    expect(missing).toEqual([]);
    expect([...ar.keys()].filter((k) => k.startsWith('summary.'))).toEqual([]);
  });

  it('every partial translation has the keys the emergency path and the menus need', () => {
    const required = requiredKeys();
    expect(required).toEqual(expect.arrayContaining(DANGER_KINDS.map((k) => `emergency.kind.${k}`)));
    for (const lng of [...PARTIAL, 'ar']) {
      const texts = bot(lng);
      expect(
        required.filter((k) => !texts.get(k)?.trim()),
        lng,
      ).toEqual([]);
    }
  });

  it('no translation has keys that Swedish (the complete fallback) lacks', () => {
    const sv = bot('sv');
    for (const lng of languages)
      expect(
        [...bot(lng).keys()].filter((k) => !sv.has(k)),
        lng,
      ).toEqual([]);
  });

  it('every translation keeps exactly the placeholders of the English text', () => {
    for (const lng of languages.filter((l) => l !== 'en')) {
      for (const [key, text] of bot(lng)) {
        const source = en.get(key);
        if (source === undefined) continue; // Swedish-only staff texts (summary.*)
        expect(placeholders(text), `${lng}: ${key}`).toEqual(placeholders(source));
      }
    }
  });

  it('every translation keeps the **bold** of the English text', () => {
    for (const lng of languages.filter((l) => l !== 'en')) {
      for (const [key, text] of bot(lng)) {
        const source = en.get(key);
        if (source === undefined) continue;
        expect((text.match(/\*\*/g) ?? []).length, `${lng}: ${key}`).toBe((source.match(/\*\*/g) ?? []).length);
      }
    }
  });

  it('every emergency text tells the person to call 112', () => {
    for (const lng of languages) {
      const texts = bot(lng);
      expect(texts.get('emergency.first'), lng).toContain('112');
      expect(texts.get('emergency.callButton'), lng).toContain('112');
      // 112 comes first: within the bold opening sentence.
      expect(texts.get('emergency.first'), lng).toMatch(/^\*\*[^*]*112[^*]*\*\*/);
    }
  });
});

describe('words', () => {
  it('every language has every word list, as non-empty lists of strings', () => {
    for (const lng of languages) {
      const w = words(lng);
      for (const list of WORD_LISTS) {
        expect(Array.isArray(w[list]), `${lng}: ${list}`).toBe(true);
        expect(w[list]!.length, `${lng}: ${list}`).toBeGreaterThan(0);
        for (const word of w[list]!)
          expect(typeof word === 'string' && fold(word).length > 0, `${lng}: ${list}: "${word}"`).toBe(true);
      }
    }
  });

  it('Arabic words have the same structure as English', () => {
    const shape = (o: Record<string, unknown>): unknown =>
      Object.fromEntries(
        Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? 'list' : shape(v as Record<string, unknown>)]),
      );
    expect(shape(words('ar'))).toEqual(shape(words('en')));
  });

  it('the yes and no lists of one language do not overlap', () => {
    for (const lng of languages) {
      const no = new Set(words(lng).no!.map(fold));
      expect(
        words(lng)
          .yes!.map(fold)
          .filter((w) => no.has(w)),
        lng,
      ).toEqual([]);
    }
  });

  it('no word means yes in one language and no in another (answers are matched in every language)', () => {
    const yes = new Map(languages.flatMap((lng) => words(lng).yes!.map((w) => [fold(w), lng] as const)));
    const clashes = languages.flatMap((lng) =>
      words(lng)
        .no!.filter((w) => yes.has(fold(w)))
        .map((w) => `${lng} no "${w}" = ${yes.get(fold(w))} yes`),
    );
    expect(clashes).toEqual([]);
  });

  it("no two languages' switch lists contain the same phrase", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const lng of languages) {
      for (const phrase of new Set(words(lng).switch!.map(fold))) {
        const other = owner.get(phrase);
        if (other && other !== lng) clashes.push(`"${phrase}": ${other} and ${lng}`);
        owner.set(phrase, lng);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('the menu titles and option titles the bot shows are words it understands', () => {
    for (const lng of languages) {
      const texts = bot(lng);
      const w = words(lng);
      for (const [key, list] of [
        ['menu.acute', 'acute'],
        ['menu.human', 'human'],
        ['menu.help', 'help'],
        ['options.yes', 'yes'],
        ['options.no', 'no'],
        ['options.skip', 'skip'],
      ] as const) {
        const title = texts.get(key) ?? en.get(key)!;
        expect(w[list]!.map(fold), `${lng}: ${key} "${title}" in words.${list}`).toContain(fold(title));
      }
    }
  });

  it('commands are at most four words, as the bot only takes short messages as commands', () => {
    for (const lng of languages) {
      for (const list of ['human', 'help', 'acute', 'switch'] as const) {
        for (const word of words(lng)[list]!)
          expect(fold(word).split(' ').length, `${lng}: ${list}: "${word}"`).toBeLessThanOrEqual(4);
      }
    }
  });
});
