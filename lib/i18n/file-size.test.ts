import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size';

describe('file sizes', () => {
  it('say bytes below a kilobyte instead of "0 KB"', () => {
    expect(formatFileSize(0, 'en')).toBe('0 bytes');
    expect(formatFileSize(312, 'en')).toBe('312 bytes');
    expect(formatFileSize(312, 'de')).toBe('312 Byte');
  });
  it('use kB and MB with one decimal below ten, in the locale’s digits', () => {
    expect(formatFileSize(1536, 'en')).toBe('1.5 kB');
    expect(formatFileSize(20 * 1024, 'en')).toBe('20 kB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'de')).toBe('1,5 MB');
    expect(formatFileSize(1023.9 * 1024, 'en')).toBe('1,024 kB');
  });
});
