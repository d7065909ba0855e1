import { widgetSurveyOf } from './widget-survey';
import type { Db } from '@/db/client';
import { findLatestTicketOnChannel, listTeamMemberIds } from '@/db/queries/chat';
import type { WidgetAvailability, WidgetConversation, WidgetSession } from '@/lib/widget-events';
import { businessHoursAt } from '@/lib/business-hours';
import { findBusinessCalendar } from '@/server/calendars/calendar-admin';
import { getConfig } from '@/server/runtime-config';
import { onlineAgentIds } from '@/server/realtime/online-agents';
import { appearanceOf, type ChatSettings } from './chat-settings';
import { prechatOf, prefillFor } from './prechat';
import { chatEnded, MAX_CHAT_MESSAGE } from './receive-chat-message';
import { widgetMessagesOf } from './widget-messages';
import { contactEmailOf } from './contact-email';
import { findVisitorCustomerId, type Visitor } from './widget-visitor';

/** Agents of the channel's team (every agent when it has none) who have the app open now. */
export function agentsOnlineFor(db: Db, teamId: number | null): number {
  const online = onlineAgentIds();
  if (teamId === null) return online.length;
  const members = new Set(listTeamMemberIds(db, teamId));
  return online.filter((id) => members.has(id)).length;
}

/** Who answers now: online agents of the widget's team, within the widget's business hours. */
export function availabilityFor(
  db: Db,
  channel: { defaultTeamId: number | null },
  settings: Pick<ChatSettings, 'calendarId'>,
  now = Date.now(),
): WidgetAvailability {
  return availabilityUntilChange(db, channel, settings, now).availability;
}

/** The availability and when the widget's business hours next open or close (null: never, or always open). */
export function availabilityUntilChange(db: Db, channel: { defaultTeamId: number | null }, settings: Pick<ChatSettings, 'calendarId'>, now = Date.now()) {
  const calendar = findBusinessCalendar(db, settings.calendarId);
  const hours = calendar ? businessHoursAt(calendar, now) : { open: true, changesAt: null };
  const availability: WidgetAvailability = {
    agentsOnline: agentsOnlineFor(db, channel.defaultTeamId),
    open: hours.open,
    opensAt: hours.open ? null : hours.changesAt,
  };
  return { availability, changesAt: hours.changesAt };
}

/** The visitor's newest conversation with its last messages, or null for someone who never wrote. */
export function currentConversation(db: Db, visitor: Visitor): WidgetConversation | null {
  const customerId = findVisitorCustomerId(db, visitor);
  const ticket = customerId === null ? undefined : findLatestTicketOnChannel(db, visitor.channelId, customerId);
  if (!ticket) return null;
  const messages = widgetMessagesOf(db, [ticket.id], 0, 500).slice(-100);
  return {
    ticketId: ticket.id,
    number: ticket.number,
    status: chatEnded(ticket.status) ? 'ended' : 'open',
    messages,
    agentReadUpTo: ticket.agentReadMessageId,
    survey: widgetSurveyOf(db, ticket.id),
  };
}

export function buildWidgetSession(db: Db, visitor: Visitor, channel: { defaultTeamId: number | null }, settings: ChatSettings, token: string): WidgetSession {
  const conversation = currentConversation(db, visitor);
  const prechat = prechatOf(db, settings);
  return {
    token,
    identified: visitor.identified ? { email: visitor.identified.email, name: visitor.identified.name } : null,
    conversation,
    prechat: { fields: prechat.definition.fields, version: prechat.version },
    prefill: prefillFor(prechat.definition, visitor.identified),
    availability: availabilityFor(db, channel, settings),
    contactEmail: contactEmailOf(db, visitor),
    appearance: appearanceOf(settings, { maxFileMb: getConfig().ATTACHMENT_MAX_MB, maxMessageLength: MAX_CHAT_MESSAGE }),
  };
}
