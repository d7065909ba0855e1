import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client';
import { attachments } from '../schema';
import { limitRows } from '../prepared';

export type NewAttachment = Omit<typeof attachments.$inferInsert, 'id' | 'messageId' | 'createdAt'>;

export function insertAttachments(db: Queryable, messageId: number, rows: NewAttachment[], now: number) {
  if (rows.length)
    db.insert(attachments)
      .values(rows.map((r) => ({ ...r, messageId, createdAt: now })))
      .run();
}

export function listAttachmentsOfMessages(db: Queryable, messageIds: number[]) {
  return messageIds.length ? db.select().from(attachments).where(inArray(attachments.messageId, messageIds)).all() : [];
}

export function findAttachment(db: Queryable, id: number) {
  return db.select().from(attachments).where(eq(attachments.id, id)).get();
}

/** Whether any attachment still names this stored file. */
export function isBlobReferenced(db: Queryable, sha256: string) {
  return db.select({ id: attachments.id }).from(attachments).where(eq(attachments.sha256, sha256)).limit(limitRows(1)).get() !== undefined;
}
