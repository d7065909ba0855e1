import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getDb } from '@/db/client';
import { findAttachment } from '@/db/queries/attachments';
import { readSessionToken, validateSession } from '@/server/auth/sessions';
import { blobPath } from '@/server/content/attachment-store';
import { getConfig } from '@/server/runtime-config';

// Shown in the browser; everything else is downloaded as bytes so it can never run as a page of ours.
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** GET /attachments/<id>: signed-in agents only; customers never reach agent-side files. */
export function handleAttachmentDownload(req: IncomingMessage, res: ServerResponse) {
  const id = Number(req.url?.match(/^\/attachments\/(\d+)(?:[/?]|$)/)?.[1]);
  const config = getConfig();
  const viewer = validateSession(getDb(), readSessionToken(req.headers.cookie), config.SESSION_TTL_HOURS * 3600_000);
  if (!viewer) return void res.writeHead(401, { 'content-type': 'text/plain' }).end('Sign in first');
  const att = Number.isInteger(id) ? findAttachment(getDb(), id) : undefined;
  if (!att?.sha256) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('No such attachment');
  const file = blobPath(config.DATA_DIR, att.sha256);
  if (!fs.existsSync(file)) return void res.writeHead(410, { 'content-type': 'text/plain' }).end('The file is gone from the attachment store');
  const inline = INLINE_TYPES.has(att.contentType);
  res.writeHead(200, {
    'content-type': inline ? att.contentType : 'application/octet-stream',
    'content-length': att.size,
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(att.filename)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
}
