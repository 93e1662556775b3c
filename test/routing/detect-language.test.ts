// Language detection on short, hurried messages: script, tell-tale letters, then lexicon words.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/routing/triage/detect-language.ts';
import { triage } from '../../src/routing/triage/index.ts';
import type { Lang } from '../../src/routing/types.ts';

describe('detectLanguage', () => {
  it.each<[string, Lang]>([
    ['Det brinner i köket', 'sv'],
    ['det brinner i koket', 'sv'],
    ['DET BRINNER', 'sv'],
    ['HJALP', 'sv'],
    ['Hej, när öppnar kontoret?', 'sv'],
    ['grannen spelar hog musik', 'sv'],
    ['The kitchen is on fire', 'en'],
    ['fire!', 'en'],
    ['help', 'en'],
    ['Hej, the stairwell is full of smoke', 'en'],
    ['Malmö: the front door is broken', 'en'],
    ['my neighbour is unconscious', 'en'],
    ['الشقة المجاورة تحترق', 'ar'],
    ['أريد أن أنهي حياتي', 'ar'],
    ['آتش‌سوزی در ساختمان، کمک کنید', 'fa'],
    ['همسایه پنجره را شکست', 'fa'],
    ['من یک سوال دارم', 'fa'],
    ['Pali się w kuchni, pomocy!', 'pl'],
    ['Mutfakta yangın var, yardım edin!', 'tr'],
    ['Požar u zgradi, dim je svuda', 'bs'],
    ['', 'sv'],
    ['112', 'sv'],
    ['!!!', 'sv'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('is what triage reports unless the caller knows the language', () => {
    expect(triage('The kitchen is on fire').language).toBe('en');
    expect(triage('The kitchen is on fire', { language: 'sv' }).language).toBe('sv');
  });
});
