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
