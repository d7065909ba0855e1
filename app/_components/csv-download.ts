'use client';

import { stringify } from 'csv-stringify/browser/esm/sync';

/**
 * Saves a table as CSV: UTF-8 with a byte-order mark, so spreadsheet programs (Excel above all) read
 * umlauts right; values quoted by csv-stringify where they need it.
 */
export function downloadCsv(filename: string, header: string[], rows: (string | number | null | undefined)[][]) {
  const text = '\uFEFF' + stringify([header, ...rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v)))]);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
