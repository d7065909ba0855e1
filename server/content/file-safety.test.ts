import { describe, expect, it } from 'vitest';
import { cleanFilename, refuseReason } from './file-safety';

const harmless = Buffer.from('%PDF-1.4\n%âãÏÓ\n');
const program = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'), Buffer.alloc(64)]);

// Every way of dressing up an executable name that Windows (or a careless viewer) still runs as one.
const variants = (base: string, ext: string) => [
  `${base}.${ext}`,
  `${base}.${ext.toUpperCase()}`,
  `${base}.${ext} `,
  `${base}.${ext}\t`,
  `${base}.${ext}\u0000`,
  `${base}.${ext}\u00a0`,
  `${base}.${ext}\u3000`,
  `${base}.${ext}.`,
  `${base}.${ext}. .`,
  `${base}.${ext}::$DATA`,
  `${base}.${ext}\n`,
  `${base}.${ext}\r\n`,
  `${base}.${ext}\u200b`,
  `${base}.${ext}\ufeff`,
  `${base}.${[...ext].map((c) => String.fromCharCode(c.charCodeAt(0) - 0x61 + 0xff41)).join('')}`,
  `rechnung.pdf.${ext}`,
];

describe('file names and types', () => {
  it('strips paths, control, invisible and bidirectional characters from file names', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(cleanFilename('Rech\u0000nung\u001f.pdf')).toBe('Rechnung.pdf');
    expect(cleanFilename('report\u202Efdp.html')).toBe('reportfdp.html');
    expect(cleanFilename('a\u2066b\u2069c\u200f.txt')).toBe('abc.txt');
    expect(cleanFilename('Größe Übersicht.pdf')).toBe('Größe Übersicht.pdf');
    expect(cleanFilename('   ')).toBe('attachment');
    expect(cleanFilename('...')).toBe('attachment');
    // C1 controls (U+007F–U+009F) go too; the characters around them stay.
    expect(cleanFilename('a\u007fb\u0085c\u009fd\u00a1.txt')).toBe('abcd¡.txt');
    expect(cleanFilename('report.txt::$DATA:more')).toBe('report.txt');
  });

  it.each(['exe', 'scr', 'js'].flatMap((ext) => variants('evil', ext).map((n) => [JSON.stringify(n), n, ext])))(
    'refuses %s by its name',
    async (_shown, name, ext) => {
      expect(await refuseReason({ filename: name, content: harmless }, 1000)).toEqual({ key: 'file_type_refused', params: { ext } });
    },
  );

  it('refuses programs and scripts by their bytes whatever the name, and keeps ordinary files', async () => {
    expect(await refuseReason({ filename: 'rechnung.pdf', content: program }, 1000)).toEqual({ key: 'file_is_program', params: { ext: 'exe' } });
    expect(await refuseReason({ filename: 'photo.jpg', content: Buffer.from('7f454c4602010100000000000000000002003e00', 'hex') }, 1000)).toEqual({
      key: 'file_is_program',
      params: { ext: 'elf' },
    });
    expect(await refuseReason({ filename: 'notes.txt', content: Buffer.from('#!/bin/sh\nrm -rf ~\n') }, 1000)).toEqual({ key: 'file_is_script', params: {} });
    expect(await refuseReason({ filename: 'rechnung.pdf', content: harmless }, 1000)).toBeNull();
    expect(await refuseReason({ filename: 'Größe.txt', content: Buffer.from('Hallo') }, 1000)).toBeNull();
    expect(await refuseReason({ filename: 'a.pdf', content: Buffer.alloc(11) }, 10)).toEqual({ key: 'file_too_large', params: { limitMb: 0 } });
    expect(await refuseReason({ filename: 'a.pdf', content: Buffer.alloc(3 * 1024 * 1024 + 1) }, 3 * 1024 * 1024)).toEqual({
      key: 'file_too_large',
      params: { limitMb: 3 },
    });
    expect(await refuseReason({ filename: 'a.pdf', content: Buffer.alloc(10) }, 10)).toBeNull();
  });
});
