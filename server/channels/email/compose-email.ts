import crypto from 'node:crypto';
import type { MailAddress } from '@/db/schema';
import { domainOf, type EmailSettings } from './email-settings';
import { escapeHtml } from '@/server/content/escape-html';
import { replyHtml, replyText } from '@/server/content/reply-format';
import type { OutboundBody } from '../channel-adapter';

/** Everything the worker needs to send one email; stored as the outbox row's payload. */
export type EmailPayload = {
  from: MailAddress;
  replyTo: string;
  to: MailAddress[];
  cc: MailAddress[];
  /** Absent on rows queued before blind copies existed. */
  bcc?: MailAddress[];
  subject: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  text: string;
  html: string;
  /** RFC 3834: set on our automatic mail so other robots do not answer it (true: an automatic reply to the customer). */
  autoSubmitted: boolean | 'auto-generated';
  /** RFC 8058 one-click unsubscribe URL (surveys): sent as List-Unsubscribe with List-Unsubscribe-Post. */
  listUnsubscribe?: string;
};

export type ThreadContext = {
  ticketId: number;
  ticketNumber: number;
  subject: string;
  replyToken: string;
  to: MailAddress[];
  cc: MailAddress[];
  /** Message-IDs on the ticket, oldest first; the newest customer one is answered. */
  references: string[];
  inReplyTo: string | null;
};

export const newReplyToken = () => crypto.randomBytes(12).toString('hex');

/** `Re: Lieferung [#1042]`: one `Re:`, one ticket token, whatever the customer's client did to the subject. */
export function replySubject(subject: string, number: number): string {
  const bare = subject
    .replace(/\s*\[#\d+\]\s*/g, ' ')
    .replace(/^(\s*(re|aw|fwd?|wg)\s*:\s*)+/i, '')
    .trim();
  return `Re: ${bare || '…'} [#${number}]`;
}

const paragraphsOf = (text: string) => text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);

/**
 * Text and HTML parts from a reply's text plus the inbox signature. `markdown`: an agent's reply with the
 * composer's formatting, rendered to HTML and written out plainly for the text part (server/content/reply-format.ts).
 */
export function renderBody(text: string, signature: string, markdown = false): { text: string; html: string } {
  const sig = signature.trim();
  const body = markdown ? replyText(text.trim()) : text.trim();
  const html = [...(markdown ? [replyHtml(text.trim())] : paragraphsOf(text.trim())), ...(sig ? paragraphsOf(`-- \n${sig}`) : [])];
  return {
    text: sig ? `${body}\n\n-- \n${sig}` : body,
    html: `<!doctype html><html><body style="font-family:sans-serif;font-size:14px;line-height:1.5">${html.join('\n')}</body></html>`,
  };
}

/**
 * An email on a ticket's thread: a stable Message-ID, In-Reply-To / References so the customer's client
 * threads it, our plus-address with the ticket's token as Reply-To, and the ticket number in the subject.
 */
export function composeEmail(
  settings: EmailSettings,
  ctx: ThreadContext,
  body: Pick<OutboundBody, 'text' | 'html' | 'subject' | 'autoSubmitted' | 'unsubscribeUrl' | 'markdown'>,
  messageId: number,
): EmailPayload {
  const [local, domain] = [settings.address.slice(0, settings.address.lastIndexOf('@')), domainOf(settings.address)];
  // A body that brings its own HTML (a survey's links) is sent as written; a reply is rendered from its text.
  const rendered = body.html ? { text: body.text, html: body.html } : renderBody(body.text, body.autoSubmitted ? '' : settings.signature, body.markdown);
  return {
    from: { address: settings.address, name: settings.displayName },
    replyTo: `${local}+${ctx.replyToken}@${domain}`,
    to: ctx.to,
    cc: ctx.cc,
    subject: body.subject ?? replySubject(ctx.subject, ctx.ticketNumber),
    messageId: `<t${ctx.ticketNumber}.m${messageId}.${crypto.randomBytes(6).toString('hex')}@${domain}>`,
    inReplyTo: ctx.inReplyTo,
    // Long threads: keep the first and the newest ids, as RFC 5322 suggests, so headers stay small.
    references: ctx.references.length > 20 ? [ctx.references[0]!, ...ctx.references.slice(-19)] : ctx.references,
    ...rendered,
    autoSubmitted: body.autoSubmitted ?? false,
    ...(body.unsubscribeUrl ? { listUnsubscribe: body.unsubscribeUrl } : {}),
  };
}
