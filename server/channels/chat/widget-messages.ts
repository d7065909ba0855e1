import type { Queryable } from '@/db/client';
import { findPublicMessage, listAttachmentNames, listAttachmentsOf, listPublicMessages, type ChatMessageRow } from '@/db/queries/chat';
import type { WidgetMessage } from '@/lib/widget-events';
import type { NewMessage } from '@/server/realtime/bus';
import { getConfig } from '@/server/runtime-config';
import { widgetFileLink } from './widget-file-link';

/** `chat:<channelId>:<visitorId>:<clientId>`: unique per visitor, so a re-sent message is stored once. */
export function chatMessageId(channelId: number, visitorId: string, clientId: string) {
  return `chat:${channelId}:${visitorId}:${clientId}`;
}

export const isChatMessageId = (id: string | null) => id?.startsWith('chat:') ?? false;

type StoredFile = { id: number; filename: string; size: number; sha256: string | null };

function toWidgetMessage(row: ChatMessageRow, stored: StoredFile[]): WidgetMessage {
  const secret = getConfig().sessionSecret;
  const files = stored.map((f) => ({ filename: f.filename, size: f.size, url: f.sha256 ? widgetFileLink(secret, f.id) : null }));
  const clientId = row.channelMessageId?.startsWith('chat:') ? (row.channelMessageId.split(':')[3] ?? null) : null;
  return {
    id: row.id,
    ticketId: row.ticketId,
    clientId,
    author: row.authorKind === 'agent' ? 'agent' : 'visitor',
    agentName: row.authorKind === 'agent' ? row.agentName : null,
    text: row.bodyText,
    attachments: files,
    createdAt: row.createdAt,
  };
}

/** Public messages of these tickets after a message id, with their file names, as the widget shows them. */
export function widgetMessagesOf(db: Queryable, ticketIds: number[], afterId = 0, limit = 200): WidgetMessage[] {
  const rows = listPublicMessages(db, ticketIds, afterId, limit).filter((r) => r.authorKind === 'agent' || r.authorKind === 'customer');
  const files = listAttachmentNames(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toWidgetMessage(
      r,
      files.filter((f) => f.messageId === r.id),
    ),
  );
}

/**
 * A message just stored, as the widget shows it, from what its writer knows (every live chat message
 * passes here, so no read-back); only one with files is read back, for its files' links.
 */
export function newWidgetMessage(db: Queryable, m: NewMessage): WidgetMessage | undefined {
  if (m.internal) return undefined;
  if (m.fileCount) return widgetMessage(db, m.messageId);
  const row = {
    id: m.messageId,
    ticketId: m.ticketId,
    authorKind: m.authorKind,
    agentName: m.authorName,
    bodyText: m.text,
    channelMessageId: m.channelMessageId,
    createdAt: m.createdAt,
  };
  return toWidgetMessage(row, []);
}

/** One public message with its file names, as the widget shows it; undefined for notes and unknown ids. */
export function widgetMessage(db: Queryable, id: number): WidgetMessage | undefined {
  const row = findPublicMessage(db, id);
  return row && toWidgetMessage(row, listAttachmentsOf(db, id));
}
