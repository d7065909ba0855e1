import type { Tx } from '@/db/client';
import { findTicket } from '@/db/queries/tickets';
import { findAgentById } from '@/db/queries/agents';
import { insertNotifications, listActiveAgentIds, listNotifiableAgentIds, type NewNotification } from '@/db/queries/notifications';
import type { NewTicketEvent } from '@/lib/ticket-events';
import { planNotificationMails } from './notification-mail';

/** Warnings and breaches older than this (history caught up after a long outage) are recorded but not announced. */
const FRESH_MS = 24 * 3600_000;

/**
 * Who hears of an SLA warning or breach, in the transaction that recorded it: a warning goes to the
 * assignee (the team when nobody is assigned, every lead when there is no team); a breach to the team's
 * leads (every lead and admin when the team has none). Returns the agents told, for the live push.
 */
export function notifySla(tx: Tx, events: readonly NewTicketEvent[], now: number): number[] {
  const told = new Set<number>();
  const rows: NewNotification[] = [];
  for (const e of events) {
    if ((e.type !== 'sla_warning' && e.type !== 'sla_breached') || now - e.createdAt > FRESH_MS) continue;
    const ticket = findTicket(tx, e.ticketId);
    if (!ticket) continue;
    const recipients = listNotifiableAgentIds(tx, e.type === 'sla_warning' ? warned(tx, ticket) : leadsOf(tx, ticket.teamId), e.type);
    for (const agentId of recipients) {
      rows.push({ agentId, kind: e.type, ticketId: ticket.id, target: e.data.target, dueAt: e.data.dueAt, createdAt: e.createdAt });
      told.add(agentId);
    }
  }
  planNotificationMails(tx, insertNotifications(tx, rows), now);
  return [...told];
}

function warned(tx: Tx, ticket: { assigneeId: number | null; teamId: number | null }): number[] {
  if (ticket.assigneeId !== null && findAgentById(tx, ticket.assigneeId)?.active) return [ticket.assigneeId];
  if (ticket.teamId !== null) return listActiveAgentIds(tx, { teamId: ticket.teamId, roles: ['agent', 'lead', 'admin'] });
  return listActiveAgentIds(tx, { teamId: null, roles: ['lead'] });
}

/** A team's leads; every lead and admin when the team has none (or there is no team). */
export function leadsOf(tx: Tx, teamId: number | null): number[] {
  const leads = teamId === null ? [] : listActiveAgentIds(tx, { teamId, roles: ['lead'] });
  return leads.length ? leads : listActiveAgentIds(tx, { teamId: null, roles: ['lead', 'admin'] });
}
