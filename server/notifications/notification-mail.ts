import crypto from 'node:crypto';
import type { Tx } from '@/db/client';
import { findAgentById } from '@/db/queries/agents';
import { teamTimeZone, withinTeamHours } from '@/server/teams/team-business-hours';
import { findNotification, type NotificationRow } from '@/db/queries/notifications';
import { insertOutbox } from '@/db/queries/outbox';
import { listTicketSlaTargets } from '@/db/queries/sla';
import { findTicket } from '@/db/queries/tickets';
import { sendingInbox } from './sending-inbox';
import type { Locale } from '@/lib/domain';
import type { SlaTarget } from '@/lib/sla-policy';
import { catalogs } from '@/lib/i18n';
import { fill } from '@/lib/i18n/fill';
import { registerJobHandler, scheduleJob } from '@/server/jobs/durable-jobs';
import { getConfig } from '@/server/runtime-config';
import { renderBody, type EmailPayload } from '@/server/channels/email/compose-email';
import { domainOf, type EmailSettings } from '@/server/channels/email/email-settings';

export const NOTIFICATION_MAIL_JOB = 'notification-mail';

/**
 * Email copies of SLA notifications for the agents who asked for them. Each is a durable job (one per
 * notification, so never two mails) that waits for the ticket team's business hours: a warning at 22:00
 * reaches the inbox at the next opening, not at night. When the job runs it writes the mail to the outbox,
 * unless the agent has read the notification in the app by then or the warned target was met meanwhile.
 */
export function planNotificationMails(tx: Tx, rows: readonly NotificationRow[], now: number) {
  for (const n of rows) {
    if (!findAgentById(tx, n.agentId)?.notifyEmail) continue;
    const ticket = findTicket(tx, n.ticketId);
    if (!ticket) continue;
    scheduleJob(
      tx,
      {
        id: `${NOTIFICATION_MAIL_JOB}:${n.id}`,
        kind: NOTIFICATION_MAIL_JOB,
        payload: { notificationId: n.id },
        runAt: withinTeamHours(tx, ticket.teamId, now),
      },
      now,
    );
  }
}

export function registerNotificationMailJobs() {
  registerJobHandler(NOTIFICATION_MAIL_JOB, (tx, payload, { now }) => {
    const { notificationId } = payload as { notificationId: number };
    const n = findNotification(tx, notificationId);
    const agent = n && findAgentById(tx, n.agentId);
    const ticket = n && findTicket(tx, n.ticketId);
    if (!n || !agent || !ticket || n.readAt !== null || !agent.active || !agent.notifyEmail) return;
    // Only SLA notifications are mailed (an unhappy survey answer or a snoozed ticket back is told in the app).
    if ((n.kind !== 'sla_warning' && n.kind !== 'sla_breached') || n.target === null || n.dueAt === null) return;
    if (n.kind === 'sla_warning' && !stillOpen(tx, n)) return;
    const sender = sendingInbox(tx, { channelId: ticket.channelId, teamId: ticket.teamId });
    if (!sender) return;
    const locale = agent.locale ?? agent.notifyEmail;
    const sla = { id: n.id, kind: n.kind, target: n.target, dueAt: n.dueAt, ticketId: n.ticketId, number: ticket.number, subject: ticket.subject };
    const payloadOut = composeNotificationMail(sender.settings, sla, agent, locale, teamTimeZone(tx, ticket.teamId));
    insertOutbox(tx, { notificationId: n.id, channelId: sender.id, payload: payloadOut, now });
  });
}

/** A warning is news only while its target still runs: met or stopped since, the mail would mislead. */
function stillOpen(tx: Tx, n: NotificationRow) {
  return listTicketSlaTargets(tx, n.ticketId).some((t) => t.target === n.target && (t.state === 'running' || t.state === 'paused'));
}

export function composeNotificationMail(
  inbox: EmailSettings,
  n: { id: number; kind: 'sla_warning' | 'sla_breached'; target: SlaTarget; dueAt: number; ticketId: number; number: number; subject: string },
  agent: { email: string; name: string },
  locale: Locale,
  timeZone: string,
): EmailPayload {
  const m = catalogs[locale];
  const due = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }).format(n.dueAt);
  const values = {
    number: n.number,
    subject: n.subject,
    target: m.sla.target[n.target],
    due,
    zone: timeZone,
    url: `${getConfig().publicUrl}/inbox?view=all&ticket=${n.number}`,
  };
  const text = [fill(m.notificationMail[n.kind], values), fill(m.notificationMail.open, values), m.notificationMail.why].join('\n\n');
  return {
    from: { address: inbox.address, name: inbox.displayName },
    replyTo: inbox.address,
    to: [{ address: agent.email, name: agent.name }],
    cc: [],
    subject: fill(m.notificationMail[`subject_${n.kind}`], values),
    messageId: `<n${n.id}.${crypto.randomBytes(6).toString('hex')}@${domainOf(inbox.address)}>`,
    inReplyTo: null,
    references: [],
    ...renderBody(text, ''),
    // Out-of-office robots must not answer a notification.
    autoSubmitted: 'auto-generated',
  };
}
