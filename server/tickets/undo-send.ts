import crypto from 'node:crypto';
import { type Db, transact } from '@/db/client';
import { findAgentById } from '@/db/queries/agents';
import { findJob } from '@/db/queries/jobs';
import { findTicketWithChannel } from '@/db/queries/tickets';
import type { UploadedFile } from '@/server/content/upload-token';
import { DomainError } from '@/server/errors/domain-error';
import { cancelJob, registerJobHandler, scheduleJob } from '@/server/jobs/durable-jobs';
import { getConfig } from '@/server/runtime-config';
import type { Viewer } from '@/server/auth/sessions';
import { announceReply, checkReply, replyToTicket, writeReply, type ReplyInput } from './reply-to-ticket';
import { canAccessTicket } from './ticket-access';

export const SEND_REPLY_JOB = 'send-reply';

type Planned = { agentId: number; input: Omit<ReplyInput, 'attachments'>; body: string; files: UploadedFile[] };

/**
 * "Undo send": a public reply by email or messenger waits `UNDO_SEND_SECONDS` as a durable job before it
 * is written and handed to the outbox, so the agent can take it back; a restart in between sends it on
 * time. Notes (never leave the helpdesk), live chat replies (a visitor is waiting in the chat) and
 * platform templates go at once, as do all replies when the window is 0.
 */
export async function sendReply(db: Db, viewer: Viewer, input: ReplyInput, now = Date.now()) {
  const windowMs = getConfig().UNDO_SEND_SECONDS * 1000;
  const row = findTicketWithChannel(db, input.ticketId);
  if (!row || !canAccessTicket(viewer, row.ticket)) throw new DomainError('NOT_FOUND', 'ticket_not_found', { id: input.ticketId });
  if (!windowMs || input.internal || input.template || row.channel.kind === 'chat')
    return { ...(await replyToTicket(db, viewer, input, { now })), pending: null };
  // Refused now rather than when the window ends, where nobody would see it.
  if (row.ticket.status === 'closed') throw new DomainError('CONFLICT', 'ticket_closed');
  const { body, files } = checkReply(viewer, input);
  // The composer's id for this send names the job: sending again after a lost answer plans it once.
  const jobId = `${SEND_REPLY_JOB}:${viewer.id}:${input.clientId ?? crypto.randomUUID()}`;
  const { attachments: _receipts, ...rest } = input;
  const payload: Planned = { agentId: viewer.id, input: { ...rest, clientId: jobId.split(':')[2] }, body, files };
  const sendAt = now + windowMs;
  transact(db, (tx) => {
    // A job that already ran or was taken back stays as it is.
    if (!findJob(tx, jobId)) scheduleJob(tx, { id: jobId, kind: SEND_REPLY_JOB, payload, runAt: sendAt }, now);
  });
  return { messageId: null, pending: { id: jobId, sendAt } };
}

/** Takes a waiting reply back: its text and ticket, for the composer; refused once it was sent. */
export function undoSend(db: Db, viewer: Viewer, id: string, now = Date.now()): { ticketId: number; body: string; status: ReplyInput['status'] } {
  // Only one's own replies: the job id carries the agent.
  const job = id.startsWith(`${SEND_REPLY_JOB}:${viewer.id}:`) ? findJob(db, id) : undefined;
  if (!job || job.state === 'cancelled') throw new DomainError('NOT_FOUND', 'reply_not_waiting');
  if (!cancelJob(db, id, now)) throw new DomainError('CONFLICT', 'reply_already_sent');
  const planned = job.payload as Planned;
  return { ticketId: planned.input.ticketId, body: planned.body, status: planned.input.status };
}

export function registerSendReplyJobs() {
  registerJobHandler(SEND_REPLY_JOB, (tx, payload, { now, afterCommit }) => {
    const p = payload as Planned;
    const agent = findAgentById(tx, p.agentId);
    // An agent deactivated within the window: the reply is not sent in their name.
    if (!agent?.active) return;
    const written = writeReply(tx, agent, p.input, p.body, p.files, now);
    if (!written.duplicate) afterCommit(() => announceReply(agent, p.input, written, { body: written.body, files: p.files, now }));
  });
}
