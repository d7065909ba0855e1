import { type Db, transact, type Tx } from '@/db/client';
import * as q from '@/db/queries/tickets';
import { findAgentById, listTeams } from '@/db/queries/agents';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';
import type { Viewer } from '@/server/auth/sessions';
import { MAX_TICKET_TAGS as MAX_TAGS, type Priority, type TicketStatus } from '@/lib/domain';
import { decide } from './status-machine';
import { applySla } from '@/server/sla/apply-sla';
import { planSurvey } from '@/server/surveys/plan-survey';
import { planCustomerUpdate } from '@/server/customer-updates/plan-customer-update';
import { accessibleTicket } from './ticket-access';
import { ticketEvent } from '@/lib/ticket-events';
import { notifyAgents } from '@/server/notifications/notify-agents';

export type TicketPatch = {
  status?: TicketStatus;
  priority?: Priority;
  assigneeId?: number | null;
  teamId?: number | null;
  /** The whole set; or, so that two quick changes never undo each other, only what to add and remove. */
  tags?: string[];
  addTags?: string[];
  removeTags?: string[];
};

/**
 * Changes a ticket's properties in one transaction, appending one event per changed property, then tells
 * every agent. Unchanged values produce no event, so a double click does not pollute the history.
 */
export function updateTicket(db: Db, viewer: Viewer, ticketId: number, patch: TicketPatch, now = Date.now()) {
  checkPatch(db, patch);
  const changes = transact(db, (tx) => patchTicket(tx, viewer, accessibleTicket(tx, viewer, ticketId), patch, now));
  announcePatch(ticketId, changes, viewer.id);
  return { changed: changes !== null };
}

/** The agent and team a patch names exist (and the agent is active): checked before the transaction. */
export function checkPatch(db: Db, patch: TicketPatch) {
  if (patch.assigneeId != null) {
    const agent = findAgentById(db, patch.assigneeId);
    if (!agent || !agent.active) throw new DomainError('BAD_REQUEST', 'agent_not_found', { id: patch.assigneeId });
  }
  if (patch.teamId != null && !listTeams(db).some((t) => t.id === patch.teamId)) {
    throw new DomainError('BAD_REQUEST', 'team_not_found', { id: patch.teamId });
  }
}

/**
 * The patch's column changes and events, in the caller's transaction; `leading`: events recorded before the
 * property changes (a macro's name), written only when something changed. Null when nothing did.
 */
export function patchTicket(tx: Tx, viewer: Viewer, t: q.TicketRow, patch: TicketPatch, now: number, leading: q.NewTicketEvent[] = []) {
  // Closed is final for every property, not only the status (the status machine refuses that one).
  if (t.status === 'closed') throw new DomainError('CONFLICT', 'ticket_closed');
  const ticketId = t.id;
  const actor = { kind: 'agent', agentId: viewer.id } as const;
  const transition = patch.status !== undefined ? decide(t, { kind: 'set_status', to: patch.status }, actor, now) : { cols: {}, events: [], status: null };
  const events: q.NewTicketEvent[] = [...transition.events];
  const cols: Parameters<typeof q.updateTicketColumns>[2] = { ...transition.cols };
  const status = transition.status;
  if (patch.priority !== undefined && patch.priority !== t.priority) {
    cols.priority = patch.priority;
    events.push(ticketEvent(ticketId, 'priority_changed', { from: t.priority, to: patch.priority }, actor, now));
  }
  let told: number[] = [];
  if (patch.assigneeId !== undefined && patch.assigneeId !== t.assigneeId) {
    cols.assigneeId = patch.assigneeId;
    events.push(ticketEvent(ticketId, 'assignee_changed', { from: t.assigneeId, to: patch.assigneeId }, actor, now));
    told = notifyAgents(tx, 'assigned', [patch.assigneeId], { ticketId, actorAgentId: viewer.id, createdAt: now });
  }
  if (patch.teamId !== undefined && patch.teamId !== t.teamId) {
    cols.teamId = patch.teamId;
    events.push(ticketEvent(ticketId, 'team_changed', { from: t.teamId, to: patch.teamId }, actor, now));
  }
  if (patch.tags !== undefined || patch.addTags !== undefined || patch.removeTags !== undefined) {
    const before = q.listTicketTags(tx, ticketId).map((x) => x.name);
    const norm = (names: string[] = []) => names.map((x) => x.trim().toLowerCase()).filter(Boolean);
    const removed = new Set(norm(patch.removeTags));
    const after = [...new Set([...(patch.tags ? norm(patch.tags) : before), ...norm(patch.addTags)])].filter((x) => !removed.has(x)).sort();
    if (after.length > MAX_TAGS) throw new DomainError('BAD_REQUEST', 'too_many_tags', { max: MAX_TAGS });
    if (before.join('\n') !== after.join('\n')) {
      q.replaceTicketTags(tx, ticketId, q.ensureTags(tx, after));
      events.push(
        ticketEvent(
          ticketId,
          'tags_changed',
          { added: after.filter((x) => !before.includes(x)), removed: before.filter((x) => !after.includes(x)) },
          actor,
          now,
        ),
      );
    }
  }
  if (events.length === 0) return null;
  q.updateTicketColumns(tx, ticketId, { ...cols, updatedAt: now });
  q.insertEvents(tx, [...leading, ...events]);
  applySla(tx, ticketId, now);
  planSurvey(tx, ticketId, events, now);
  planCustomerUpdate(tx, ticketId, events, now);
  return { status, told, undo: inverseOf(events) };
}

/**
 * The patch that takes the property changes back (priority, assignee, team, tags), for an undo. A status
 * change is left out: solving and reopening count in the figures, so statuses are held before they are
 * done instead (the inbox's status undo), never done and reversed.
 */
function inverseOf(events: q.NewTicketEvent[]): TicketPatch {
  const undo: TicketPatch = {};
  for (const e of events) {
    const d = e.data as { from?: unknown; added?: string[]; removed?: string[] };
    if (e.type === 'priority_changed') undo.priority = d.from as TicketPatch['priority'];
    else if (e.type === 'assignee_changed') undo.assigneeId = d.from as number | null;
    else if (e.type === 'team_changed') undo.teamId = d.from as number | null;
    else if (e.type === 'tags_changed') {
      if (d.removed?.length) undo.addTags = d.removed;
      if (d.added?.length) undo.removeTags = d.added;
    }
  }
  return undo;
}

/** After the commit: the status news and the ticket's change, for every agent's list and open conversation. */
export function announcePatch(ticketId: number, changes: ReturnType<typeof patchTicket>, actorAgentId: number) {
  if (changes?.status) getBus().emit('ticket.status', { ticketId, ...changes.status });
  if (changes) getBus().emit('ticket.changed', { ticketId, kind: 'updated', actorAgentId });
  if (changes?.told.length) getBus().emit('notifications.new', { agentIds: changes.told });
}
