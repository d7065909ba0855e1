import { describe, expect, it } from 'vitest';
import { hasFormatting, replyHtml, replyText, textForChannel, whatsappText } from './reply-format';

describe('reply formatting', () => {
  const letter = 'Hallo Frau **Koch**,\n\nbitte prüfen Sie *vor* dem Versand:\n\n- die Adresse\n- die [Rechnung](https://shop.example.de/r/4711)\n\nDanke!';

  it('renders bold, italics, lists and links as sanitized HTML, and nothing else', () => {
    const html = replyHtml(letter);
    expect(html).toContain('<strong>Koch</strong>');
    expect(html).toContain('<em>vor</em>');
    expect(html).toContain('<ul>\n<li>die Adresse</li>');
    expect(html).toContain('<a href="https://shop.example.de/r/4711" target="_blank" rel="noopener noreferrer nofollow">Rechnung</a>');
    // No headings, raw HTML or script links.
    expect(replyHtml('# Titel')).toBe('<p># Titel</p>\n');
    expect(replyHtml('<b>x</b> [klick](javascript:alert(1))')).toBe('<p>&lt;b&gt;x&lt;/b&gt; [klick](javascript:alert(1))</p>\n');
    expect(replyHtml('Zeile 1\nZeile 2')).toBe('<p>Zeile 1<br />\nZeile 2</p>\n');
  });

  it('writes the same reply as plain text for channels without formatting, and in WhatsApp’s syntax', () => {
    expect(replyText(letter)).toBe(
      'Hallo Frau Koch,\n\nbitte prüfen Sie vor dem Versand:\n\n• die Adresse\n• die Rechnung (https://shop.example.de/r/4711)\n\nDanke!',
    );
    expect(whatsappText(letter)).toBe(
      'Hallo Frau *Koch*,\n\nbitte prüfen Sie _vor_ dem Versand:\n\n• die Adresse\n• die Rechnung (https://shop.example.de/r/4711)\n\nDanke!',
    );
    expect(replyText('1. Karton öffnen\n2. Foto machen')).toBe('1. Karton öffnen\n2. Foto machen');
    expect(replyText('3. drei\n4. vier')).toBe('3. drei\n4. vier');
  });

  it('leaves a text without formatting exactly as typed, stars and underscores in words included', () => {
    for (const plain of [
      '2 * 3 * 4 = 24',
      'Datei rechnung_2026_11.pdf',
      'Siehe https://example.de/a_b',
      'Mail an kunde@example.de',
      'Zeile 1\n\n\nZeile 2  ',
    ]) {
      expect(hasFormatting(plain)).toBe(false);
      expect(replyText(plain)).toBe(plain);
      expect(textForChannel('chat', plain)).toBe(plain);
    }
    expect(hasFormatting('**fett**')).toBe(true);
    expect(textForChannel('email', '**fett**')).toBe('**fett**');
    expect(textForChannel('telegram', '**fett**')).toBe('fett');
    expect(textForChannel('whatsapp', '**fett**')).toBe('*fett*');
  });

  it('keeps line breaks inside a paragraph, nests lists, and goes on after a numbered list', () => {
    expect(replyText('Hallo **Frau Koch**,\nbitte melden Sie sich.')).toBe('Hallo Frau Koch,\nbitte melden Sie sich.');
    expect(replyText('Zeile **eins**  \nZeile zwei')).toBe('Zeile eins\nZeile zwei');
    expect(replyText('- Karton\n  - Deckel\n- Inhalt')).toBe('• Karton\n  • Deckel\n• Inhalt');
    expect(replyText('1. eins\n2. zwei\n\nDanke **sehr**')).toBe('1. eins\n2. zwei\n\nDanke sehr');
  });

  it('counts a link written as its own address as no formatting, however it is written', () => {
    for (const bare of ['<https://example.de/a>', '[https://example.de/a](https://example.de/a)', 'https://example.de/a'])
      expect([bare, hasFormatting(bare)]).toEqual([bare, false]);
    expect(hasFormatting('[hier](https://example.de/a)')).toBe(true);
    expect(replyText('Mail an **uns**: [kunde@example.de](mailto:kunde@example.de)')).toBe('Mail an uns: kunde@example.de');
  });
});
