// Masking of personal data before anything is sent to a model provider.
import { describe, expect, it } from 'vitest';
import { createMasker, maskPersonalData, missingPlaceholders, unmask } from '../../src/llm/mask.ts';

describe('maskPersonalData', () => {
  const masked: Array<[string, string]> = [
    // Swedish phone numbers
    ['ring mig på 070-123 45 67', 'ring mig på [phone-1]'],
    ['0701234567', '[phone-1]'],
    ['070 123 45 67', '[phone-1]'],
    ['040-12 34 56', '[phone-1]'],
    ['08-123 456 78', '[phone-1]'],
    ['(040) 123456', '[phone-1]'],
    ['tel:0733-123456.', 'tel:[phone-1].'],
    // International formats
    ['+46 70 123 45 67', '[phone-1]'],
    ['+46701234567', '[phone-1]'],
    ['0046 70 123 45 67', '[phone-1]'],
    ['+46 (0)70-123 45 67', '[phone-1]'],
    ['+1 (555) 123-4567', '[phone-1]'],
    ['+44 20 7946 0958', '[phone-1]'],
    ['+90 532 123 45 67', '[phone-1]'],
    // Personal identity numbers
    ['pnr 850101-1234', 'pnr [pnr-1]'],
    ['19850101-1234', '[pnr-1]'],
    ['198501011234', '[pnr-1]'],
    ['811218-9876', '[pnr-1]'],
    ['121212+1212', '[pnr-1]'],
    ['8112189876', '[pnr-1]'], // ten bare digits that pass the Luhn check
    ['850161-1234', '[pnr-1]'], // samordningsnummer (day + 60)
    // E-mail
    ['skriv till anna.svensson@example.se tack', 'skriv till [email-1] tack'],
    ['Ali.Hassan+mkb@mail.co.uk', '[email-1]'],
    // Several at once, numbered; the same value twice keeps one placeholder
    ['070-111 22 33 eller 070-444 55 66, igen 070-111 22 33', '[phone-1] eller [phone-2], igen [phone-1]'],
    ['a@b.se 850101-1234 0701234567', '[email-1] [pnr-1] [phone-1]'],
  ];
  it.each(masked)('%s → %s', (text, expected) => {
    expect(maskPersonalData(text).text).toBe(expected);
  });

  const kept = [
    'Ring 112 nu!',
    'Polisen 114 14',
    'Självmordslinjen 90101',
    'Vårdguiden 1177',
    'Rosengårdsgatan 12, lgh 1102, uppgång B',
    'lgh 1203 på våning 4',
    'det hände 2024-05-12 kl 19:30',
    'jouren har öppet 19.30-04.00',
    'det är 15 grader inne',
  ];
  it.each(kept)('keeps %s', (text) => {
    expect(maskPersonalData(text).text).toBe(text);
  });

  it('unmask restores the values locally; unknown placeholders stay', () => {
    const m = maskPersonalData('Ring 070-123 45 67 eller maila anna@example.se');
    expect(m.values).toEqual(
      new Map([
        ['[email-1]', 'anna@example.se'],
        ['[phone-1]', '070-123 45 67'],
      ]),
    );
    expect(unmask('Ring [phone-1], mail [email-1], [phone-9]', m.values)).toBe(
      'Ring 070-123 45 67, mail anna@example.se, [phone-9]',
    );
    expect(missingPlaceholders('Call [phone-1]', m.values)).toEqual(['[email-1]']);
  });

  it('a masker numbers placeholders across texts (a transcript)', () => {
    const masker = createMasker();
    expect(masker.mask('min tel 0701234567')).toBe('min tel [phone-1]');
    expect(masker.mask('eller 0709876543, eller 0701234567')).toBe('eller [phone-2], eller [phone-1]');
    expect(masker.values.size).toBe(2);
  });
});
