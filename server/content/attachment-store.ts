import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { NewAttachment } from '@/db/queries/attachments';

export type IncomingFile = { filename: string; contentType: string; content: Buffer; contentId: string | null; inline: boolean };

// Executables and scripts are never kept: an agent double-clicking one is the classic way in.
const BLOCKED_EXTENSIONS = new Set(['exe', 'com', 'bat', 'cmd', 'scr', 'pif', 'msi', 'msp', 'dll', 'cpl', 'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'ps1', 'hta', 'jar', 'lnk', 'reg', 'iso']);

export function blobPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

/** Why a file is refused, or null when it may be kept. */
export function refuseReason(file: { filename: string; content: Buffer }, maxBytes: number): string | null {
  const ext = file.filename.toLowerCase().split('.').pop() ?? '';
  if (BLOCKED_EXTENSIONS.has(ext)) return `file type .${ext} is not accepted`;
  if (file.content.length > maxBytes) return `larger than ${Math.round(maxBytes / 1024 / 1024)} MB`;
  return null;
}

/**
 * Writes the files that may be kept to disk (content-addressed, so the same file sent twice is stored
 * once; written to a temp name and renamed, so a crash never leaves half a file under the real name)
 * and returns the rows to store with the message.
 */
export async function storeAttachments(dataDir: string, files: IncomingFile[], maxBytes: number): Promise<NewAttachment[]> {
  const rows: NewAttachment[] = [];
  for (const f of files) {
    const base = { filename: cleanFilename(f.filename), contentType: f.contentType.toLowerCase(), size: f.content.length, contentId: f.contentId, inline: f.inline };
    const refused = refuseReason(f, maxBytes);
    if (refused) {
      rows.push({ ...base, sha256: null, blockedReason: refused });
      continue;
    }
    const sha256 = crypto.createHash('sha256').update(f.content).digest('hex');
    const target = blobPath(dataDir, sha256);
    if (fs.existsSync(target)) {
      // A reused file is fresh again, so the orphan collector (attachment-gc.ts) keeps it. Synchronous
      // with the check, as the collector's check and delete are: the two never interleave.
      const now = new Date();
      fs.utimesSync(target, now, now);
    } else {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.promises.writeFile(tmp, f.content);
      await fs.promises.rename(tmp, target);
    }
    rows.push({ ...base, sha256, blockedReason: null });
  }
  return rows;
}

/** A name safe to show and to send back in Content-Disposition: no paths, no control characters. */
export function cleanFilename(name: string): string {
  const cleaned = [...name.replace(/[\\/]/g, '_')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'attachment';
}
