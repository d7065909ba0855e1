import type { IncomingMessage, ServerResponse } from 'node:http';
import { getDb } from '@/db/client';
import { readSessionToken, validateSession } from '@/server/auth/sessions';
import { storeAttachments } from '@/server/content/attachment-store';
import { signUpload } from '@/server/content/upload-token';
import { getConfig } from '@/server/runtime-config';
import { fromOwnOrigin } from './same-origin';
import { messageRef } from '@/lib/i18n/message-ref';

const json = (res: ServerResponse, status: number, body: unknown) =>
  void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/**
 * POST /attachments: a signed-in agent uploads one file for a reply (raw body, name in `X-Filename`,
 * URI-encoded). The file goes into the store at once; the answer is a signed receipt the reply cites.
 */
export async function handleAttachmentUpload(req: IncomingMessage, res: ServerResponse) {
  const config = getConfig();
  const viewer = validateSession(getDb(), readSessionToken(req.headers.cookie), config.SESSION_TTL_HOURS * 3600_000);
  if (!viewer) return json(res, 401, { error: 'Sign in first' });
  if (!fromOwnOrigin(req, config.publicUrl)) return json(res, 403, { error: 'Cross-site request refused' });
  const maxBytes = config.ATTACHMENT_MAX_MB * 1024 * 1024;
  if (Number(req.headers['content-length'] ?? 0) > maxBytes)
    return json(res, 413, { error: messageRef('file_too_large', { limitMb: config.ATTACHMENT_MAX_MB }) });
  let filename: string;
  try {
    filename = decodeURIComponent(String(req.headers['x-filename'] ?? ''));
  } catch {
    return json(res, 400, { error: messageRef('file_name_invalid') });
  }
  if (!filename) return json(res, 400, { error: messageRef('file_name_missing') });

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Read on past the limit only to say so: the client may not have sent a length.
    if (size > maxBytes) return json(res, 413, { error: messageRef('file_too_large', { limitMb: config.ATTACHMENT_MAX_MB }) });
    chunks.push(chunk);
  }
  const contentType =
    String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim() || 'application/octet-stream';
  const [stored] = await storeAttachments(
    config.DATA_DIR,
    [{ filename, contentType, content: Buffer.concat(chunks), contentId: null, inline: false }],
    maxBytes,
  );
  // The refusal as a message key, so the composer says it in the agent's language.
  if (!stored!.sha256) return json(res, 400, { error: stored!.blockedReason });
  const file = { sha256: stored!.sha256, filename: stored!.filename, contentType: stored!.contentType, size: stored!.size };
  json(res, 201, { token: signUpload(config.sessionSecret, file, viewer.id), filename: file.filename, size: file.size, contentType: file.contentType });
}
