import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { blobPath } from '@/server/content/attachment-store';

// Shown in the browser; everything else is downloaded as bytes so it can never run as a page of ours.
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Streams a stored attachment with headers that keep it from running as one of our pages. */
export function sendStoredFile(res: ServerResponse, dataDir: string, att: { sha256: string | null; contentType: string; size: number; filename: string }) {
  if (!att.sha256) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('No such attachment');
  const file = blobPath(dataDir, att.sha256);
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
