import { describe, expect, it } from 'vitest';
import { phoneVariants, ticketNumberOf } from './search-terms';

describe('search terms', () => {
  it('reads a ticket number with or without #', () => {
    expect(ticketNumberOf('3994')).toBe(3994);
    expect(ticketNumberOf(' #3994 ')).toBe(3994);
    expect(ticketNumberOf('# 12')).toBe(12);
    expect(ticketNumberOf('3994 Rechnung')).toBeNull();
    expect(ticketNumberOf('A-3994')).toBeNull();
    expect(ticketNumberOf('1234567890')).toBeNull();
  });

  it('reads phone numbers in the forms people type them', () => {
    expect(phoneVariants('+49 170 1234567')).toEqual(['491701234567']);
    expect(phoneVariants('0049 (170) 123-4567')).toEqual(['00491701234567', '491701234567']);
    expect(phoneVariants('0170/1234567')).toEqual(['01701234567', '491701234567']);
    expect(phoneVariants('+0170 1234567')).toEqual(['01701234567']);
    expect(phoneVariants(' +49 170 1234567 ')).toEqual(['491701234567']);
    expect(phoneVariants('170 1234567')).toEqual(['1701234567']);
    expect(phoneVariants('123456')).toEqual(['123456']);
    expect(phoneVariants('12345')).toEqual([]);
    expect(phoneVariants('170 Rechnung')).toEqual([]);
    // Words around the digits: an order or a sentence, not a phone number.
    expect(phoneVariants('Bestellung 4917012345678')).toEqual([]);
    expect(phoneVariants('4917012345678 Bestellung')).toEqual([]);
  });
});
