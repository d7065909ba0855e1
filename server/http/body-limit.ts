import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies the API takes: JSON inputs (a form definition is the largest, a few dozen KB). Files go to /attachments. */
export const API_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Refuses a request whose declared body is larger than `maxBytes` with 413 before reading any of it,
 * and closes the connection so the rest is never buffered. Bodies without a length (chunked) are
 * counted while they stream by the handler that reads them.
 */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (!(declared > maxBytes)) return false;
  res
    .writeHead(413, { 'content-type': 'application/json', connection: 'close' })
    .end(JSON.stringify({ error: { message: `Request bodies can be at most ${Math.round(maxBytes / 1024)} KB`, code: 'PAYLOAD_TOO_LARGE' } }));
  return true;
}
