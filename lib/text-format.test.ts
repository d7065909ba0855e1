import { describe, expect, it } from 'vitest';
import { linkSelection, listLines, wrapSelection } from './text-format';

const sel = (text: string, a: string, b = a) => ({ text, start: text.indexOf(a), end: text.indexOf(b) + (a === b ? a.length : b.length) });

describe('composer formatting edits', () => {
  it('wraps the selection in bold or italics, and unwraps it when pressed again', () => {
    const bold = wrapSelection(sel('Bitte bis Freitag', 'Freitag'), '**');
    expect(bold).toEqual({ text: 'Bitte bis **Freitag**', start: 12, end: 19 });
    expect(wrapSelection(bold, '**')).toEqual({ text: 'Bitte bis Freitag', start: 10, end: 17 });
    expect(wrapSelection({ text: 'ab', start: 1, end: 1 }, '*')).toEqual({ text: 'a**b', start: 2, end: 2 });
  });

  it('makes the touched lines a list, numbered or not, after a blank line', () => {
    const text = 'Bitte senden Sie:\nFoto\nLieferschein';
    expect(listLines(sel(text, 'Foto', 'Lieferschein'), false).text).toBe('Bitte senden Sie:\n\n- Foto\n- Lieferschein');
    expect(listLines(sel('- Foto\n- Schein', 'Foto', 'Schein'), true).text).toBe('1. Foto\n2. Schein');
    expect(listLines({ text: '', start: 0, end: 0 }, false)).toEqual({ text: '- ', start: 0, end: 2 });
  });

  it('turns the selection into a link with the address selected to type over', () => {
    const r = linkSelection(sel('siehe Rechnung hier', 'Rechnung'));
    expect(r.text).toBe('siehe [Rechnung](https://) hier');
    expect(r.text.slice(r.start, r.end)).toBe('https://');
    expect(linkSelection({ text: '', start: 0, end: 0 }).text).toBe('[Link](https://)');
  });

  it('wraps again when only one side has the marker', () => {
    expect(wrapSelection({ text: '**ab', start: 2, end: 4 }, '**').text).toBe('****ab**');
    expect(wrapSelection({ text: 'ab**', start: 0, end: 2 }, '**').text).toBe('**ab****');
  });

  it('lists lines in the middle of a text, keeping what follows and selecting the list', () => {
    const text = 'Intro\n\nFoto\nSchein\n\nDanke';
    const r = listLines(sel(text, 'Foto', 'Schein'), false);
    expect(r.text).toBe('Intro\n\n- Foto\n- Schein\n\nDanke');
    expect(r.text.slice(r.start, r.end)).toBe('- Foto\n- Schein');
    const after = listLines(sel('Bitte:\nFoto\nDanke', 'Foto'), true);
    expect(after.text).toBe('Bitte:\n\n1. Foto\nDanke');
    expect(after.text.slice(after.start, after.end)).toBe('1. Foto');
    // Markers already there are replaced, not doubled; a dash without a space is text.
    expect(listLines(sel('  * Foto\n10. Schein\n-Karton', 'Foto', 'Karton'), false).text).toBe('- Foto\n- Schein\n- -Karton');
  });
});
