import { describe, expect, it } from 'vitest';
import { visiblePart } from './fold-quoted';

describe('visiblePart', () => {
  it('folds German and English quote headers and the quoted lines', () => {
    expect(visiblePart('Danke!\n\nAm Mo., 23. Nov. 2026 um 08:00 Uhr schrieb Support <s@x.de>:\n> Hallo\n> Text')).toBe('Danke!');
    expect(visiblePart('Thanks!\n\nOn Mon, Nov 23, 2026 at 8:00 AM Support <s@x.de> wrote:\n> Hello')).toBe('Thanks!');
  });
  it('keeps a message that has nothing to fold, and never returns nothing', () => {
    expect(visiblePart('Nur eine Zeile.')).toBe('Nur eine Zeile.');
    expect(visiblePart('> only quoted')).toBe('> only quoted');
  });
});
