import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { AgentClientToServer, AgentServerToClient } from '@/lib/realtime-events';
import { getDb } from '@/db/client';
import { readSessionToken, validateSession, type Viewer } from '@/server/auth/sessions';
import { getConfig } from '@/server/runtime-config';
import { getBus } from './bus';
import { PresenceRegistry } from './presence';

type AgentSocket = Socket<AgentClientToServer, AgentServerToClient, Record<string, never>, { viewer: Viewer; token: string }>;

const ticketIdSchema = z.number().int().positive();
const typingSchema = z.object({ ticketId: ticketIdSchema, typing: z.boolean() });

/**
 * `/agent`: signed-in agents only (session cookie checked at the handshake and again on every event, so a
 * revoked session stops at once). Rooms: `ticket:<id>` for presence; ticket changes go to every agent
 * because every inbox list may show the ticket.
 */
export function mountAgentNamespace(io: Server) {
  const nsp = io.of('/agent');
  const presence = new PresenceRegistry();
  const ttl = () => getConfig().SESSION_TTL_HOURS * 3600_000;
  const room = (ticketId: number) => `ticket:${ticketId}`;
  const broadcastPresence = (ticketId: number) => nsp.to(room(ticketId)).emit('presence', { ticketId, viewers: presence.viewers(ticketId) });

  nsp.use((socket, next) => {
    const token = readSessionToken(socket.handshake.headers.cookie);
    const viewer = validateSession(getDb(), token, ttl());
    if (!viewer || !token) return next(new Error('unauthorized'));
    (socket as AgentSocket).data = { viewer, token };
    next();
  });

  nsp.on('connection', (raw) => {
    const socket = raw as AgentSocket;
    // Every event re-checks the session: a sign-out or deactivation elsewhere ends this socket's rights.
    const authorized = () => {
      if (validateSession(getDb(), socket.data.token, ttl())) return true;
      socket.emit('session:ended');
      socket.disconnect(true);
      return false;
    };

    socket.on('ticket:view', (id) => {
      const parsed = ticketIdSchema.safeParse(id);
      if (!parsed.success || !authorized()) return;
      presence.view(parsed.data, socket.id, socket.data.viewer);
      void socket.join(room(parsed.data));
      broadcastPresence(parsed.data);
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
      if (!parsed.success || !authorized()) return;
      if (presence.setTyping(parsed.data.ticketId, socket.id, parsed.data.typing)) broadcastPresence(parsed.data.ticketId);
    });

    socket.on('disconnect', () => {
      for (const ticketId of presence.leaveAll(socket.id)) broadcastPresence(ticketId);
    });
  });

  const bus = getBus();
  const onChange = (change: Parameters<AgentServerToClient['ticket:changed']>[0]) => nsp.emit('ticket:changed', change);
  const onRevoked = ({ sessionIds }: { sessionIds: string[] }) => {
    for (const s of nsp.sockets.values()) {
      const socket = s as AgentSocket;
      if (sessionIds.includes(socket.data.viewer.sessionId)) {
        socket.emit('session:ended');
        socket.disconnect(true);
      }
    }
  };
  bus.on('ticket.changed', onChange);
  bus.on('session.revoked', onRevoked);
  return () => {
    bus.off('ticket.changed', onChange);
    bus.off('session.revoked', onRevoked);
  };
}
