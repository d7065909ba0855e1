import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { customers, surveyAnswers, surveyPolicies, surveyRequests, tickets, type SurveyPolicyDefinition } from '../schema';
import { limitRows } from '../prepared';
import { markRollupPending } from './metric-rollups';
import type { Locale } from '../../lib/domain';

export type SurveyPolicyRow = typeof surveyPolicies.$inferSelect;
export type SurveyRequestRow = typeof surveyRequests.$inferSelect;
export type SurveyAnswerRow = typeof surveyAnswers.$inferSelect;
export type NewSurveyRequest = typeof surveyRequests.$inferInsert;
export type NewSurveyAnswer = Omit<typeof surveyAnswers.$inferInsert, 'id'>;

export function listSurveyPolicies(db: Queryable): SurveyPolicyRow[] {
  return db.select().from(surveyPolicies).orderBy(surveyPolicies.position, surveyPolicies.id).all();
}

export function findSurveyPolicy(db: Queryable, id: number) {
  return db.select().from(surveyPolicies).where(eq(surveyPolicies.id, id)).get();
}

export function insertSurveyPolicy(db: Queryable, p: { name: string; enabled: boolean; definition: SurveyPolicyDefinition; now: number }) {
  const position = db
    .select({ n: sql<number>`coalesce(max(${surveyPolicies.position}), -1) + 1` })
    .from(surveyPolicies)
    .get()!.n;
  return db
    .insert(surveyPolicies)
    .values({ name: p.name, enabled: p.enabled, definition: p.definition, position, createdAt: p.now, updatedAt: p.now })
    .returning({ id: surveyPolicies.id })
    .get();
}

export function updateSurveyPolicy(db: Queryable, id: number, p: { name: string; enabled: boolean; definition: SurveyPolicyDefinition; now: number }) {
  db.update(surveyPolicies).set({ name: p.name, enabled: p.enabled, definition: p.definition, updatedAt: p.now }).where(eq(surveyPolicies.id, id)).run();
}

export function setSurveyPolicyPositions(db: Queryable, ids: number[]) {
  ids.forEach((id, position) => db.update(surveyPolicies).set({ position }).where(eq(surveyPolicies.id, id)).run());
}

export function deleteSurveyPolicy(db: Queryable, id: number) {
  db.delete(surveyPolicies).where(eq(surveyPolicies.id, id)).run();
}

export function insertSurveyRequest(db: Queryable, r: Omit<NewSurveyRequest, 'id'>) {
  markRollupPending(db, r.ticketId);
  return db.insert(surveyRequests).values(r).returning().get();
}

export function findSurveyRequest(db: Queryable, id: number) {
  return db.select().from(surveyRequests).where(eq(surveyRequests.id, id)).get();
}

export function findSurveyRequestOfCycle(db: Queryable, ticketId: number, cycle: number) {
  return db
    .select()
    .from(surveyRequests)
    .where(and(eq(surveyRequests.ticketId, ticketId), eq(surveyRequests.cycle, cycle)))
    .get();
}

export function setSurveyMessage(db: Queryable, id: number, messageId: number) {
  db.update(surveyRequests).set({ messageId }).where(eq(surveyRequests.id, id)).run();
}

/** Claims the once-only unhappy actions; false when they already ran. */
export function claimUnhappyHandling(db: Queryable, id: number, now: number) {
  return (
    db
      .update(surveyRequests)
      .set({ unhappyHandledAt: now })
      .where(and(eq(surveyRequests.id, id), sql`${surveyRequests.unhappyHandledAt} is null`))
      .run().changes === 1
  );
}

/** When this customer was last sent a survey, on any ticket. */
export function lastSurveySentAt(db: Queryable, customerId: number): number | null {
  return (
    db
      .select({ at: sql<number | null>`max(${surveyRequests.sentAt})` })
      .from(surveyRequests)
      .where(eq(surveyRequests.customerId, customerId))
      .get()?.at ?? null
  );
}

/** Stores an answer; undefined when this submission was stored already (a double click, a replayed tap). */
export function insertSurveyAnswer(db: Queryable, a: NewSurveyAnswer): SurveyAnswerRow | undefined {
  const request = db.select({ ticketId: surveyRequests.ticketId }).from(surveyRequests).where(eq(surveyRequests.id, a.requestId)).get();
  if (request) markRollupPending(db, request.ticketId);
  return db.insert(surveyAnswers).values(a).onConflictDoNothing({ target: surveyAnswers.submissionKey }).returning().get();
}

/** The answer that counts: the latest. */
export function latestSurveyAnswer(db: Queryable, requestId: number): SurveyAnswerRow | undefined {
  return db.select().from(surveyAnswers).where(eq(surveyAnswers.requestId, requestId)).orderBy(desc(surveyAnswers.id)).limit(limitRows(1)).get();
}

export function findSurveyAnswer(db: Queryable, id: number) {
  return db.select().from(surveyAnswers).where(eq(surveyAnswers.id, id)).get();
}

export type SurveyWithAnswer = SurveyRequestRow & { answer: SurveyAnswerRow | null; answerCount: number };

function withAnswers(db: Queryable, requests: SurveyRequestRow[]): SurveyWithAnswer[] {
  if (requests.length === 0) return [];
  const answers = db
    .select()
    .from(surveyAnswers)
    .where(
      inArray(
        surveyAnswers.requestId,
        requests.map((r) => r.id),
      ),
    )
    .orderBy(surveyAnswers.id)
    .all();
  return requests.map((r) => {
    const mine = answers.filter((a) => a.requestId === r.id);
    return { ...r, answer: mine.at(-1) ?? null, answerCount: mine.length };
  });
}

export function listTicketSurveys(db: Queryable, ticketId: number): SurveyWithAnswer[] {
  return withAnswers(db, db.select().from(surveyRequests).where(eq(surveyRequests.ticketId, ticketId)).orderBy(surveyRequests.cycle).all());
}

/** A customer's surveys, newest first. */
export function listCustomerSurveys(db: Queryable, customerId: number, limit: number): SurveyWithAnswer[] {
  return withAnswers(
    db,
    db.select().from(surveyRequests).where(eq(surveyRequests.customerId, customerId)).orderBy(desc(surveyRequests.sentAt)).limit(limitRows(limit)).all(),
  );
}

/** The customer's latest survey still open for answers on a channel (a messenger reply may answer it). */
export function listAnswerableSurveys(db: Queryable, customerId: number, now: number) {
  return db
    .select()
    .from(surveyRequests)
    .where(and(eq(surveyRequests.customerId, customerId), gt(surveyRequests.answerableUntil, now)))
    .orderBy(desc(surveyRequests.sentAt))
    .all();
}

export function setSurveyOptOut(db: Queryable, customerId: number, at: number | null) {
  db.update(customers).set({ surveyOptOutAt: at }).where(eq(customers.id, customerId)).run();
}

/** Remembers the language a channel saw the customer use (the widget's, a web form's). */
export function setCustomerLocale(db: Queryable, customerId: number, locale: Locale) {
  db.update(customers)
    .set({ locale })
    .where(and(eq(customers.id, customerId), sql`${customers.locale} is not ${locale}`))
    .run();
}

/** Whether the customer wrote anything after `since` (on any of their tickets). */
export function customerWroteAfter(db: Queryable, customerId: number, since: number): boolean {
  return !!db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.customerId, customerId), gt(tickets.lastCustomerMessageAt, since)))
    .limit(limitRows(1))
    .get();
}
