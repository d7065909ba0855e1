import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { agents, agentTeams, notifications, surveyAnswers, tickets } from '../schema';
import { limitRows } from '../prepared';
import type { NotificationKind } from '../../lib/notification-kinds';

export type NewNotification = typeof notifications.$inferInsert;

export type NotificationRow = typeof notifications.$inferSelect;

export function insertNotifications(db: Queryable, rows: NewNotification[]): NotificationRow[] {
  return rows.length ? db.insert(notifications).values(rows).returning().all() : [];
}

export function findNotification(db: Queryable, id: number): NotificationRow | undefined {
  return db.select().from(notifications).where(eq(notifications.id, id)).get();
}

/** An agent's latest notifications with their ticket's number and subject, newest first. */
export function listNotifications(db: Queryable, agentId: number, limit: number) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      ticketId: notifications.ticketId,
      number: tickets.number,
      subject: tickets.subject,
      target: notifications.target,
      dueAt: notifications.dueAt,
      survey: { type: surveyAnswers.type, score: surveyAnswers.score, max: surveyAnswers.scaleMax },
      actorAgentId: notifications.actorAgentId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(tickets, eq(tickets.id, notifications.ticketId))
    .leftJoin(surveyAnswers, eq(surveyAnswers.id, notifications.surveyAnswerId))
    .where(eq(notifications.agentId, agentId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limitRows(limit))
    .all();
}

export function countUnreadNotifications(db: Queryable, agentId: number): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.agentId, agentId), isNull(notifications.readAt)))
    .get()!.n;
}

/** Marks the agent's own notifications read (these ids, or all); someone else's stay as they are. */
export function markNotificationsRead(db: Queryable, agentId: number, ids: number[] | 'all', now: number) {
  db.update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.agentId, agentId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids)))
    .run();
}

/** Active agents of a team with the given roles (every team when `teamId` is null). */
export function listActiveAgentIds(db: Queryable, o: { teamId: number | null; roles: ('agent' | 'lead' | 'admin')[] }) {
  const base = db.select({ id: agents.id }).from(agents);
  const where = and(eq(agents.active, true), inArray(agents.role, o.roles));
  const rows =
    o.teamId === null
      ? base.where(where).all()
      : base
          .innerJoin(agentTeams, eq(agentTeams.agentId, agents.id))
          .where(and(where, eq(agentTeams.teamId, o.teamId)))
          .all();
  return [...new Set(rows.map((r) => r.id))];
}

/** Of these agents, the active ones who have not muted this kind of notification. */
export function listNotifiableAgentIds(db: Queryable, agentIds: readonly number[], kind: NotificationKind): number[] {
  if (agentIds.length === 0) return [];
  return db
    .select({ id: agents.id, muted: agents.mutedNotifications })
    .from(agents)
    .where(and(inArray(agents.id, [...agentIds]), eq(agents.active, true)))
    .all()
    .filter((a) => !a.muted.includes(kind))
    .map((a) => a.id);
}

export function setMutedNotifications(db: Queryable, agentId: number, muted: NotificationKind[]) {
  db.update(agents).set({ mutedNotifications: muted }).where(eq(agents.id, agentId)).run();
}
