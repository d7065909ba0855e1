import type { IncomingMessage, ServerResponse } from 'node:http';
import { getDb } from '@/db/client';
import { findAttachment } from '@/db/queries/attachments';
import { readSessionToken, validateSession } from '@/server/auth/sessions';
import { getConfig } from '@/server/runtime-config';
import { sendStoredFile } from './send-stored-file';

/** GET /attachments/<id>: signed-in agents only; customers never reach agent-side files. */
export function handleAttachmentDownload(req: IncomingMessage, res: ServerResponse) {
  const id = Number(req.url?.match(/^\/attachments\/(\d+)(?:[/?]|$)/)?.[1]);
  const config = getConfig();
  const viewer = validateSession(getDb(), readSessionToken(req.headers.cookie), config.SESSION_TTL_HOURS * 3600_000);
  if (!viewer) return void res.writeHead(401, { 'content-type': 'text/plain' }).end('Sign in first');
  const att = Number.isInteger(id) ? findAttachment(getDb(), id) : undefined;
  if (!att) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('No such attachment');
  sendStoredFile(res, config.DATA_DIR, att);
}
