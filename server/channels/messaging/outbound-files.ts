import fs from 'node:fs';
import type { Db } from '@/db/client';
import { listAttachmentsOfMessages } from '@/db/queries/attachments';
import type { OutboxRow } from '@/db/queries/outbox';
import { blobPath } from '@/server/content/attachment-store';
import { getConfig } from '@/server/runtime-config';

export type OutboundFile = { filename: string; contentType: string; blob: Blob; photo: boolean };

/** The agent's files on the reply an outbox row delivers, read from the store at send time (as for email). */
export function outboundFiles(db: Db, row: OutboxRow): OutboundFile[] {
  if (row.messageId === null) return [];
  return listAttachmentsOfMessages(db, [row.messageId])
    .filter((a) => a.sha256)
    .map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      blob: new Blob([fs.readFileSync(blobPath(getConfig().DATA_DIR, a.sha256!))], { type: a.contentType }),
      // Sent as a picture the messenger shows inline; anything else as a file.
      photo: /^image\/(jpeg|png)$/.test(a.contentType),
    }));
}
