import { z } from 'zod';
import { type Db, transact } from '@/db/client';
import * as q from '@/db/queries/tickets';
import { findCustomer } from '@/db/queries/customers';
import { findAgentById, findTeam } from '@/db/queries/agents';
import { insertAttachments, listAttachmentsOfMessages } from '@/db/queries/attachments';
import type { Locale } from '@/lib/domain';
import { catalogs } from '@/lib/i18n';
import { fill } from '@/lib/i18n/fill';
import { ticketEvent } from '@/lib/ticket-events';
import type { Viewer } from '@/server/auth/sessions';
import { mailInboxOf } from '@/server/channels/email/reply-inbox';
import { queueForward } from '@/server/channels/email/queue-email';
import { uploadedAttachment } from '@/server/content/upload-token';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';
import { mailAddresses } from './reply-input';
import { checkReply } from './reply-to-ticket';
import { canAccessTicket } from './ticket-access';

/** The conversation's files go along up to these limits; beyond them the mail says how many stayed in the ticket. */
export const MAX_FORWARDED_FILES = 10;
export const MAX_FORWARDED_BYTES = 20 * 1024 * 1024;

export const forwardInputSchema = z.object({
  ticketId: z.number().int().positive(),
  to: mailAddresses.min(1),
  body: z.string().max(50_000),
  attachments: z.array(z.string().max(2000)).max(10).optional(),
  clientId: z
    .string()
    .regex(/^[\w-]{8,64}$/)
    .optional(),
});
export type ForwardInput = z.infer<typeof forwardInputSchema>;

/**
 * Forwards a ticket's conversation by email to someone outside it (a supplier, a colleague elsewhere):
 * the agent's text on top, then every public message oldest first, with the conversation's files. It is
 * kept on the ticket as an internal message (the customer never sees it and it is no reply to them, so
 * first-response time does not count it) with a `forwarded` event; the mail carries the ticket's reply
 * address, so an answer comes back into the ticket. Sent at once through the outbox, like a note.
 */
export function forwardTicket(db: Db, viewer: Viewer, input: ForwardInput, now = Date.now()) {
  const { files } = checkReply(viewer, { ...input, body: input.body || '-', internal: true });
  const text = input.body.trim();
  const written = transact(db, (tx) => {
    const row = q.findTicketWithChannel(tx, input.ticketId);
    if (!row || !canAccessTicket(viewer, row.ticket)) throw new DomainError('NOT_FOUND', 'ticket_not_found', { id: input.ticketId });
    const inbox = mailInboxOf(tx, row.channel);
    if (!inbox) throw new DomainError('BAD_REQUEST', 'forward_no_inbox');
    const clientKey = input.clientId ? `${viewer.id}:forward:${input.clientId}` : null;
    const sent = clientKey ? q.findMessageByClientKey(tx, clientKey) : undefined;
    if (sent) return { id: sent.id, duplicate: true };
    const t = row.ticket;
    const history = q.listMessages(tx, t.id).filter((m) => !m.isInternal && (m.authorKind === 'customer' || m.authorKind === 'agent'));
    const conversationFiles = listAttachmentsOfMessages(
      tx,
      history.map((m) => m.id),
    ).filter((f) => f.sha256 !== null && !f.inline); // a refused file has no stored bytes; an inline image belongs to its HTML
    const carried = withinLimits(conversationFiles);
    const locale: Locale = viewer.locale ?? 'en';
    const mail = catalogs[locale].forwardMail;
    const zone = (t.teamId !== null ? findTeam(tx, t.teamId)?.timeZone : undefined) ?? 'Europe/Berlin';
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone, hourCycle: locale === 'de' ? 'h23' : undefined });
    const customerName = findCustomer(tx, t.customerId)?.name ?? '';
    const agentName = (id: number | null) => (id === null ? '' : (findAgentById(tx, id)?.name ?? ''));
    const transcript = [
      fill(mail.header, { number: t.number }),
      ...history.map((m) => {
        const name = m.authorKind === 'customer' ? `${customerName} (${mail.customer})` : `${agentName(m.authorAgentId)} (${mail.agent})`;
        return `${fill(mail.from, { name, date: date.format(m.createdAt) })}\n\n${m.bodyText.trim()}`;
      }),
      ...(carried.length < conversationFiles.length ? [fill(mail.filesLeft, { count: conversationFiles.length - carried.length })] : []),
    ].join('\n\n');
    const m = q.insertMessage(tx, {
      ticketId: t.id,
      authorKind: 'agent',
      authorAgentId: viewer.id,
      isInternal: true,
      bodyText: text,
      clientKey,
      createdAt: now,
    });
    insertAttachments(
      tx,
      m.id,
      [
        ...files.map(uploadedAttachment),
        ...carried.map((f) => ({
          filename: f.filename,
          contentType: f.contentType,
          size: f.size,
          sha256: f.sha256,
          contentId: null,
          inline: false,
          blockedReason: null,
        })),
      ],
      now,
    );
    queueForward(tx, t, inbox, m.id, {
      to: input.to.map((address) => ({ address })),
      text: text ? `${text}\n\n${transcript}` : transcript,
      subject: fill(mail.subject, { subject: t.subject, number: t.number }),
      now,
    });
    q.insertEvents(tx, [ticketEvent(t.id, 'forwarded', { messageId: m.id, to: input.to }, { kind: 'agent', agentId: viewer.id }, now)]);
    q.updateTicketColumns(tx, t.id, { updatedAt: now, lastActivityAt: now });
    return { id: m.id, duplicate: false };
  });
  if (!written.duplicate) {
    const bus = getBus();
    bus.emit('message.created', {
      ticketId: input.ticketId,
      messageId: written.id,
      authorKind: 'agent',
      authorName: viewer.name,
      internal: true,
      text,
      channelMessageId: null,
      createdAt: now,
      fileCount: files.length,
    });
    bus.emit('ticket.changed', { ticketId: input.ticketId, kind: 'message', actorAgentId: viewer.id });
  }
  return { messageId: written.id };
}

/** The first files that fit MAX_FORWARDED_FILES and MAX_FORWARDED_BYTES, in the conversation's order. */
export function withinLimits<T extends { size: number }>(files: T[]): T[] {
  const out: T[] = [];
  let bytes = 0;
  for (const f of files) {
    if (out.length >= MAX_FORWARDED_FILES || bytes + f.size > MAX_FORWARDED_BYTES) continue;
    out.push(f);
    bytes += f.size;
  }
  return out;
}
