import type { Db } from '@/db/client';
import * as q from '@/db/queries/tickets';
import { findCustomer } from '@/db/queries/customers';
import { DomainError } from '@/server/errors/domain-error';
import { sanitizeHtml } from '@/server/content/sanitize-html';
import { visiblePart } from '@/server/content/fold-quoted';

/** Everything the conversation pane shows: the ticket, its thread, its history and its tags. */
export function getTicket(db: Db, ticketId: number) {
  const row = q.findTicketWithChannel(db, ticketId);
  if (!row) throw new DomainError('NOT_FOUND', `Ticket ${ticketId} does not exist`);
  const messages = q.listMessages(db, ticketId).map((m) => ({
    id: m.id,
    authorKind: m.authorKind,
    authorAgentId: m.authorAgentId,
    isInternal: m.isInternal,
    bodyText: m.bodyText,
    // Customer email: what they wrote, with quoted history and signature folded away (original one click away).
    visibleText: m.authorKind === 'customer' && m.meta?.from ? visiblePart(m.bodyText) : m.bodyText,
    // Stored HTML was sanitized on the way in; sanitizing again on the way out protects against rows
    // written before a sanitizer rule was tightened.
    bodyHtml: m.bodyHtml ? sanitizeHtml(m.bodyHtml) : null,
    deliveryState: m.deliveryState,
    deliveryError: m.deliveryError,
    envelope: m.meta ? { from: m.meta.from ?? null, to: m.meta.to ?? [], cc: m.meta.cc ?? [] } : null,
    createdAt: m.createdAt,
  }));
  const events = q.listEvents(db, ticketId).map((e) => ({
    id: e.id,
    type: e.type,
    actorKind: e.actorKind,
    actorAgentId: e.actorAgentId,
    data: e.data,
    createdAt: e.createdAt,
  }));
  const customer = findCustomer(db, row.ticket.customerId);
  return {
    ticket: row.ticket,
    channel: row.channel,
    customer: { id: row.ticket.customerId, name: customer?.name ?? '' },
    tags: q.listTicketTags(db, ticketId),
    messages,
    events,
  };
}
