import crypto from 'node:crypto';
import type { Tx } from '@/db/client';
import { findAgentById, findTeam } from '@/db/queries/agents';
import { findCalendar } from '@/db/queries/calendars';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { findNotification, type NotificationRow } from '@/db/queries/notifications';
import { insertOutbox } from '@/db/queries/outbox';
import { listTicketSlaTargets } from '@/db/queries/sla';
import { findTicket, type TicketRow } from '@/db/queries/tickets';
import { businessHoursAt } from '@/lib/business-hours';
import type { Locale } from '@/lib/domain';
import { catalogs } from '@/lib/i18n';
import { fill } from '@/lib/i18n/fill';
import { registerJobHandler, scheduleJob } from '@/server/jobs/durable-jobs';
import { getConfig } from '@/server/runtime-config';
import { renderBody, type EmailPayload } from '@/server/channels/email/compose-email';
import { domainOf, emailSettingsSchema, type EmailSettings } from '@/server/channels/email/email-settings';

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
      { id: `${NOTIFICATION_MAIL_JOB}:${n.id}`, kind: NOTIFICATION_MAIL_JOB, payload: { notificationId: n.id }, runAt: sendAt(tx, ticket, now) },
      now,
    );
  }
}

/** Now when the ticket's team is open (or keeps no business hours), else the team's next opening. */
export function sendAt(tx: Tx, ticket: Pick<TicketRow, 'teamId'>, now: number): number {
  const calendar = teamCalendar(tx, ticket.teamId);
  if (!calendar) return now;
  const hours = businessHoursAt(calendar, now);
  // A calendar that never opens again would hold the mail forever; the in-app notification stays either way.
  return hours.open || hours.changesAt === null ? now : hours.changesAt;
}

function teamCalendar(tx: Tx, teamId: number | null) {
  const calendarId = teamId === null ? null : (findTeam(tx, teamId)?.calendarId ?? null);
  return calendarId === null ? undefined : findCalendar(tx, calendarId);
}

export function registerNotificationMailJobs() {
  registerJobHandler(NOTIFICATION_MAIL_JOB, (tx, payload, { now }) => {
    const { notificationId } = payload as { notificationId: number };
    const n = findNotification(tx, notificationId);
    const agent = n && findAgentById(tx, n.agentId);
    const ticket = n && findTicket(tx, n.ticketId);
    if (!n || !agent || !ticket || n.readAt !== null || !agent.active || !agent.notifyEmail) return;
    if (n.kind === 'sla_warning' && !stillOpen(tx, n)) return;
    const sender = senderInbox(tx, ticket);
    if (!sender) return;
    const locale = agent.locale ?? agent.notifyEmail;
    const payloadOut = composeNotificationMail(sender.settings, { ...n, number: ticket.number, subject: ticket.subject }, agent, locale, zoneOf(tx, ticket));
    insertOutbox(tx, { notificationId: n.id, channelId: sender.id, payload: payloadOut, now });
  });
}

/** A warning is news only while its target still runs: met or stopped since, the mail would mislead. */
function stillOpen(tx: Tx, n: NotificationRow) {
  return listTicketSlaTargets(tx, n.ticketId).some((t) => t.target === n.target && (t.state === 'running' || t.state === 'paused'));
}

/** The ticket's own inbox when it is an email inbox that can send, else one for the ticket's team, else any. */
function senderInbox(tx: Tx, ticket: TicketRow): { id: number; settings: EmailSettings } | undefined {
  const sending = listChannelsOfKind(tx, 'email').flatMap((c) => {
    const s = emailSettingsSchema.safeParse(c.settings);
    return s.success && s.data.smtp ? [{ id: c.id, teamId: c.defaultTeamId, settings: s.data }] : [];
  });
  return sending.find((c) => c.id === ticket.channelId) ?? sending.find((c) => c.teamId !== null && c.teamId === ticket.teamId) ?? sending[0];
}

function zoneOf(tx: Tx, ticket: TicketRow) {
  const team = ticket.teamId === null ? undefined : findTeam(tx, ticket.teamId);
  return (team?.calendarId != null ? findCalendar(tx, team.calendarId)?.timeZone : undefined) ?? team?.timeZone ?? 'Europe/Berlin';
}

export function composeNotificationMail(
  inbox: EmailSettings,
  n: Pick<NotificationRow, 'id' | 'kind' | 'target' | 'dueAt' | 'ticketId'> & { number: number; subject: string },
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
    url: `${getConfig().publicUrl}/inbox?view=all&t=${n.ticketId}`,
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
