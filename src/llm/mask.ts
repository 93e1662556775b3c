/**
 * Masks personal data before any text leaves for a model provider: e-mail addresses, Swedish personal
 * identity numbers (personnummer and samordningsnummer) and phone numbers (Swedish and international).
 *
 * Masking is reversible *locally only*: each value becomes a placeholder such as `[phone-1]`, and the
 * {@link Masked.values} map stays in this process. The model sees the placeholder, may copy it (a callback
 * detail, a translation), and {@link unmask} puts the tenant's own value back for staff. The values
 * themselves are never sent.
 */

/** The kinds of value that are masked. */
export type MaskKind = 'email' | 'pnr' | 'phone';

/** A text with its personal data replaced by placeholders. */
export interface Masked {
  /** The text to send: every masked value replaced by a placeholder like `[phone-1]`. */
  text: string;
  /** Placeholder → original value. Never sent; used by {@link unmask}. */
  values: Map<string, string>;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** YYMMDD-XXXX, YYMMDD+XXXX, YYYYMMDD-XXXX, YYYYMMDDXXXX, YYMMDDXXXX. */
const PNR = /(?<![\p{L}\p{N}+])((?:19|20)?\d{6})([-+]?)(\d{4})(?![\p{L}\p{N}])/gu;
/**
 * A run of digits with single separators (space, dash, dot, slash) and optional bracketed area codes,
 * optionally led by `+` or `00`. Counted as a phone number when it holds 7–15 digits.
 */
const PHONE =
  /(?<![\p{L}\p{N}+])(?:\+|00)?(?:\(\d{1,4}\)[ -]?)?\d(?:[ \u00a0./-]?(?:\(\d{1,4}\)[ -]?)?\d)+(?![\p{L}\p{N}])/gu;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RANGE = /^\d{1,2}[.:]\d{2}\s?-\s?\d{1,2}[.:]\d{2}$/;
/** A placeholder as this module writes it; used to check that placeholders survive a model's answer. */
export const PLACEHOLDER = /\[(?:email|pnr|phone)-\d+\]/g;

/** Luhn check over a digit string (the personnummer check digit). */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Month 01–12 and day 01–31, or 61–91 for a samordningsnummer. */
function plausibleDate(yymmdd: string): boolean {
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

/**
 * Whether a 10- or 12-digit run is a personal identity number. With a separator or a century a plausible
 * date is enough; ten bare digits (which a Swedish mobile number also has) must pass the Luhn check too.
 */
function isPnr(datePart: string, separator: string, tail: string): boolean {
  const yymmdd = datePart.slice(-6);
  if (!plausibleDate(yymmdd)) return false;
  if (separator || datePart.length === 8) return true;
  return luhn(yymmdd + tail);
}

/** Masks several texts with one numbering (a transcript): the same value gets the same placeholder. */
export interface Masker {
  mask(text: string): string;
  /** Placeholder → original value, for every text masked so far. Never sent. */
  readonly values: Map<string, string>;
}

/** A masker whose placeholders are numbered across all the texts it masks. */
export function createMasker(): Masker {
  const values = new Map<string, string>();
  const counters: Record<MaskKind, number> = { email: 0, pnr: 0, phone: 0 };
  const byValue = new Map<string, string>();
  const place = (kind: MaskKind, value: string): string => {
    const key = `${kind}|${value}`;
    const known = byValue.get(key);
    if (known) return known;
    const placeholder = `[${kind}-${++counters[kind]}]`;
    values.set(placeholder, value);
    byValue.set(key, placeholder);
    return placeholder;
  };
  const mask = (text: string): string => {
    let out = text.replace(EMAIL, (m) => place('email', m));
    out = out.replace(PNR, (m, datePart: string, sep: string, tail: string) =>
      isPnr(datePart, sep, tail) ? place('pnr', m) : m,
    );
    return out.replace(PHONE, (m) => {
      const digits = m.replace(/\D/g, '').length;
      if (digits < 7 || digits > 15 || ISO_DATE.test(m) || TIME_RANGE.test(m)) return m;
      return place('phone', m);
    });
  };
  return { mask, values };
}

/** Replaces personal data in `text` with numbered placeholders. Pure; the same text gives the same result. */
export function maskPersonalData(text: string): Masked {
  const masker = createMasker();
  return { text: masker.mask(text), values: masker.values };
}

/** Puts the original values back into a text that came from the model. Unknown placeholders stay as they are. */
export function unmask(text: string, values: ReadonlyMap<string, string>): string {
  if (values.size === 0) return text;
  return text.replace(PLACEHOLDER, (p) => values.get(p) ?? p);
}

/** The placeholders of `values` that `text` lacks (a translation must keep every one). */
export function missingPlaceholders(text: string, values: ReadonlyMap<string, string>): string[] {
  return [...values.keys()].filter((p) => !text.includes(p));
}
