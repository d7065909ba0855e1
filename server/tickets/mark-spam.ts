import { type Db, transact, type Tx } from '@/db/client';
import type { MessageMeta } from '@/db/schema';
import * as q from '@/db/queries/tickets';
import { findChannel } from '@/db/queries/inbound';
import { applySla } from '@/server/sla/apply-sla';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';
import { getConfig } from '@/server/runtime-config';
import type { Viewer } from '@/server/auth/sessions';
import { emailSettingsSchema } from '@/server/channels/email/email-settings';
import { queueAcknowledgement } from '@/server/channels/email/acknowledge';
import { spamdLearn } from '@/server/channels/email/spam/spamc';
import { lessonMessage } from '@/server/channels/email/spam/lesson-message';
import { ticketEvent } from '@/lib/ticket-events';
import { canAccessTicket } from './ticket-access';

/**
 * An agent marks a ticket as spam (it leaves every view but Spam) or releases it (it comes back, and
 * an email that was held gets the acknowledgement it was denied). Recorded as an event; the opening
 * message is taught to spamd (Bayes) as spam or ham when spamd is configured. `learned` says whether
 * spamd took the lesson (null: no spamd, or nothing to learn from).
 */
export async function markSpam(db: Db, viewer: Viewer, ticketId: number, spam: boolean): Promise<{ changed: boolean; learned: boolean | null }> {
  const now = Date.now();
  const lesson = transact(db, (tx) => {
    const row = q.findTicketWithChannel(tx, ticketId);
    if (!row || !canAccessTicket(viewer, row.ticket)) throw new DomainError('NOT_FOUND', 'ticket_not_found', { id: ticketId });
    if (row.ticket.isSpam === spam) return undefined;
    q.updateTicketColumns(tx, ticketId, { isSpam: spam, updatedAt: now });
    const actor = { kind: 'agent', agentId: viewer.id } as const;
    q.insertEvents(tx, [spam ? ticketEvent(ticketId, 'marked_spam', {}, actor, now) : ticketEvent(ticketId, 'marked_not_spam', {}, actor, now)]);
    const opening = q.listMessages(tx, ticketId).find((m) => m.authorKind === 'customer');
    if (!spam && row.channel.kind === 'email' && opening) acknowledgeReleased(tx, row.ticket, opening.meta, now);
    applySla(tx, ticketId, now);
    return { opening: row.channel.kind === 'email' ? opening : undefined };
  });
  if (lesson === undefined) return { changed: false, learned: null };
  getBus().emit('ticket.changed', { ticketId, kind: 'updated', actorAgentId: viewer.id });
  const config = getConfig();
  if (!config.SPAMD_HOST || !lesson.opening) return { changed: true, learned: null };
  try {
    await spamdLearn(
      { host: config.SPAMD_HOST, port: config.SPAMD_PORT, timeoutMs: config.SPAMD_TIMEOUT_MS },
      lessonMessage(lesson.opening),
      spam ? 'spam' : 'ham',
    );
    return { changed: true, learned: true };
  } catch (err) {
    console.error(`Teaching spamd about ticket ${ticketId} failed:`, err);
    return { changed: true, learned: false };
  }
}

/** The acknowledgement a held email did not get, unless it was automatic, its sender failed DMARC, or one went out already. */
function acknowledgeReleased(tx: Tx, ticket: q.TicketRow, meta: MessageMeta | null, now: number) {
  if (meta?.autoSubmitted || meta?.email?.checks?.auth?.dmarc === 'fail') return;
  if (q.listEvents(tx, ticket.id).some((e) => e.type === 'acknowledgement_sent')) return;
  const channel = findChannel(tx, ticket.channelId);
  const settings = emailSettingsSchema.safeParse(channel?.settings);
  const first = q.listMessages(tx, ticket.id).find((m) => m.authorKind === 'customer');
  if (channel && settings.success) queueAcknowledgement(tx, { ...channel, settings: settings.data }, ticket, first?.bodyText ?? '', now);
}
