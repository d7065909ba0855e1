import { and, asc, eq, lt } from 'drizzle-orm';
import type { Queryable } from '../client';
import { formSubmissions, intakeForms, intakeFormVersions, usedFormTokens } from '../schema';
import type { Answers, FormDefinition } from '../../lib/forms/form-definition';

export function listForms(db: Queryable) {
  return db.select().from(intakeForms).orderBy(asc(intakeForms.name)).all();
}

export function findFormBySlug(db: Queryable, slug: string) {
  return db.select().from(intakeForms).where(eq(intakeForms.slug, slug)).get();
}

export function findForm(db: Queryable, id: number) {
  return db.select().from(intakeForms).where(eq(intakeForms.id, id)).get();
}

export function findFormVersion(db: Queryable, formId: number, version: number) {
  return db
    .select()
    .from(intakeFormVersions)
    .where(and(eq(intakeFormVersions.formId, formId), eq(intakeFormVersions.version, version)))
    .get();
}

export function insertForm(db: Queryable, f: { slug: string; name: string; channelId: number; definition: FormDefinition; now: number }) {
  const row = db
    .insert(intakeForms)
    .values({ slug: f.slug, name: f.name, channelId: f.channelId, currentVersion: 1, createdAt: f.now, updatedAt: f.now })
    .returning()
    .get();
  db.insert(intakeFormVersions)
    .values({ formId: row.id, version: 1, definition: { ...f.definition, version: 1 }, createdAt: f.now })
    .run();
  return row;
}

/** A new version; old versions stay, so answers given against them keep their meaning. */
export function insertFormVersion(db: Queryable, formId: number, f: { name: string; channelId: number; definition: FormDefinition; now: number }) {
  const form = findForm(db, formId)!;
  const version = form.currentVersion + 1;
  db.insert(intakeFormVersions)
    .values({ formId, version, definition: { ...f.definition, version }, createdAt: f.now })
    .run();
  db.update(intakeForms).set({ name: f.name, channelId: f.channelId, currentVersion: version, updatedAt: f.now }).where(eq(intakeForms.id, formId)).run();
  return { id: formId, version };
}

export function insertSubmission(db: Queryable, s: { formId: number; version: number; ticketId: number; answers: Answers; now: number }) {
  db.insert(formSubmissions).values({ formId: s.formId, version: s.version, ticketId: s.ticketId, answers: s.answers, createdAt: s.now }).run();
}

export function findSubmissionOfTicket(db: Queryable, ticketId: number) {
  return db.select().from(formSubmissions).where(eq(formSubmissions.ticketId, ticketId)).get();
}

export function updateSubmissionAnswers(db: Queryable, id: number, answers: Answers) {
  db.update(formSubmissions).set({ answers }).where(eq(formSubmissions.id, id)).run();
}

/** Marks a fill token used; false when it was used before. */
export function consumeFormToken(db: Queryable, nonce: string, expiresAt: number): boolean {
  return db.insert(usedFormTokens).values({ nonce, expiresAt }).onConflictDoNothing().run().changes === 1;
}

export function deleteExpiredFormTokens(db: Queryable, now: number) {
  return db.delete(usedFormTokens).where(lt(usedFormTokens.expiresAt, now)).run().changes;
}
