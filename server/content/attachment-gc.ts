import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '@/db/client';
import { isBlobReferenced } from '@/db/queries/attachments';

const DAY = 24 * 3600_000;

const list = (dir: string) => fs.promises.readdir(dir).catch(() => [] as string[]);

/**
 * Deletes stored files that no attachment names: uploads an agent never sent (their receipts expire
 * after a day), files of messages that never committed (a crash, a refused submission), and temp files
 * of interrupted writes. Only files untouched for `minAgeMs` go; storing a file again touches it.
 */
export async function collectOrphanFiles(db: Db, dataDir: string, now = Date.now(), minAgeMs = 2 * DAY) {
  const root = path.join(dataDir, 'attachments');
  let removed = 0;
  for (const dir of await list(root)) {
    for (const name of await list(path.join(root, dir))) {
      const file = path.join(root, dir, name);
      // Look and delete in one synchronous step (see storeAttachments, which touches a reused file).
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile() || now - stat.mtimeMs < minAgeMs) continue;
      if (!name.endsWith('.tmp') && isBlobReferenced(db, name)) continue;
      fs.unlinkSync(file);
      removed++;
    }
  }
  return { removed };
}
