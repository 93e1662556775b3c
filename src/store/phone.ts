/**
 * Phone numbers for data-subject requests. Tenants write numbers many ways (`070-123 45 67`,
 * `+46 70 123 45 67`, `0046701234567`); the store keeps and searches one normalized form.
 */

/** Sweden: national numbers with a trunk `0` are read as `+46`. */
const HOME_COUNTRY_CODE = '46';

/**
 * E.164 form of a phone number (`+46701234567`), or undefined when it does not look like one (fewer than 8
 * or more than 15 digits). Spaces, dashes, dots and brackets are ignored; `00` and a national `0` prefix
 * are understood.
 */
export function normalizePhone(raw: string): string | undefined {
  const compact = raw.trim().replace(/[\s\-().\/]/g, '');
  if (!/^\+?\d+$/.test(compact)) return undefined;
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (compact.startsWith('0')) digits = HOME_COUNTRY_CODE + compact.slice(1);
  else digits = compact;
  // `+46 (0)70 …`: the trunk 0 written after the country code is not dialled.
  if (digits.startsWith(`${HOME_COUNTRY_CODE}0`))
    digits = HOME_COUNTRY_CODE + digits.slice(HOME_COUNTRY_CODE.length + 1);
  if (digits.length < 8 || digits.length > 15) return undefined;
  return `+${digits}`;
}

/**
 * The substrings that identify a normalized number in stored text: the international digits (which also
 * match `+46…` and `0046…`) and, for Swedish numbers, the national form with `0`.
 */
export function phoneSearchTerms(e164: string): string[] {
  const digits = e164.slice(1);
  const terms = [digits];
  if (digits.startsWith(HOME_COUNTRY_CODE)) terms.push(`0${digits.slice(HOME_COUNTRY_CODE.length)}`);
  return terms;
}

/** What may stand between two digits of a number written by hand: spaces, dashes, dots, brackets, a slash. */
const SEP = '[-\\s.()/]*';

/** `digits` with any separators between them. */
const spaced = (digits: string) => digits.split('').join(SEP);

/**
 * A regular expression (its source, valid both in JavaScript and in PostgreSQL's `~`) that finds the number
 * in free text however it was written: `070-123 45 67`, `+46 70 123 45 67`, `0046 70…`, `+46 (0)70…`,
 * `46701234567`. It matches only the whole number: a digit right before or after it makes it another one.
 * Digits only, so the number cannot inject anything into the pattern.
 */
export function phonePattern(e164: string): string {
  if (!/^\+\d{7,15}$/.test(e164)) throw new Error('phonePattern: expected an E.164 number');
  const digits = e164.slice(1);
  const forms: string[] = [];
  if (digits.startsWith(HOME_COUNTRY_CODE)) {
    const national = digits.slice(HOME_COUNTRY_CODE.length);
    // +46, 0046 or 46, optionally "(0)", then the national digits; or the national form with its trunk 0.
    forms.push(`(\\+|00)?${SEP}${spaced(HOME_COUNTRY_CODE)}${SEP}(\\(0\\)${SEP})?${spaced(national)}`);
    forms.push(spaced(`0${national}`));
  } else forms.push(`(\\+|00)?${SEP}${spaced(digits)}`);
  return `(^|[^0-9])(${forms.join('|')})($|[^0-9])`;
}

/** The number an SMS conversation is with (its user id), for data-subject requests; null on other channels. */
export function subscriberPhone(channelId: string, conversation: Record<string, unknown>): string | null {
  if (channelId !== 'sms') return null;
  const user = (conversation.user as { id?: unknown } | undefined)?.id;
  return typeof user === 'string' ? (normalizePhone(user) ?? null) : null;
}
