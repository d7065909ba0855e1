import type http from 'node:http';

/**
 * The custom server writes the socket's address into this header before Next sees a request, replacing
 * anything the client sent, so code behind Next (server actions) can rate-limit on an address that
 * cannot be forged. X-Forwarded-For would be the client's word.
 */
export const CLIENT_IP_HEADER = 'x-helpdesk-client-ip';

export function stampClientIp(req: http.IncomingMessage) {
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? 'unknown';
}
