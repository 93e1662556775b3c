/**
 * Arabic script in the Latin letters and digits of Arabizi: long vowels written, short ones left out (Arabic
 * script does not write them), 3 for ain, 7 for ha, 5 for kha, 6 for ta, 2 for hamza and qaf. The lexicon
 * compiler gives every Arabic-script entry this form as well, so a message typed in Latin letters meets the
 * same rules as one typed in Arabic letters; folding (`normalize.ts`) then treats the digits as letters.
 */
const ARABIZI: Readonly<Record<string, string>> = {
  ا: 'a',
  أ: '2a',
  إ: '2i',
  آ: '2a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: '7',
  خ: '5',
  د: 'd',
  ذ: 'th',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: '6',
  ظ: 'z',
  ع: '3',
  غ: 'gh',
  ف: 'f',
  ق: '2',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ى: 'a',
  ة: 'a',
  ء: '2',
  ئ: '2',
  ؤ: '2',
  '،': ',',
  '؟': '?',
};

const ARABIC_LETTER = /[\u0621-\u064a]/;

/** True when the text has Arabic letters. */
export const hasArabic = (s: string): boolean => ARABIC_LETTER.test(s);

/** The Arabizi form of a text (characters outside Arabic script are kept as they are). */
export function toArabizi(s: string): string {
  return [...s.replace(/[\u064b-\u065f\u0670\u0640]/g, '')].map((c) => ARABIZI[c] ?? c).join('');
}
