/**
 * A file's size for people: bytes below 1 KiB ("512 bytes", never "0 KB"), then kB and MB in steps of 1024
 * with one decimal below ten ("1.5 MB", "1,5 MB" in German). Universal: the inbox and the widget use it.
 */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
  // Bytes written out ("312 bytes"): the short form is "312 byte" in English.
  const unitDisplay = unit === 'byte' ? 'long' : 'short';
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay, maximumFractionDigits: unit !== 'byte' && value < 10 ? 1 : 0 }).format(value);
}
