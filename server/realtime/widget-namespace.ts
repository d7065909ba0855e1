import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { WidgetAuth, WidgetClientToServer, WidgetError, WidgetServerToClient } from '@/lib/widget-events';
import { answerValue } from '@/lib/forms/form-definition';
import { getDb } from '@/db/client';
import { findChannel } from '@/db/queries/inbound';
import { findChatChannelByPublicToken, listChatTicketIds, markCustomerRead } from '@/db/queries/chat';
import { ATTRIBUTE_LIMITS, setCustomerAttributes } from '@/server/customers/customer-attributes';
import { findTicketIdOfMessage } from '@/db/queries/messages';
import { getConfig } from '@/server/runtime-config';
import { catalogs } from '@/lib/i18n';
import { fill } from '@/lib/i18n/fill';
import { DomainError } from '@/server/errors/domain-error';
import { chatSettingsSchema } from '@/server/channels/chat/chat-settings';
import { checkVisitorToken, issueVisitorToken, newVisitorId } from '@/server/channels/chat/visitor-token';
import { verifyIdentity } from '@/server/channels/chat/identity-signature';
import { applyVerifiedIdentity, findVisitorConversation, findVisitorCustomerId, visitorExternalId, type Visitor } from '@/server/channels/chat/widget-visitor';
import { availabilityUntilChange, buildWidgetSession } from '@/server/channels/chat/widget-session';
import { chatEnded, receiveChatMessage } from '@/server/channels/chat/receive-chat-message';
import { allowAttributeUpdate } from '@/server/channels/chat/widget-limits';
import { isChatMessageId, newWidgetMessage, widgetMessagesOf } from '@/server/channels/chat/widget-messages';
import { emailTranscript } from '@/server/channels/chat/transcript';
import { getBus, type BusEvents, type NewMessage } from './bus';
import { setWatchProbe } from '@/server/channels/chat/chat-watchers';
import { leaveContactEmail } from '@/server/channels/chat/contact-email';
import { widgetSurveyOf } from '@/server/channels/chat/widget-survey';
import { findSurveyRequest, setCustomerLocale } from '@/db/queries/surveys';
import { recordSurveyAnswer } from '@/server/surveys/record-answer';
import { optOutOfSurveys } from '@/server/surveys/opt-out';
import { consumeSurveyAnswer } from '@/server/forms/submission-limit';

type WidgetSocket = Socket<
  WidgetClientToServer,
  WidgetServerToClient,
  Record<string, never>,
  { visitor: Visitor; ip: string; attributes: Record<string, string>; locale: 'en' | 'de' }
>;

const authSchema: z.ZodType<WidgetAuth> = z.object({
  channel: z.string().min(1).max(64),
  token: z.string().max(200).optional(),
  identity: z
    .object({
      email: z.string().trim().toLowerCase().email().max(200),
      name: z.string().trim().max(100).optional(),
      externalId: z.string().max(100).optional(),
      signature: z.string().max(200),
    })
    .optional(),
  locale: z.enum(['en', 'de']).optional(),
});

const emailSchema = z.string().trim().email().max(200);
// Longer comments reach the domain check and are refused there with the limit in the visitor's language.
const surveyAnswerSchema = z.object({
  requestId: z.number().int().positive(),
  score: z.number().int().min(0).max(10),
  reason: z.string().max(40).nullish(),
  comment: z.string().max(60_000).nullish(),
  submissionKey: z.string().regex(/^[\w-]{8,64}$/),
});
const sendSchema = z.object({
  clientId: z.string().regex(/^[\w-]{8,64}$/),
  text: z.string().max(20_000),
  prechat: z.record(z.string().max(40), answerValue).optional(),
  file: z.object({ name: z.string().min(1).max(200), type: z.string().max(100), data: z.instanceof(Buffer) }).optional(),
});

const attributesSchema = z
  .record(z.string().trim().min(1).max(ATTRIBUTE_LIMITS.MAX_KEY_CHARS), z.string().max(ATTRIBUTE_LIMITS.MAX_VALUE_CHARS))
  .refine((a) => Object.keys(a).length <= ATTRIBUTE_LIMITS.MAX_KEYS, `at most ${ATTRIBUTE_LIMITS.MAX_KEYS} attributes`);

const conv = (ticketId: number) => `conv:${ticketId}`;
const visitorRoom = (v: Visitor) => `visitor:${v.channelId}:${visitorExternalId(v)}`;
const channelRoom = (channelId: number) => `channel:${channelId}`;

/** A refusal as the widget shows it: in the visitor's language, with the key for the widget's own logic. */
function failure(err: unknown, locale: 'en' | 'de'): { ok: false; error: WidgetError } {
  if (err instanceof DomainError) {
    const code = err.code === 'TOO_MANY_REQUESTS' || err.code === 'NOT_FOUND' ? err.code : 'BAD_REQUEST';
    const fieldErrors = (err.details as { fieldErrors?: WidgetError['fieldErrors'] } | undefined)?.fieldErrors;
    return {
      ok: false,
      error: { code, key: err.key, message: fill(catalogs[locale].serverErrors[err.key], err.params), ...(fieldErrors ? { fieldErrors } : {}) },
    };
  }
  console.error('widget:', err);
  return { ok: false, error: { code: 'INTERNAL', message: catalogs[locale].widget.somethingWrong } };
}
const badRequest = (locale: 'en' | 'de', message: keyof (typeof catalogs)['en']['widget']): { ok: false; error: WidgetError } => ({
  ok: false,
  error: { code: 'BAD_REQUEST', message: catalogs[locale].widget[message] },
});

/** Refuses a handshake with a reason the widget can act on (a bad token: start as a new visitor). */
const refuse = (reason: 'bad_request' | 'unknown_channel' | 'invalid_token' | 'identity_refused') => Object.assign(new Error(reason), { data: { reason } });

/**
 * `/widget`: website visitors, authenticated by a signed visitor token (or identified by the site's
 * HMAC signature). A visitor reaches only their own conversations: every event works from the identity
 * the handshake proved, never from ids the client sends. Rooms: `conv:<ticketId>` for live messages,
 * `visitor:<…>` for all of one visitor's tabs, `channel:<id>` for availability (agents online, business hours).
 */
export function mountWidgetNamespace(io: Server) {
  const nsp = io.of('/widget');
  const db = getDb();
  const secret = () => getConfig().sessionSecret;

  nsp.use((raw, next) => {
    const socket = raw as WidgetSocket;
    const auth = authSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(refuse('bad_request'));
    const channel = findChatChannelByPublicToken(db, auth.data.channel);
    const settings = channel && chatSettingsSchema.safeParse(channel.settings);
    if (!channel || !settings?.success) return next(refuse('unknown_channel'));
    let visitorId: string = newVisitorId();
    if (auth.data.token) {
      const checked = checkVisitorToken(secret(), auth.data.token, channel.id);
      if (!checked.ok) return next(refuse('invalid_token'));
      visitorId = checked.visitorId;
    }
    let identified: Visitor['identified'] = null;
    const identity = auth.data.identity;
    if (identity) {
      if (verifyIdentity(settings.data.identitySecret, identity))
        identified = { email: identity.email, name: identity.name ?? '', externalId: identity.externalId };
      else if (settings.data.unverifiedIdentity === 'refuse') return next(refuse('identity_refused'));
    }
    const visitor: Visitor = { channelId: channel.id, visitorId, identified };
    if (identified) applyVerifiedIdentity(db, { ...visitor, identified });
    socket.data = { visitor, ip: socket.handshake.address, attributes: {}, locale: auth.data.locale ?? settings.data.defaultLocale };
    next();
  });

  nsp.on('connection', (raw) => {
    const socket = raw as WidgetSocket;
    const { visitor, ip } = socket.data;
    const channel = findChannel(db, visitor.channelId)!;
    const settings = chatSettingsSchema.parse(channel.settings);
    const session = buildWidgetSession(db, visitor, channel, settings, issueVisitorToken(secret(), visitor.visitorId, visitor.channelId));
    void socket.join([visitorRoom(visitor), channelRoom(visitor.channelId), ...(session.conversation ? [conv(session.conversation.ticketId)] : [])]);
    socket.emit('session', session);

    /** The visitor's own conversations on this widget, looked up from the proven identity. */
    const ownTicketIds = () => {
      const customerId = findVisitorCustomerId(db, visitor);
      return customerId === null ? [] : listChatTicketIds(db, visitor.channelId, customerId);
    };
    const openTicketId = () => {
      const latest = findVisitorConversation(db, visitor);
      return latest && !chatEnded(latest.status) ? latest.id : null;
    };

    /** The visitor's language, once per connection, for what we send them of our own accord (surveys). */
    let localeRemembered = false;
    const rememberLocale = () => {
      const customerId = localeRemembered ? null : findVisitorCustomerId(db, visitor);
      if (customerId === null) return;
      setCustomerLocale(db, customerId, socket.data.locale);
      localeRemembered = true;
    };

    /** Attributes the site set before the visitor wrote wait (within the same limits) until there is a customer to hold them. */
    const applyAttributes = () => {
      const customerId = Object.keys(socket.data.attributes).length ? findVisitorCustomerId(db, visitor) : null;
      if (customerId === null) return;
      setCustomerAttributes(db, customerId, socket.data.attributes);
      socket.data.attributes = {};
    };

    socket.on('attributes', async (payload) => {
      const parsed = attributesSchema.safeParse(payload);
      if (!parsed.success || !(await allowAttributeUpdate(visitor.visitorId))) return;
      const pending = { ...socket.data.attributes, ...parsed.data };
      // Held back for a customer-to-be: never more than one event's worth.
      if (Object.keys(pending).length <= ATTRIBUTE_LIMITS.MAX_KEYS) socket.data.attributes = pending;
      applyAttributes();
    });

    socket.on('message:send', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = sendSchema.safeParse(payload);
      if (!parsed.success) return ack(badRequest(socket.data.locale, 'cannotSend'));
      try {
        const { message, readByAgent } = await receiveChatMessage(db, visitor, parsed.data, ip);
        // Every tab of this visitor follows the conversation (a first message opens it); the others
        // see the message (and its read receipt) now, this one has both in the ack.
        if (!socket.rooms.has(conv(message.ticketId))) nsp.in(visitorRoom(visitor)).socketsJoin(conv(message.ticketId));
        const otherTabs = socket.to(conv(message.ticketId));
        otherTabs.emit('message', message);
        if (readByAgent) otherTabs.emit('read', { ticketId: message.ticketId, upTo: message.id });
        applyAttributes();
        rememberLocale();
        ack({ ok: true, message, ...(readByAgent && { agentReadUpTo: message.id }) });
      } catch (err) {
        ack(failure(err, socket.data.locale));
      }
    });

    socket.on('messages:since', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const afterId = z.object({ afterId: z.number().int().min(0) }).safeParse(payload);
      if (!afterId.success) return ack(badRequest(socket.data.locale, 'cannotSend'));
      ack({ ok: true, messages: widgetMessagesOf(db, ownTicketIds(), afterId.data.afterId) });
    });

    socket.on('typing', (payload) => {
      const typing = z.object({ typing: z.boolean() }).safeParse(payload);
      const ticketId = typing.success ? openTicketId() : null;
      if (ticketId !== null) getBus().emit('chat.typing', { ticketId, who: 'visitor', name: '', typing: typing.data!.typing });
    });

    socket.on('transcript', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = z.object({ email: emailSchema.optional() }).safeParse(payload);
      if (!parsed.success) return ack(badRequest(socket.data.locale, 'invalidEmail'));
      try {
        ack({ ok: true, ...(await emailTranscript(db, visitor, parsed.data.email, socket.data.locale)) });
      } catch (err) {
        ack(failure(err, socket.data.locale));
      }
    });

    socket.on('contact', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = z.object({ email: emailSchema }).safeParse(payload);
      if (!parsed.success) return ack(badRequest(socket.data.locale, 'invalidEmail'));
      try {
        ack({ ok: true, ...leaveContactEmail(db, visitor, parsed.data.email) });
      } catch (err) {
        ack(failure(err, socket.data.locale));
      }
    });

    /** A survey of the visitor's own chats only: the request is looked up, never trusted from the client. */
    const ownSurvey = (requestId: number) => {
      const request = findSurveyRequest(db, requestId);
      if (!request || request.channelId !== visitor.channelId || !ownTicketIds().includes(request.ticketId)) {
        throw new DomainError('NOT_FOUND', 'survey_not_found');
      }
      return request;
    };

    socket.on('survey:answer', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = surveyAnswerSchema.safeParse(payload);
      if (!parsed.success) return ack(failure(new DomainError('BAD_REQUEST', 'survey_score_off_scale'), socket.data.locale));
      try {
        await consumeSurveyAnswer(ip);
        const request = ownSurvey(parsed.data.requestId);
        recordSurveyAnswer(db, { ...parsed.data, source: 'chat', submissionKey: `chat:${visitor.visitorId}:${parsed.data.submissionKey}` });
        ack({ ok: true, survey: widgetSurveyOf(db, request.ticketId)! });
      } catch (err) {
        ack(failure(err, socket.data.locale));
      }
    });

    socket.on('survey:stop', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = z.object({ requestId: z.number().int().positive() }).safeParse(payload);
      if (!parsed.success) return ack(failure(new DomainError('NOT_FOUND', 'survey_not_found'), socket.data.locale));
      try {
        const request = ownSurvey(parsed.data.requestId);
        optOutOfSurveys(db, request.id);
        ack({ ok: true, survey: widgetSurveyOf(db, request.ticketId)! });
      } catch (err) {
        ack(failure(err, socket.data.locale));
      }
    });

    socket.on('read', (payload) => {
      const read = z.object({ upTo: z.number().int().positive() }).safeParse(payload);
      if (!read.success) return;
      const ticketId = findTicketIdOfMessage(db, read.data.upTo);
      // Only a message of one's own conversations can be marked read.
      if (ticketId === undefined || !ownTicketIds().includes(ticketId)) return;
      markCustomerRead(db, ticketId, read.data.upTo);
      getBus().emit('chat.read', { ticketId, by: 'visitor', upTo: read.data.upTo });
    });
  });

  const hasVisitors = (ticketId: number) => (nsp.adapter.rooms.get(conv(ticketId))?.size ?? 0) > 0;
  setWatchProbe('visitor', hasVisitors);
  const onMessage = (m: NewMessage) => {
    // Messages sent from the widget reach the visitor's tabs from the sending socket (see message:send).
    if (m.internal || isChatMessageId(m.channelMessageId) || !hasVisitors(m.ticketId)) return;
    const message = newWidgetMessage(db, m);
    if (message) nsp.to(conv(m.ticketId)).emit('message', message);
  };
  const onSurvey = ({ ticketId }: BusEvents['survey.changed'][0]) => {
    const survey = hasVisitors(ticketId) ? widgetSurveyOf(db, ticketId) : null;
    if (survey) nsp.to(conv(ticketId)).emit('survey', survey);
  };
  const onTyping = ({ ticketId, who, name, typing }: BusEvents['chat.typing'][0]) => {
    if (who === 'agent' && hasVisitors(ticketId)) nsp.to(conv(ticketId)).emit('typing', { ticketId, agentName: name, typing });
  };
  const onRead = ({ ticketId, by, upTo }: BusEvents['chat.read'][0]) => {
    if (by === 'agent' && hasVisitors(ticketId)) nsp.to(conv(ticketId)).emit('read', { ticketId, upTo });
  };
  // Only a change across "ended" is news to the widget (open ↔ pending is not). Status events follow the
  // live messages of the same write, so the agent's last message arrives before the end.
  const onStatus = ({ ticketId, from, to }: BusEvents['ticket.status'][0]) => {
    if (chatEnded(from) === chatEnded(to) || !hasVisitors(ticketId)) return;
    nsp.to(conv(ticketId)).emit('conversation', { ticketId, status: chatEnded(to) ? 'ended' : 'open' });
  };
  // What each widget's visitors were last told, so a re-check with nothing new stays silent.
  const availabilityTold = new Map<string, string>();
  nsp.adapter.on('delete-room', (room: string) => availabilityTold.delete(room));
  // Business hours open and close by the clock: one timer, set to the next opening or closing among the
  // widgets with visitors now (not a periodic scan), re-armed at every check.
  let nextChange: NodeJS.Timeout | undefined;
  const onAvailability = () => {
    const now = Date.now();
    let soonest = Infinity;
    for (const room of nsp.adapter.rooms.keys()) {
      if (!room.startsWith('channel:')) continue;
      const channel = findChannel(db, Number(room.slice('channel:'.length)));
      const settings = channel && chatSettingsSchema.safeParse(channel.settings);
      if (!channel || !settings?.success) continue;
      const { availability, changesAt } = availabilityUntilChange(db, channel, settings.data, now);
      if (changesAt !== null) soonest = Math.min(soonest, changesAt);
      const key = JSON.stringify(availability);
      if (availabilityTold.get(room) === key) continue;
      availabilityTold.set(room, key);
      nsp.to(room).emit('availability', availability);
    }
    clearTimeout(nextChange);
    if (soonest === Infinity) return;
    // Timers cannot wait longer than about 24.8 days; a calendar closed for longer is simply checked again then.
    nextChange = setTimeout(onAvailability, Math.min(Math.max(soonest - Date.now(), 0) + 25, 2 ** 31 - 1));
    nextChange.unref();
  };
  // The first visitor of a widget: its hours join the timer.
  nsp.adapter.on('create-room', (room: string) => {
    if (room.startsWith('channel:')) onAvailability();
  });
  const bus = getBus();
  bus.on('message.created', onMessage);
  bus.on('chat.typing', onTyping);
  bus.on('chat.read', onRead);
  bus.on('ticket.status', onStatus);
  bus.on('chat.availability', onAvailability);
  bus.on('survey.changed', onSurvey);
  return () => {
    bus.off('survey.changed', onSurvey);
    clearTimeout(nextChange);
    setWatchProbe('visitor', undefined);
    bus.off('message.created', onMessage);
    bus.off('chat.typing', onTyping);
    bus.off('chat.read', onRead);
    bus.off('ticket.status', onStatus);
    bus.off('chat.availability', onAvailability);
  };
}
