import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { connectVisitor } from '@/server/testing/widget-visitor';
import { startTestServer } from '@/server/testing/test-server';
import { getDb } from '@/db/client';
import { findTicket } from '@/db/queries/tickets';
import { findCustomer } from '@/db/queries/customers';
import type { WidgetMessage } from '@/lib/widget-events';

let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

const visitor = (token?: string) => connectVisitor(server.url, sockets, { token });

describe('a visitor nobody can answer live leaves an address', () => {
  it('keeps the address on their customer, and the next session knows it', async () => {
    const { socket, session } = await visitor();
    expect(session.availability.agentsOnline).toBe(0);
    expect(session.contactEmail).toBeNull();
    expect(await socket.emitWithAck('contact', { email: 'paula@example.de' })).toMatchObject({ ok: false, error: { message: /Write your message first/ } });

    const sent = (await socket.emitWithAck('message:send', { clientId: `contact-${Date.now()}`, text: 'Ist jemand da?', prechat: { name: 'Paula' } })) as {
      ok: true;
      message: WidgetMessage;
    };
    expect(await socket.emitWithAck('contact', { email: 'kein-email' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await socket.emitWithAck('contact', { email: ' Paula@Example.de ' })).toEqual({ ok: true, email: 'paula@example.de' });
    const customerId = findTicket(getDb(), sent.message.ticketId)!.customerId;
    expect(findCustomer(getDb(), customerId)!.email).toBe('paula@example.de');

    const again = await visitor(session.token);
    expect(again.session.contactEmail).toBe('paula@example.de');
  });
});
