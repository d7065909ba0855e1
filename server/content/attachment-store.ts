import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { NewAttachment } from '@/db/queries/attachments';
import { cleanFilename, refuseReason } from './file-safety';
import { messageRef } from '@/lib/i18n/message-ref';

export type IncomingFile = { filename: string; contentType: string; content: Buffer; contentId: string | null; inline: boolean };

export function blobPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

/**
 * Writes the files that may be kept to disk (content-addressed, so the same file sent twice is stored
 * once; written to a temp name and renamed, so a crash never leaves half a file under the real name)
 * and returns the rows to store with the message.
 */
export async function storeAttachments(dataDir: string, files: IncomingFile[], maxBytes: number): Promise<NewAttachment[]> {
  const rows: NewAttachment[] = [];
  for (const f of files) {
    const base = {
      filename: cleanFilename(f.filename),
      contentType: f.contentType.toLowerCase(),
      size: f.content.length,
      contentId: f.contentId,
      inline: f.inline,
    };
    const refused = await refuseReason(f, maxBytes);
    if (refused) {
      rows.push({ ...base, sha256: null, blockedReason: messageRef(refused.key, refused.params) });
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
