/** Phone numbers as tenants write them, and the one form the store keeps and searches. */
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../src/store/index.ts';
import { phoneSearchTerms } from '../../src/store/phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['+46701234567', '+46701234567'],
    ['070-123 45 67', '+46701234567'],
    ['070 123 45 67', '+46701234567'],
    ['(070) 123.45.67', '+46701234567'],
    ['0046701234567', '+46701234567'],
    ['+46 70 123 45 67', '+46701234567'],
    ['+46 (0)70 123 45 67', '+46701234567'],
    ['040-12 34 56', '+4640123456'],
    ['+4915112345678', '+4915112345678'],
    ['46701234567', '+46701234567'],
    ['12', undefined],
    ['112', undefined],
    ['', undefined],
    ['+46 70 KALLE', undefined],
    ['1234567890123456', undefined],
    ['+46+701234567', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });
});

describe('phoneSearchTerms', () => {
  it.each([
    ['+46701234567', ['46701234567', '0701234567']],
    ['+4915112345678', ['4915112345678']],
  ])('%s → %j', (e164, expected) => {
    expect(phoneSearchTerms(e164)).toEqual(expected);
  });
});
