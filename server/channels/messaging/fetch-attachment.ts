import type { NewAttachment } from '@/db/queries/attachments';
import { messageRef } from '@/lib/i18n/message-ref';
import { storeAttachments } from '@/server/content/attachment-store';
import { getConfig } from '@/server/runtime-config';
import { PermanentDeliveryError } from '../channel-adapter';
import { DownloadRefused, fetchBounded } from './fetch-bounded';

/** A download that fails for a passing reason is retried this often (the event is) before the message is stored without the file. */
export const ATTACHMENT_ATTEMPTS = 3;
const TIMEOUT_MS = 30_000;

/**
 * A file a customer sent on a messenger, fetched from the platform (`locate` asks it where) and stored,
 * or, when it is too large, refused or gone, stored as a visible note with the reason: the message is
 * never lost over its file. A passing failure (network, 5xx) throws, so the event is retried first.
 */
export async function fetchAttachment(o: {
  filename: string;
  contentType: string;
  attempt: number;
  locate: () => Promise<{ url: string; size: number | null; headers?: Record<string, string> }>;
}): Promise<NewAttachment[]> {
  const config = getConfig();
  const maxBytes = config.ATTACHMENT_MAX_MB * 1024 * 1024;
  const blocked = (reason: string): NewAttachment[] => [
    {
      filename: o.filename,
      contentType: o.contentType,
      size: 0,
      contentId: null,
      inline: false,
      sha256: null,
      blockedReason: messageRef('media_not_fetched', { reason }),
    },
  ];
  try {
    const where = await o.locate();
    if (where.size !== null && where.size > maxBytes) return blocked(`larger than ${config.ATTACHMENT_MAX_MB} MB`);
    const file = await fetchBounded(where.url, { headers: where.headers, maxBytes, timeoutMs: TIMEOUT_MS });
    return await storeAttachments(
      config.DATA_DIR,
      [{ filename: o.filename, contentType: o.contentType, content: file.body, contentId: null, inline: false }],
      maxBytes,
    );
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (err instanceof DownloadRefused || err instanceof PermanentDeliveryError || o.attempt >= ATTACHMENT_ATTEMPTS) return blocked(reason);
    throw err;
  }
}
