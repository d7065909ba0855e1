import crypto from 'node:crypto';
import type { NewAttachment } from '@/db/queries/attachments';

/** A file an agent uploaded for a reply they have not sent yet (the bytes are already in the store). */
export type UploadedFile = { sha256: string; filename: string; contentType: string; size: number };

type Claims = UploadedFile & { agentId: number; expiresAt: number };

const TTL_MS = 24 * 3600_000;
const mac = (secret: string, body: string) => crypto.createHmac('sha256', secret).update(`upload\n${body}`).digest('base64url');

/**
 * The upload's receipt: signed, so the reply that cites it needs no staging table and cannot name a
 * file somebody else uploaded (or any other blob in the store). Valid for a day, for its uploader only.
 */
export function signUpload(secret: string, file: UploadedFile, agentId: number, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...file, agentId, expiresAt: now + TTL_MS } satisfies Claims)).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

/** The file a receipt stands for, or null when it is forged, expired or someone else's. */
export function verifyUpload(secret: string, token: string, agentId: number, now = Date.now()): UploadedFile | null {
  const [body, sig] = token.split('.');
  if (!body || !sig) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims;
    if (c.agentId !== agentId || c.expiresAt < now) return null;
    return { sha256: c.sha256, filename: c.filename, contentType: c.contentType, size: c.size };
  } catch {
    return null;
  }
}

export const uploadedAttachment = (f: UploadedFile): NewAttachment => ({ ...f, contentId: null, inline: false, blockedReason: null });
