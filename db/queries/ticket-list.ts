import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { limitRows } from '../prepared';
import { channels, customers, ticketReads, tickets, ticketTags } from '../schema';
import type { TicketCursor } from '../../lib/ticket-filter';
import type { TicketStatus, ChannelKind, Priority } from '../../lib/domain';

export type TicketListWhere = {
  viewerId: number;
  status?: TicketStatus[];
  channel?: ChannelKind[];
  priority?: Priority[];
  assignee: 'me' | 'unassigned' | 'me_or_unassigned' | 'any' | number;
  teamId?: number;
  tagId?: number;
  customerId?: number;
  /** Only spam, or (the default) none of it. */
  spam?: boolean;
  snoozed?: boolean;
  /** Restricts to these ticket ids (the full-text candidates). */
  ids?: number[];
  sla?: 'breached' | 'at_risk';
  /** activity: last activity, newest first; due: next SLA due time, soonest first. The cursor's `at` is that column. */
  sort?: 'activity' | 'due';
  /** The instant `sla` is judged at. */
  now: number;
};

const byDue = (w: TicketListWhere) => w.sort === 'due';

function assigneeCondition(w: TicketListWhere): SQL | undefined {
  switch (w.assignee) {
    case 'any':
      return undefined;
    case 'me':
      return eq(tickets.assigneeId, w.viewerId);
    case 'unassigned':
      return isNull(tickets.assigneeId);
    case 'me_or_unassigned':
      return or(eq(tickets.assigneeId, w.viewerId), isNull(tickets.assigneeId));
    default:
      return eq(tickets.assigneeId, w.assignee);
  }
}

/** What a list's tickets must meet, cursor aside; `status`: one status, none, or the filter's own list. */
function filterConditions(db: Db, w: TicketListWhere, status: TicketStatus | 'filter' | undefined): (SQL | undefined)[] {
  return [
    status === 'filter' ? (w.status?.length ? inArray(tickets.status, w.status) : undefined) : status ? eq(tickets.status, status) : undefined,
    // Literal, so the Spam view reads the partial index tickets_spam_activity.
    w.spam ? sql`${tickets.isSpam} = 1` : sql`${tickets.isSpam} = 0`,
    // Literal, so the Snoozed view reads the partial index tickets_snoozed_activity.
    w.snoozed ? sql`${tickets.snoozedUntil} is not null` : undefined,
    w.priority?.length ? inArray(tickets.priority, w.priority) : undefined,
    w.channel?.length ? inArray(tickets.channelId, db.select({ id: channels.id }).from(channels).where(inArray(channels.kind, w.channel))) : undefined,
    assigneeCondition(w),
    w.teamId ? eq(tickets.teamId, w.teamId) : undefined,
    w.customerId ? eq(tickets.customerId, w.customerId) : undefined,
    w.tagId ? sql`exists (select 1 from ${ticketTags} where ${ticketTags.ticketId} = ${tickets.id} and ${ticketTags.tagId} = ${w.tagId})` : undefined,
    w.ids ? inArray(tickets.id, w.ids) : undefined,
    w.sla === 'breached' ? sql`${tickets.slaDueAt} <= ${w.now}` : undefined,
    w.sla === 'at_risk' ? sql`${tickets.slaWarnAt} <= ${w.now} and ${tickets.slaDueAt} > ${w.now}` : undefined,
    byDue(w) ? sql`${tickets.slaDueAt} is not null` : undefined,
  ];
}

/**
 * Keys (id, last activity) of the newest matching tickets for at most one status. One status at a time
 * because SQLite cannot merge an `IN` list on an index's first column with the ORDER BY: it would sort
 * every unsolved ticket. With one status, (status, last_activity_at desc, id desc) hands rows over in order.
 */
export function selectTicketKeys(db: Db, w: TicketListWhere, status: TicketStatus | undefined, cursor: TicketCursor | undefined, limit: number) {
  const conditions = [
    ...filterConditions(db, w, status),
    cursor && byDue(w) ? sql`(${tickets.slaDueAt}, ${tickets.id}) > (${cursor.at}, ${cursor.id})` : undefined,
    cursor && !byDue(w) ? sql`(${tickets.lastActivityAt}, ${tickets.id}) < (${cursor.at}, ${cursor.id})` : undefined,
  ];
  const at = byDue(w) ? sql<number>`${tickets.slaDueAt}` : tickets.lastActivityAt;
  return db
    .select({ id: tickets.id, at })
    .from(tickets)
    .where(and(...conditions))
    .orderBy(...(byDue(w) ? [asc(tickets.slaDueAt), asc(tickets.id)] : [desc(tickets.lastActivityAt), desc(tickets.id)]))
    .limit(limitRows(limit));
}

/** The columns the inbox list shows, for a page of ticket ids. */
export function selectTicketRows(db: Db, viewerId: number, ids: number[], sort: TicketListWhere['sort'] = 'activity') {
  return db
    .select({
      id: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      preview: tickets.preview,
      status: tickets.status,
      priority: tickets.priority,
      channelKind: channels.kind,
      customerId: tickets.customerId,
      customerName: customers.name,
      assigneeId: tickets.assigneeId,
      teamId: tickets.teamId,
      createdAt: tickets.createdAt,
      lastActivityAt: tickets.lastActivityAt,
      slaDueAt: tickets.slaDueAt,
      slaTarget: tickets.slaTarget,
      slaWarnAt: tickets.slaWarnAt,
      snoozedUntil: tickets.snoozedUntil,
      channelId: tickets.channelId,
      lastCustomerMessageAt: tickets.lastCustomerMessageAt,
      unread: sql<number>`(${tickets.lastCustomerMessageAt} is not null and (${ticketReads.readAt} is null or ${ticketReads.readAt} < ${tickets.lastCustomerMessageAt}))`,
    })
    .from(tickets)
    .innerJoin(channels, eq(channels.id, tickets.channelId))
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(ticketReads, and(eq(ticketReads.ticketId, tickets.id), eq(ticketReads.agentId, viewerId)))
    .where(inArray(tickets.id, ids))
    .orderBy(...(sort === 'due' ? [asc(tickets.slaDueAt), asc(tickets.id)] : [desc(tickets.lastActivityAt), desc(tickets.id)]));
}

/**
 * One page of the inbox, newest activity first (or SLA due soonest), keyset-paginated on (last_activity_at,
 * id) (or (sla_due_at, id)) so page 20,000 costs the same as page 1. Several statuses are read as one
 * ordered stream each and merged here.
 * Returns `limit + 1` rows at most; the caller uses the extra row to know more exist.
 */
export function selectTicketPage(db: Db, w: TicketListWhere, cursor: TicketCursor | undefined, limit: number) {
  const statuses: (TicketStatus | undefined)[] = w.status?.length ? [...new Set(w.status)] : [undefined];
  const keys = statuses
    .flatMap((s) => selectTicketKeys(db, w, s, cursor, limit + 1).all())
    .sort(byDue(w) ? (a, b) => a.at - b.at || a.id - b.id : (a, b) => b.at - a.at || b.id - a.id)
    .slice(0, limit + 1);
  return keys.length
    ? selectTicketRows(
        db,
        w.viewerId,
        keys.map((k) => k.id),
        w.sort,
      ).all()
    : [];
}

/**
 * How many tickets a list holds, counted up to `cap`: the inner LIMIT stops the index walk there, so a
 * view of a million solved tickets costs what one of `cap` does. Order plays no part in a count, so the
 * statuses go in as one IN list here.
 */
export function countTickets(db: Db, w: TicketListWhere, cap: number): number {
  const matching = db
    .select({ one: sql`1` })
    .from(tickets)
    .where(and(...filterConditions(db, w, 'filter')))
    .limit(limitRows(cap))
    .as('matching');
  return db
    .select({ n: sql<number>`count(*)` })
    .from(matching)
    .get()!.n;
}
