import { describe, expect, it } from 'vitest';
import { cleanFilename, refuseReason } from './attachment-store';

describe('attachment rules', () => {
  it('strips paths and control characters from file names', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(cleanFilename('Rech\u0000nung\u001f.pdf')).toBe('Rechnung.pdf');
    expect(cleanFilename('   ')).toBe('attachment');
  });
  it('refuses executables whatever their other extensions, and oversized files', () => {
    expect(refuseReason({ filename: 'rechnung.pdf.EXE', content: Buffer.alloc(1) }, 10)).toMatch(/\.exe/);
    expect(refuseReason({ filename: 'a.pdf', content: Buffer.alloc(11) }, 10)).toMatch(/larger/);
    expect(refuseReason({ filename: 'a.pdf', content: Buffer.alloc(10) }, 10)).toBeNull();
  });
});
