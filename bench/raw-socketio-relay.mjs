// Baseline for the widget benchmark: a bare socket.io server with the same message shape as the
// helpdesk (visitor → agent room, agent → visitor room, acks), but no database, no auth, no domain code.
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer();
const io = new Server(server, { serveClient: false });
io.of('/widget').on('connection', (socket) => {
  const ticketId = Number(socket.handshake.auth.ticketId);
  void socket.join(`conv:${ticketId}`);
  socket.emit('session', { ok: true });
  socket.on('message:send', (m, ack) => {
    ack({ ok: true, message: { id: 0, ticketId, text: m.text } });
    io.of('/agent').to(`ticket:${ticketId}`).emit('ticket:message', { ticketId, text: m.text, authorKind: 'customer' });
  });
});
io.of('/agent').on('connection', (socket) => {
  socket.on('ticket:view', (id) => void socket.join(`ticket:${id}`));
  socket.on('reply', (r, ack) => {
    ack({ ok: true, messageId: 0 });
    io.of('/widget').to(`conv:${r.ticketId}`).emit('message', { ticketId: r.ticketId, text: r.body, author: 'agent' });
  });
});
server.listen(0, '127.0.0.1', () => console.log(`raw relay on port ${server.address().port}`));
