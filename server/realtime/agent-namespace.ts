import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { AgentClientToServer, AgentServerToClient, TicketChange } from '@/lib/realtime-events';
import { ChangeBatcher } from './change-batcher';
import { getDb } from '@/db/client';
import { readSessionToken, validateSession, validateSessionId, type Viewer } from '@/server/auth/sessions';
import { getConfig } from '@/server/runtime-config';
import { getBus, type BusEvents } from './bus';
import { agentConnected, agentDisconnected } from './online-agents';
import { recordAgentOnline } from './presence-spans';
import { replyToTicket } from '@/server/tickets/reply-to-ticket';
import { replyInputSchema } from '@/server/tickets/reply-input';
import { DomainError } from '@/server/errors/domain-error';
import { markChatSeen } from '@/server/channels/chat/mark-chat-seen';
import { setWatchProbe } from '@/server/channels/chat/chat-watchers';
import { PresenceRegistry } from './presence';
import { fromOwnOrigin } from '@/server/http/same-origin';
import { findTicket } from '@/db/queries/tickets';
import { canAccessTicket } from '@/server/tickets/ticket-access';

type AgentSocket = Socket<AgentClientToServer, AgentServerToClient, Record<string, never>, { viewer: Viewer }>;

const ticketIdSchema = z.number().int().positive();
const typingSchema = z.object({ ticketId: ticketIdSchema, typing: z.boolean() });

/**
 * `/agent`: signed-in agents only (session cookie checked at the handshake and again on every event, so a
 * revoked session stops at once). Rooms: `ticket:<id>` for presence and the open conversation's live
 * messages; `agent:<id>` for what concerns one agent; ticket changes go to every agent (batched) because
 * every inbox list may show the ticket.
 */
export function mountAgentNamespace(io: Server) {
  const nsp = io.of('/agent');
  const seen = (ticketId: number) => void markChatSeen(getDb(), ticketId).catch((err) => console.error('Marking a chat seen failed:', err));
  const presence = new PresenceRegistry();
  const ttl = () => getConfig().SESSION_TTL_HOURS * 3600_000;
  const room = (ticketId: number) => `ticket:${ticketId}`;
  const broadcastPresence = (ticketId: number) => nsp.to(room(ticketId)).emit('presence', { ticketId, viewers: presence.viewers(ticketId) });

  nsp.use((socket, next) => {
    // The session cookie goes along with any page of the same site (a sibling subdomain too): only our
    // own origin may use it, the same rule tRPC applies to mutations.
    if (!fromOwnOrigin(socket.request, getConfig().publicUrl)) return next(new Error('forbidden_origin'));
    const token = readSessionToken(socket.handshake.headers.cookie);
    const viewer = validateSession(getDb(), token, ttl());
    if (!viewer) return next(new Error('unauthorized'));
    (socket as AgentSocket).data = { viewer };
    next();
  });

  nsp.on('connection', (raw) => {
    const socket = raw as AgentSocket;
    // Events re-check the session, at most once a second (agents type and reply many times a second):
    // a sign-out or deactivation ends this socket at once through the bus (onRevoked below); the
    // re-check catches expiry and sessions removed any other way.
    let checkedAt = 0;
    const authorized = () => {
      const now = Date.now();
      if (now - checkedAt < 1000) return true;
      if (validateSessionId(getDb(), socket.data.viewer.sessionId, ttl())) {
        checkedAt = now;
        return true;
      }
      socket.emit('session:ended');
      socket.disconnect(true);
      return false;
    };

    agentConnected(socket.data.viewer.id);
    recordAgentOnline(getDb(), socket.data.viewer.id);
    // Every tab of this agent, for what concerns them alone (notifications).
    void socket.join(`agent:${socket.data.viewer.id}`);

    socket.on('ticket:view', (id) => {
      const parsed = ticketIdSchema.safeParse(id);
      if (!parsed.success || !authorized()) return;
      const ticket = findTicket(getDb(), parsed.data);
      if (!ticket || !canAccessTicket(socket.data.viewer, ticket)) return;
      presence.view(parsed.data, socket.id, socket.data.viewer);
      void socket.join(room(parsed.data));
      broadcastPresence(parsed.data);
      seen(parsed.data);
    });

    socket.on('reply', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = replyInputSchema.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, message: 'Bad request' });
      if (!authorized()) return ack({ ok: false, message: 'Your session has ended' });
      try {
        ack({ ok: true, ...(await replyToTicket(getDb(), socket.data.viewer, parsed.data, { originSocketId: socket.id })) });
      } catch (err) {
        if (!(err instanceof DomainError)) console.error('Agent reply failed:', err);
        // Shaped like a tRPC error, so the composer says it in the agent's language either way.
        ack(
          err instanceof DomainError
            ? { ok: false, message: err.message, data: { key: err.key, params: err.params } }
            : { ok: false, message: 'The reply could not be saved; please try again' },
        );
      }
    });

    socket.on('ticket:leave', (id) => {
      const parsed = ticketIdSchema.safeParse(id);
      if (!parsed.success) return;
      presence.leave(parsed.data, socket.id);
      void socket.leave(room(parsed.data));
      broadcastPresence(parsed.data);
    });

    socket.on('typing', (payload) => {
      const parsed = typingSchema.safeParse(payload);
      // Only in a ticket this socket is viewing (ticket:view checked the access).
      if (!parsed.success || !authorized() || !socket.rooms.has(room(parsed.data.ticketId))) return;
      if (presence.setTyping(parsed.data.ticketId, socket.id, parsed.data.typing)) {
        broadcastPresence(parsed.data.ticketId);
        getBus().emit('chat.typing', { ticketId: parsed.data.ticketId, who: 'agent', name: socket.data.viewer.name, typing: parsed.data.typing });
      }
    });

    socket.on('disconnect', () => {
      for (const ticketId of presence.leaveAll(socket.id)) broadcastPresence(ticketId);
      agentDisconnected(socket.data.viewer.id);
    });
  });

  const bus = getBus();
  const batcher = new ChangeBatcher(100, (changes) => nsp.emit('tickets:changed', changes));
  const onChange = (change: TicketChange) => batcher.add(change);
  const onRevoked = ({ sessionIds }: { sessionIds: string[] }) => {
    for (const s of nsp.sockets.values()) {
      const socket = s as AgentSocket;
      if (sessionIds.includes(socket.data.viewer.sessionId)) {
        socket.emit('session:ended');
        socket.disconnect(true);
      }
    }
  };
  // Not back to the socket that sent it (the composer has its ack); other agents and tabs in the chat get it.
  const onMessage = ({ originSocketId, ...m }: BusEvents['message.created'][0]) =>
    nsp
      .to(room(m.ticketId))
      .except(originSocketId ?? [])
      .emit('ticket:message', m);
  // A chat message arriving while an agent has the conversation open is read on arrival (see ingest).
  setWatchProbe('agent', (ticketId) => (nsp.adapter.rooms.get(room(ticketId))?.size ?? 0) > 0);
  const onTyping = ({ ticketId, who, typing }: BusEvents['chat.typing'][0]) => {
    if (who === 'visitor') nsp.to(room(ticketId)).emit('customer:typing', { ticketId, typing });
  };
  const onRead = ({ ticketId, by, upTo }: BusEvents['chat.read'][0]) => {
    if (by === 'visitor') nsp.to(room(ticketId)).emit('customer:read', { ticketId, upTo });
  };
  const onNotifications = ({ agentIds }: BusEvents['notifications.new'][0]) => {
    for (const id of agentIds) nsp.to(`agent:${id}`).emit('notifications:new');
  };
  bus.on('ticket.changed', onChange);
  bus.on('notifications.new', onNotifications);
  const onStatus = () => nsp.emit('agents:status');
  bus.on('agent.status', onStatus);
  bus.on('session.revoked', onRevoked);
  bus.on('message.created', onMessage);
  bus.on('chat.typing', onTyping);
  bus.on('chat.read', onRead);
  return () => {
    setWatchProbe('agent', undefined);
    batcher.drain();
    bus.off('ticket.changed', onChange);
    bus.off('notifications.new', onNotifications);
    bus.off('agent.status', onStatus);
    bus.off('session.revoked', onRevoked);
    bus.off('message.created', onMessage);
    bus.off('chat.typing', onTyping);
    bus.off('chat.read', onRead);
  };
}
