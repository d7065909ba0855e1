import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { MailAddress } from '@/db/schema';
import type { IncomingFile } from '@/server/content/attachment-store';
import type { UpstreamVerdict } from '@/lib/mail-checks';
import { upstreamVerdict } from './spam/upstream-verdict';
import { textOfHtml } from '@/lib/html-to-text';

export type ParsedEmail = {
  messageId: string | null;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  text: string;
  html: string | null;
  inReplyTo: string | null;
  references: string[];
  date: number | null;
  autoSubmitted: boolean;
  attachments: IncomingFile[];
  /** For delivery reports: which of our messages bounced, and why. */
  bounce: { originalMessageId: string | null; reason: string } | null;
  /** A filter in front of us marked it as spam. */
  upstreamSpam: UpstreamVerdict | null;
};

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list
    .flatMap((a) => a.value)
    .flatMap((v) => (v.group ? v.group : [v]))
    .filter((v) => v.address)
    .map((v) => ({ address: v.address!.toLowerCase(), ...(v.name ? { name: v.name } : {}) }));
}

const header = (mail: ParsedMail, name: string) => {
  const v = mail.headers.get(name);
  return typeof v === 'string' ? v : v && typeof v === 'object' && 'value' in v ? String(v.value) : v ? String(v) : '';
};

/**
 * RFC 3834 and the de-facto headers of Exchange, Gmail and list software: mail we must never answer
 * automatically, or we start a loop with another robot.
 */
function isAutoSubmitted(mail: ParsedMail): boolean {
  const autoSubmitted = header(mail, 'auto-submitted').toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond') || mail.headers.has('x-auto-response-suppress')) return true;
  if (/^(bulk|junk|list|auto_reply)$/i.test(header(mail, 'precedence').trim())) return true;
  return false;
}

/** A delivery status notification (RFC 3464): find the Message-ID of the mail that bounced. */
function readBounce(mail: ParsedMail): ParsedEmail['bounce'] {
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (contentType?.value !== 'multipart/report' || contentType.params?.['report-type']?.toLowerCase() !== 'delivery-status') return null;
  let originalMessageId: string | null = null;
  // mailparser inlines the message/delivery-status part into the text; some MTAs attach it.
  const statusTexts = [mail.text ?? '', ...mail.attachments.filter((p) => p.contentType === 'message/delivery-status').map((p) => p.content.toString('utf8'))];
  const diagnostic = statusTexts
    .map((t) => t.match(/^Diagnostic-Code:[ \t]*([^\r\n]+(?:\r?\n[ \t][^\r\n]+)*)/im) ?? t.match(/^Status:[ \t]*([^\r\n]+)/im))
    .find(Boolean);
  const reason = diagnostic?.[1] ? diagnostic[1].replace(/\s+/g, ' ').trim() : 'Delivery failed';
  for (const part of mail.attachments) {
    if (part.contentType === 'message/rfc822' || part.contentType === 'text/rfc822-headers') {
      originalMessageId ??= part.content.toString('utf8').match(/^Message-ID:[ \t]*(<[^>]+>)/im)?.[1] ?? null;
    }
  }
  return { originalMessageId, reason };
}

function messageIds(value: string | string[] | undefined): string[] {
  const all = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return all.match(/<[^<>\s]+>/g) ?? [];
}

/** Parses raw RFC 5322 mail (any charset and transfer encoding) into what ingest needs. Never throws on bad input. */
export async function parseMail(source: Buffer | string): Promise<ParsedEmail> {
  const mail = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 5 * 1024 * 1024 });
  const from = addresses(mail.from)[0] ?? null;
  return {
    messageId: mail.messageId ? (mail.messageId.startsWith('<') ? mail.messageId : `<${mail.messageId}>`) : null,
    from,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: (mail.subject ?? '').trim(),
    // mailparser derives text from a lone HTML body, not from one inside multipart/related or /mixed.
    text: (mail.text ?? '').trim() || (mail.html ? textOfHtml(mail.html) : ''),
    html: mail.html || null,
    inReplyTo: messageIds(mail.inReplyTo)[0] ?? null,
    references: messageIds(mail.references),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.getTime() : null,
    autoSubmitted: isAutoSubmitted(mail),
    attachments: mail.attachments
      .filter((a) => !['message/delivery-status', 'text/rfc822-headers'].includes(a.contentType))
      .map((a) => ({
        filename: a.filename ?? (a.contentType === 'message/rfc822' ? 'forwarded.eml' : 'attachment'),
        contentType: a.contentType || 'application/octet-stream',
        content: a.content,
        contentId: a.cid ?? null,
        inline: a.related || a.contentDisposition === 'inline',
      })),
    bounce: readBounce(mail),
    upstreamSpam: upstreamVerdict((name) => header(mail, name)),
  };
}
