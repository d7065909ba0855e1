import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { tickets, ticketTags } from '../schema';
import { limitRows } from '../prepared';
import { UNSOLVED_STATUSES } from '../../lib/domain';
import type { Scope } from './metrics-filter';

/**
 * The dashboard's live strip, from the tickets as they are now (not the facts): unsolved, unassigned,
 * at risk and breached (the inbox's own views count the same), and the customer waiting longest for an
 * answer. The same scope as the figures, with the ticket's current team and agent.
 */
export function liveCounts(db: Queryable, s: Scope, now: number) {
  const where = and(
    // Literal, not bound: only then can SQLite prove the partial index tickets_live applies.
    sql.raw(`"tickets"."status" in (${UNSOLVED_STATUSES.map((st) => `'${st}'`).join(', ')}) and "tickets"."is_spam" = 0`),
    s.teamId != null ? eq(tickets.teamId, s.teamId) : undefined,
    s.agentId != null ? eq(tickets.assigneeId, s.agentId) : undefined,
    s.priority ? eq(tickets.priority, s.priority) : undefined,
    s.channel ? sql`${tickets.channelId} in (select id from channels where kind = ${s.channel})` : undefined,
    s.tagId != null ? sql`exists (select 1 from ${ticketTags} where ${ticketTags.ticketId} = ${tickets.id} and ${ticketTags.tagId} = ${s.tagId})` : undefined,
  );
  const counts = db
    .select({
      open: sql<number>`count(*)`,
      unassigned: sql<number>`coalesce(sum(case when ${tickets.assigneeId} is null then 1 else 0 end), 0)`,
      atRisk: sql<number>`coalesce(sum(case when ${tickets.slaWarnAt} <= ${now} and ${tickets.slaDueAt} > ${now} then 1 else 0 end), 0)`,
      breached: sql<number>`coalesce(sum(case when ${tickets.slaDueAt} <= ${now} then 1 else 0 end), 0)`,
    })
    .from(tickets)
    .where(where)
    .get()!;
  // Waiting: a ticket that needs the team's move (new or open; pending waits for the customer), by the customer's latest message.
  // Found in tickets_live alone (the statuses literal, the columns in it), then its number and subject by id:
  // bound statuses or another column would send SQLite through the status index, row by row (150 ms at 1M).
  const waiting = db
    .select({ ticketId: tickets.id, since: tickets.lastCustomerMessageAt })
    .from(tickets)
    .where(and(where, sql.raw(`+"tickets"."status" in ('new', 'open')`), sql`${tickets.lastCustomerMessageAt} is not null`))
    .orderBy(asc(tickets.lastCustomerMessageAt))
    .limit(limitRows(1))
    .get();
  if (!waiting) return { ...counts, waitingLongest: null };
  const { number, subject } = db.select({ number: tickets.number, subject: tickets.subject }).from(tickets).where(eq(tickets.id, waiting.ticketId)).get()!;
  return { ...counts, waitingLongest: { ...waiting, number, subject } };
}
