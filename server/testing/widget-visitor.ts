import { io as connect, type Socket } from 'socket.io-client';
import { DEMO_CHAT_TOKEN } from '@/db/seed/generate';
import type { WidgetAuth, WidgetSession } from '@/lib/widget-events';

export type TestVisitor = { socket: Socket; session: WidgetSession };

/**
 * A website visitor's widget socket on the demo chat widget (or `auth.channel`), resolved once the
 * server sent the session. Sockets go into `opened` so the test can close them all.
 */
export function connectVisitor(url: string, opened: Socket[], auth: Partial<WidgetAuth> = {}): Promise<TestVisitor> {
  return new Promise((resolve, reject) => {
    const socket = connect(`${url}/widget`, { auth: { channel: DEMO_CHAT_TOKEN, ...auth }, transports: ['websocket'], reconnection: false, forceNew: true });
    opened.push(socket);
    socket.once('session', (session: WidgetSession) => resolve({ socket, session }));
    socket.once('connect_error', reject);
  });
}
