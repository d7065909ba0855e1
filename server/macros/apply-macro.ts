import { type Db, transact } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import type { MacroRow } from '@/db/queries/macros';
import type { TicketStatus } from '@/lib/domain';
import { fillPlaceholders, placeholderValues } from '@/lib/placeholders';
import { ticketEvent } from '@/lib/ticket-events';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';
import { accessibleTicket } from '@/server/tickets/ticket-access';
import { announcePatch, checkPatch, patchTicket, type TicketPatch } from '@/server/tickets/update-ticket';
import { visibleMacro } from './macro-admin';
import { customerLanguage, pickText } from '@/server/tickets/customer-language';

/**
 * Applies a macro to a ticket in one step: its property changes (priority, team, assignee, tags) in one
 * transaction, after a `macro_applied` event naming it; and its text, in the customer's language (known, or
 * detected in what they wrote) with the placeholders filled, for the composer. The status travels with
 * that text and is set when it is sent (`sendStatus`); a macro without text sets it here.
 */
export function applyMacro(db: Db, viewer: Viewer, input: { macroId: number; ticketId: number }, now = Date.now()) {
  const macro = visibleMacro(db, viewer, input.macroId);
  const ticket = accessibleTicket(db, viewer, input.ticketId);
  if (ticket.status === 'closed') throw new DomainError('CONFLICT', 'ticket_closed');
  const customer = findCustomer(db, ticket.customerId);
  const locale = pickText({ en: macro.textEn, de: macro.textDe }, customerLanguage(db, ticket), viewer.locale);
  const raw = (locale === 'de' ? macro.textDe : macro.textEn).trim();
  const text = fillPlaceholders(
    raw,
    placeholderValues({ customerName: customer?.name ?? '', ticketNumber: ticket.number, ticketSubject: ticket.subject, agentName: viewer.name }),
  );
  const patch = patchOf(macro, viewer, raw === '');
  checkPatch(db, patch);
  const changes = transact(db, (tx) =>
    patchTicket(tx, viewer, accessibleTicket(tx, viewer, ticket.id), patch, now, [
      ticketEvent(ticket.id, 'macro_applied', { macroId: macro.id, name: macro.name }, { kind: 'agent', agentId: viewer.id }, now),
    ]),
  );
  announcePatch(ticket.id, changes, viewer.id);
  const sendStatus: TicketStatus | null = raw !== '' ? (macro.actions.status ?? null) : null;
  // What the undo toast sends back to tickets.update: the properties as they were (the status stays).
  return { name: macro.name, text, locale, sendStatus, changed: changes !== null, undo: changes && Object.keys(changes.undo).length ? changes.undo : null };
}

function patchOf(macro: MacroRow, viewer: Viewer, withStatus: boolean): TicketPatch {
  const a = macro.actions;
  return {
    ...(withStatus && a.status ? { status: a.status } : {}),
    ...(a.priority ? { priority: a.priority } : {}),
    ...(a.teamId !== undefined ? { teamId: a.teamId } : {}),
    ...(a.assignee !== undefined ? { assigneeId: a.assignee === 'me' ? viewer.id : a.assignee === 'none' ? null : a.assignee } : {}),
    ...(a.addTags?.length ? { addTags: a.addTags } : {}),
    ...(a.removeTags?.length ? { removeTags: a.removeTags } : {}),
  };
}
