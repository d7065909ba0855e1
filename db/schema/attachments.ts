import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { messages } from './messages';

/** A file that came with a message. The bytes live on disk under DATA_DIR/attachments, named by their SHA-256. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** Content-ID for inline images referenced as `cid:` from the HTML body. */
    contentId: text('content_id'),
    inline: integer('inline', { mode: 'boolean' }).notNull().default(false),
    /** Null when the file was not kept (see blockedReason). */
    sha256: text('sha256'),
    blockedReason: text('blocked_reason'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('attachments_message').on(t.messageId), index('attachments_sha256').on(t.sha256)],
);
