import type { Db } from '@/db/client';
import * as q from '@/db/queries/tickets';
import { findCustomer } from '@/db/queries/customers';
import { findChannel } from '@/db/queries/inbound';
import { DomainError } from '@/server/errors/domain-error';
import { sanitizeHtml } from '@/server/content/sanitize-html';
import { visiblePart } from '@/server/content/fold-quoted';
import { listAttachmentsOfMessages } from '@/db/queries/attachments';
import { getTicketFormAnswers } from '@/server/forms/get-ticket-form';
import type { Viewer } from '@/server/auth/sessions';
import { canAccessTicket } from './ticket-access';
import { currentSlaTargets } from '@/server/sla/ticket-sla-view';
import { replyOptionsOf } from '@/server/channels/reply-options';
import { ticketSurveys } from '@/server/surveys/survey-summary';
import { agentViewOfSurvey } from '@/server/surveys/survey-content';
import { listTicketLinks } from '@/db/queries/ticket-links';
import { mailInboxOf } from '@/server/channels/email/reply-inbox';
import { hasFormatting, replyHtml } from '@/server/content/reply-format';
import { replyRecipients } from '@/server/channels/email/queue-email';

/** `cid:` references in an email's HTML point at its inline attachments; serve them from our store. */
function inlineCidImages(html: string, files: { id: number; contentId: string | null; sha256: string | null }[]): string {
  return html.replace(/src="cid:([^"]+)"/g, (whole, cid: string) => {
    const file = files.find((f) => f.contentId === cid && f.sha256);
    return file ? `src="/attachments/${file.id}"` : whole;
  });
}

/** Everything the conversation pane shows: the ticket, its thread, its history and its tags. */
export function getTicket(db: Db, viewer: Pick<Viewer, 'role'>, ticketId: number) {
  const row = q.findTicketWithChannel(db, ticketId);
  if (!row || !canAccessTicket(viewer, row.ticket)) throw new DomainError('NOT_FOUND', 'ticket_not_found', { id: ticketId });
  const rows = q.listMessages(db, ticketId);
  const mailChannel = row.channel.kind === 'email' || row.channel.kind === 'web_form';
  const files = listAttachmentsOfMessages(
    db,
    rows.map((m) => m.id),
  );
  const messages = rows
    .map((m) => (m.meta?.survey ? { ...m, bodyText: agentViewOfSurvey(m.bodyText) } : m))
    .map((m) => ({
      id: m.id,
      authorKind: m.authorKind,
      authorAgentId: m.authorAgentId,
      isInternal: m.isInternal,
      bodyText: m.bodyText,
      // Customer email: what they wrote, with quoted history and signature folded away (original one click away).
      visibleText: m.authorKind === 'customer' && m.meta?.email?.from ? visiblePart(m.bodyText) : m.bodyText,
      // An agent's mail reply or note written with formatting, as the customer's mail client shows it.
      formattedHtml: m.authorKind === 'agent' && (m.isInternal || mailChannel) && hasFormatting(m.bodyText) ? replyHtml(m.bodyText) : null,
      // Stored HTML was sanitized on the way in; sanitizing again on the way out protects against rows
      // written before a sanitizer rule was tightened.
      bodyHtml: m.bodyHtml
        ? inlineCidImages(
            sanitizeHtml(m.bodyHtml),
            files.filter((f) => f.messageId === m.id),
          )
        : null,
      attachments: files
        .filter((f) => f.messageId === m.id && !(f.inline && f.contentId && m.bodyHtml?.includes(`cid:${f.contentId}`)))
        .map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, size: f.size, blockedReason: f.blockedReason })),
      deliveryState: m.deliveryState,
      deliveryError: m.deliveryError,
      envelope: m.meta?.email
        ? {
            from: m.meta.email.from ?? null,
            to: m.meta.email.to ?? [],
            cc: m.meta.email.cc ?? [],
            bcc: m.meta.email.bcc ?? [],
            forwarded: m.meta.forwarded === true,
          }
        : null,
      checks: m.meta?.email?.checks ?? null,
      editedAt: m.meta?.editedAt ?? null,
      surveyRequestId: m.meta?.survey?.requestId ?? null,
      createdAt: m.createdAt,
    }));
  const events = q.listEvents(db, ticketId);
  const customer = findCustomer(db, row.ticket.customerId);
  const channelSettings = findChannel(db, row.channel.id);
  const mergedInto = row.ticket.mergedIntoId === null ? undefined : q.findTicket(db, row.ticket.mergedIntoId);
  const inbox = mailInboxOf(db, row.channel);

  return {
    ticket: row.ticket,
    channel: row.channel,
    customer: { id: row.ticket.customerId, name: customer?.name ?? '' },
    tags: q.listTicketTags(db, ticketId),
    form: getTicketFormAnswers(db, ticketId),
    messages,
    events,
    sla: currentSlaTargets(db, ticketId),
    replyOptions: channelSettings ? replyOptionsOf(channelSettings) : null,
    surveys: ticketSurveys(db, ticketId),
    links: listTicketLinks(db, ticketId),
    mergedInto: mergedInto ? { id: mergedInto.id, number: mergedInto.number } : null,
    /** Mail tickets: who a reply goes to as things stand (the composer's To and Cc); any ticket: whether it can be forwarded by mail. */
    mail: {
      reply: mailChannel && inbox ? replyRecipients(db, row.ticket, inbox.settings.address) : null,
      canForward: inbox !== undefined,
    },
  };
}
