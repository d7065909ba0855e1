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
});
