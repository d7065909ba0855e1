import { type Db, type Tx, transact } from '@/db/client';
import * as q from '@/db/queries/tickets';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';
import type { Viewer } from '@/server/auth/sessions';
import type { TicketStatus } from '@/lib/domain';
import { decide } from './status-machine';
import { applySla } from '@/server/sla/apply-sla';
import { planSurvey } from '@/server/surveys/plan-survey';
import { planCustomerUpdate } from '@/server/customer-updates/plan-customer-update';
import { canAccessTicket } from './ticket-access';
import { previewOf } from '@/lib/preview';
import { queueOutbound } from '@/server/channels/outbound';
import type { OutboundTemplate } from '@/server/channels/channel-adapter';
import { afterCommit, commitGrouped } from '@/db/group-commit';
import { insertAttachments } from '@/db/queries/attachments';
import { uploadedAttachment, verifyUpload, type UploadedFile } from '@/server/content/upload-token';
import { getConfig } from '@/server/runtime-config';

export type ReplyInput = {
  ticketId: number;
  body: string;
  internal: boolean;
  status?: TicketStatus;
  attachments?: string[];
  clientId?: string;
  /** A platform template this reply is sent as (server/channels/whatsapp/send-template.ts fills it); never from the client. */
  template?: OutboundTemplate;
};

/**
 * An agent's public reply or internal note, with an optional status change in the same step ("reply and
 * set pending"), written with its events and its channel delivery (outbox) in one transaction. A public
 * reply on a new ticket opens it and stamps the first response; an internal note changes neither,
 * because notes are not responses. The transaction shares its commit with other writes of the same
 * moment (live chats reply in bursts); the promise settles after that commit.
 */
export async function replyToTicket(db: Db, viewer: Viewer, input: ReplyInput, opts: { originSocketId?: string; now?: number } = {}) {
  const { originSocketId, now = Date.now() } = opts;
  const body = input.body.trim();
  const receipts = input.attachments ?? [];
  const files = receipts.map((token) => verifyUpload(getConfig().sessionSecret, token, viewer.id)).filter((f): f is UploadedFile => f !== null);
  if (files.length < receipts.length) throw new DomainError('BAD_REQUEST', 'attachment_expired');
  if (!body && !files.length) throw new DomainError('BAD_REQUEST', 'message_empty');
  const messageId = await commitGrouped(db, () => {
    const { id, status, duplicate } = transact(db, (tx) => writeReply(tx, viewer, input, body, files, now));
    if (duplicate) return id;
    // Right after the shared commit, before anyone's ack: the customer's live chat waits on the message;
    // inbox lists only refresh on the change.
    afterCommit(db, () => {
      const bus = getBus();
      bus.emit('message.created', {
        ticketId: input.ticketId,
        messageId: id,
        authorKind: 'agent',
        authorName: viewer.name,
        internal: input.internal,
        text: body,
        channelMessageId: null,
        createdAt: now,
        fileCount: files.length,
        originSocketId,
      });
      if (status) bus.emit('ticket.status', { ticketId: input.ticketId, ...status });
      bus.emit('ticket.changed', { ticketId: input.ticketId, kind: 'message', actorAgentId: viewer.id });
    });
    return id;
  });
  return { messageId };
}

function writeReply(tx: Tx, viewer: Viewer, input: ReplyInput, body: string, files: UploadedFile[], now: number) {
  const row = q.findTicketWithChannel(tx, input.ticketId);
  if (!row || !canAccessTicket(viewer, row.ticket)) throw new DomainError('NOT_FOUND', 'ticket_not_found', { id: input.ticketId });
  const t = row.ticket;
  const clientKey = input.clientId ? `${viewer.id}:${input.clientId}` : null;
  const sent = clientKey ? q.findMessageByClientKey(tx, clientKey) : undefined;
  if (sent) {
    if (sent.ticketId !== t.id) throw new DomainError('CONFLICT', 'reply_sent_elsewhere');
    return { id: sent.id, status: null, duplicate: true };
  }
  const m = q.insertMessage(tx, {
    ticketId: t.id,
    authorKind: 'agent',
    authorAgentId: viewer.id,
    isInternal: input.internal,
    bodyText: body,
    clientKey,
    createdAt: now,
  });
  const transition = decide(
    t,
    { kind: input.internal ? 'internal_note' : 'public_reply', messageId: m.id, setStatus: input.status },
    { kind: 'agent', agentId: viewer.id },
    now,
  );
  const cols: Parameters<typeof q.updateTicketColumns>[2] = { updatedAt: now, lastActivityAt: now, ...transition.cols };
  if (!input.internal) {
    cols.preview = previewOf(body || files.map((f) => f.filename).join(', '));
    queueOutbound(tx, t, row.channel, m.id, { text: body, template: input.template }, now);
  }
  insertAttachments(tx, m.id, files.map(uploadedAttachment), now);
  q.updateTicketColumns(tx, t.id, cols);
  q.insertEvents(tx, transition.events);
  applySla(tx, t.id, now);
  planSurvey(tx, t.id, transition.events, now);
  planCustomerUpdate(tx, t.id, transition.events, now);
  return { id: m.id, status: transition.status, duplicate: false };
}
