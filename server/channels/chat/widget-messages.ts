import type { Queryable } from '@/db/client';
import { findPublicMessage, listAttachmentNames, listAttachmentsOf, listPublicMessages, type ChatMessageRow } from '@/db/queries/chat';
import type { WidgetMessage } from '@/lib/widget-events';

/** `chat:<channelId>:<visitorId>:<clientId>`: unique per visitor, so a re-sent message is stored once. */
export function chatMessageId(channelId: number, visitorId: string, clientId: string) {
  return `chat:${channelId}:${visitorId}:${clientId}`;
}

function toWidgetMessage(row: ChatMessageRow, files: { filename: string; size: number }[]): WidgetMessage {
  const clientId = row.channelMessageId?.startsWith('chat:') ? row.channelMessageId.split(':')[3] ?? null : null;
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
  const files = listAttachmentNames(db, rows.map((r) => r.id));
  return rows.map((r) => toWidgetMessage(r, files.filter((f) => f.messageId === r.id).map(({ filename, size }) => ({ filename, size }))));
}

/** One public message with its file names, as the widget shows it; undefined for notes and unknown ids. */
export function widgetMessage(db: Queryable, id: number): WidgetMessage | undefined {
  const row = findPublicMessage(db, id);
  return row && toWidgetMessage(row, listAttachmentsOf(db, id));
}
