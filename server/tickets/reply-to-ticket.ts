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
import { notifyAgents } from '@/server/notifications/notify-agents';
import { mentionedAgents } from '@/lib/mentions';
import { listActiveAgentNames } from '@/db/queries/agents';
import { getConfig } from '@/server/runtime-config';
import { signedBody } from './signature';
import { replyText, textForChannel } from '@/server/content/reply-format';

export type ReplyInput = {
  ticketId: number;
  body: string;
  internal: boolean;
  status?: TicketStatus;
  attachments?: string[];
  clientId?: string;
  cc?: string[];
  bcc?: string[];
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
  const { body, files } = checkReply(viewer, input);
  const messageId = await commitGrouped(db, () => {
    const written = transact(db, (tx) => writeReply(tx, viewer, input, body, files, now));
    // Right after the shared commit, before anyone's ack: the customer's live chat waits on the message;
    // inbox lists only refresh on the change.
    if (!written.duplicate) afterCommit(db, () => announceReply(viewer, input, written, { body: written.body, files, now, originSocketId }));
    return written.id;
  });
  return { messageId };
}

/** The reply's text and its verified files; refused when it has neither or a file's receipt expired. */
export function checkReply(viewer: Viewer, input: ReplyInput): { body: string; files: UploadedFile[] } {
  const body = input.body.trim();
  const receipts = input.attachments ?? [];
  const files = receipts.map((token) => verifyUpload(getConfig().sessionSecret, token, viewer.id)).filter((f): f is UploadedFile => f !== null);
  if (files.length < receipts.length) throw new DomainError('BAD_REQUEST', 'attachment_expired');
  if (!body && !files.length) throw new DomainError('BAD_REQUEST', 'message_empty');
  return { body, files };
}

/** Tells the live parts (the customer's chat, other agents' inboxes) about a committed reply. */
export function announceReply(
  viewer: Pick<Viewer, 'id' | 'name'>,
  input: Pick<ReplyInput, 'ticketId' | 'internal'>,
  written: { id: number; status: ReturnType<typeof writeReply>['status']; told: number[] },
  o: { body: string; files: UploadedFile[]; now: number; originSocketId?: string },
) {
  const bus = getBus();
  bus.emit('message.created', {
    ticketId: input.ticketId,
    messageId: written.id,
    authorKind: 'agent',
    authorName: viewer.name,
    internal: input.internal,
    text: o.body,
    channelMessageId: null,
    createdAt: o.now,
    fileCount: o.files.length,
    originSocketId: o.originSocketId,
  });
  if (written.status) bus.emit('ticket.status', { ticketId: input.ticketId, ...written.status });
  bus.emit('ticket.changed', { ticketId: input.ticketId, kind: 'message', actorAgentId: viewer.id });
  if (written.told.length) bus.emit('notifications.new', { agentIds: written.told });
}

/**
 * Stores the reply with its events, status change and outbox delivery; a repeated clientId stores nothing
 * twice. A public mail reply gets the agent's signature (`body` in the answer is the text as stored).
 */
export function writeReply(tx: Tx, viewer: Pick<Viewer, 'id' | 'role' | 'locale'>, input: ReplyInput, text: string, files: UploadedFile[], now: number) {
  const row = q.findTicketWithChannel(tx, input.ticketId);
  if (!row || !canAccessTicket(viewer, row.ticket)) throw new DomainError('NOT_FOUND', 'ticket_not_found', { id: input.ticketId });
  const t = row.ticket;
  const clientKey = input.clientId ? `${viewer.id}:${input.clientId}` : null;
  const sent = clientKey ? q.findMessageByClientKey(tx, clientKey) : undefined;
  if (sent) {
    if (sent.ticketId !== t.id) throw new DomainError('CONFLICT', 'reply_sent_elsewhere');
    return { id: sent.id, status: null, duplicate: true, told: [] as number[], body: text };
  }
  // What the customer gets and the thread keeps: mail keeps the Markdown (its parts are rendered from it);
  // other channels get their own form of the formatting (server/content/reply-format.ts).
  const body = input.internal || input.template ? text : textForChannel(row.channel.kind, signedBody(tx, viewer, t, row.channel.kind, text));
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
    cols.preview = previewOf(replyText(body) || files.map((f) => f.filename).join(', '));
    const copies = (list?: string[]) => list?.map((address) => ({ address }));
    queueOutbound(
      tx,
      t,
      row.channel,
      m.id,
      { text: body, template: input.template, markdown: !input.template, cc: copies(input.cc), bcc: copies(input.bcc) },
      now,
    );
  }
  insertAttachments(tx, m.id, files.map(uploadedAttachment), now);
  q.updateTicketColumns(tx, t.id, cols);
  q.insertEvents(tx, transition.events);
  applySla(tx, t.id, now);
  planSurvey(tx, t.id, transition.events, now);
  planCustomerUpdate(tx, t.id, transition.events, now);
  // A note can call colleagues in by name (@Jana Berger, or @Jana when she is the only Jana).
  const told = input.internal
    ? notifyAgents(tx, 'mentioned', mentionedAgents(body, listActiveAgentNames(tx)), { ticketId: t.id, actorAgentId: viewer.id, createdAt: now })
    : [];
  return { id: m.id, status: transition.status, duplicate: false, told, body };
}
