import { fileTypeFromBuffer } from 'file-type';

// Executables, scripts and containers that run or mount on a double-click: the classic way into an
// agent's machine. Decided on the cleaned name and, separately, on what the bytes are.
const BLOCKED_EXTENSIONS = new Set([
  'exe',
  'com',
  'bat',
  'cmd',
  'scr',
  'pif',
  'msi',
  'msp',
  'mst',
  'dll',
  'cpl',
  'sys',
  'drv',
  'ocx',
  'js',
  'jse',
  'vbs',
  'vbe',
  'vb',
  'wsf',
  'wsh',
  'ws',
  'wsc',
  'sct',
  'ps1',
  'psm1',
  'psd1',
  'ps1xml',
  'hta',
  'jar',
  'lnk',
  'reg',
  'inf',
  'scf',
  'url',
  'msc',
  'gadget',
  'application',
  'appref-ms',
  'appx',
  'appxbundle',
  'msix',
  'msixbundle',
  'chm',
  'xll',
  'iso',
  'img',
  'vhd',
  'vhdx',
  'settingcontent-ms',
  'library-ms',
  'sh',
  'command',
  'app',
  'dmg',
  'pkg',
  'apk',
  'deb',
  'rpm',
  'elf',
  'run',
]);
// What file-type reports for programs, whatever the name says.
const BLOCKED_CONTENT = new Set(['exe', 'elf', 'macho', 'dmg', 'apk', 'deb', 'rpm', 'msi']);

// Bidirectional controls (U+202E turns "report\u202Efdp.html" into "reportlmth.pdf" on screen), zero-width
// characters and the byte-order mark: invisible, so never part of a name a person reads.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * A name safe to show, to decide on and to send back in Content-Disposition: compatibility forms folded
 * (full-width letters, no-break and ideographic spaces), no control or invisible characters, no paths,
 * no NTFS stream suffix (`::$DATA`), and none of the trailing dots and spaces Windows drops when it saves
 * a file — so the extension seen here is the one the agent's machine will act on.
 */
export function cleanFilename(name: string): string {
  const cleaned = [...name.normalize('NFKC').replace(INVISIBLE, '')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && !(c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f))
    .join('')
    .replace(/::.*$/s, '')
    .replace(/[\\/:]/g, '_')
    .replace(/[. ]+$/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'attachment';
}

/** Why a file is refused, as a message key of the server's catalog with its parameters. */
export type FileRefusal =
  | { key: 'file_type_refused'; params: { ext: string } }
  | { key: 'file_too_large'; params: { limitMb: number } }
  | { key: 'file_is_program'; params: { ext: string } }
  | { key: 'file_is_script'; params: Record<string, never> };

/** Why a file is refused, or null when it may be kept. Decides on the cleaned name and on the bytes. */
export async function refuseReason(file: { filename: string; content: Buffer }, maxBytes: number): Promise<FileRefusal | null> {
  const ext = cleanFilename(file.filename).toLowerCase().split('.').pop() ?? '';
  if (BLOCKED_EXTENSIONS.has(ext)) return { key: 'file_type_refused', params: { ext } };
  if (file.content.length > maxBytes) return { key: 'file_too_large', params: { limitMb: Math.round(maxBytes / 1024 / 1024) } };
  const sniffed = await fileTypeFromBuffer(file.content);
  if (sniffed && BLOCKED_CONTENT.has(sniffed.ext)) return { key: 'file_is_program', params: { ext: sniffed.ext } };
  if (file.content.subarray(0, 2).toString('latin1') === '#!') return { key: 'file_is_script', params: {} };
  return null;
}
