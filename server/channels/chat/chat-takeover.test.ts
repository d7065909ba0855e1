import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { connectVisitor } from '@/server/testing/widget-visitor';
import { startTestServer, httpClient } from '@/server/testing/test-server';
import { DEMO_CHAT_TOKEN, DEMO_PASSWORD } from '@/db/seed/generate';
import { getDb } from '@/db/client';
import { findTicket } from '@/db/queries/tickets';
import { findChatChannelByPublicToken } from '@/db/queries/chat';
import { findCustomer } from '@/db/queries/customers';
import { signIdentity } from './identity-signature';
import type { WidgetAuth, WidgetMessage } from '@/lib/widget-events';

let server: Awaited<ReturnType<typeof startTestServer>>;
let agent: ReturnType<typeof httpClient>;
let secret = '';
const open: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  agent = httpClient(server.url);
  await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
  secret = (findChatChannelByPublicToken(getDb(), DEMO_CHAT_TOKEN)!.settings as { identitySecret: string }).identitySecret;
});
afterAll(async () => {
  for (const s of open) s.close();
  await server?.close();
});

const visitor = (auth: Partial<WidgetAuth> = {}) => connectVisitor(server.url, open, auth);
const signedIn = (email: string, token?: string) => visitor({ token, identity: { email, name: 'Echte Person', signature: signIdentity(secret, email) } });
let n = 0;
const send = async (s: Socket, text: string, prechat: Record<string, unknown> = {}) => {
  const res = await s.emitWithAck('message:send', { clientId: `takeover-${n++}-${Date.now()}`, text, prechat });
  if (!res.ok) throw new Error(res.error.message);
  return res.message as WidgetMessage;
};
const customerOf = (ticketId: number) => findTicket(getDb(), ticketId)!.customerId;

/** Everything the attacker's socket hears from now on, and what its catch-up call returns at the end. */
function listen(s: Socket) {
  const heard: string[] = [];
  s.on('message', (m: WidgetMessage) => heard.push(m.text));
  return { heard, since: async () => ((await s.emitWithAck('messages:since', { afterId: 0 })).messages as WidgetMessage[]).map((m) => m.text) };
}

describe('a typed email address is a claim, not an identity', () => {
  it.each([
    ['typed in the pre-chat form', 'opfer.prechat@example.de', async (s: Socket, email: string) => void (await send(s, 'Hallo', { email }))],
    [
      'left as the contact address',
      'opfer.kontakt@example.de',
      async (s: Socket, email: string) => {
        await send(s, 'Hallo');
        expect(await s.emitWithAck('contact', { email })).toMatchObject({ ok: true });
      },
    ],
  ])('an anonymous visitor who %s does not capture the signed-in owner of that address', async (_how, email, claim) => {
    const attacker = await visitor();
    await claim(attacker.socket, email);
    const attackerTicket = ((await attacker.socket.emitWithAck('messages:since', { afterId: 0 })).messages as WidgetMessage[])[0]!.ticketId;
    const spy = listen(attacker.socket);

    // The real owner of the address opens the widget in their own browser, signed in on the site.
    const owner = await signedIn(email);
    expect(owner.session.conversation).toBeNull();
    const secretMessage = await send(owner.socket, 'Meine IBAN ist DE02 1203 0000 0000 2020 51');
    expect(customerOf(secretMessage.ticketId)).not.toBe(customerOf(attackerTicket));
    const live = new Promise<WidgetMessage>((r) => owner.socket.once('message', r));
    expect(await agent.mutate('tickets.reply', { ticketId: secretMessage.ticketId, body: 'Danke, Ihr Konto ist geprüft.' })).toMatchObject({ ok: true });
    await live;

    // Neither live nor through the catch-up call nor after a reconnect does the claimant see any of it.
    expect(spy.heard).toEqual([]);
    expect(await spy.since()).not.toContain('Danke, Ihr Konto ist geprüft.');
    const again = await visitor({ token: attacker.session.token });
    expect(again.session.conversation?.ticketId).toBe(attackerTicket);
    expect(again.session.conversation!.messages.map((m) => m.text)).not.toContain('Meine IBAN ist DE02 1203 0000 0000 2020 51');

    // Agents see the owner's identities on the owner's record, and the claim marked as one.
    const ownerCustomer = findCustomer(getDb(), customerOf(secretMessage.ticketId))!;
    expect(ownerCustomer).toMatchObject({ email, emailVerified: true });
    expect(findCustomer(getDb(), customerOf(attackerTicket))).toMatchObject({ email, emailVerified: false });
    const profile = await agent.query('customers.profile', { id: customerOf(attackerTicket) });
    expect(profile).toMatchObject({ ok: true, data: { emailVerified: false } });
    expect(profile.ok && profile.data.identities.map((i: { externalId: string }) => i.externalId)).not.toContain(email);
  });

  it('moves what a browser wrote anonymously to the person who then signs in there, and keeps the anonymous token out', async () => {
    const anonymous = await visitor();
    const first = await send(anonymous.socket, 'Vor dem Anmelden', { email: 'getippt@example.de' });
    const identified = await signedIn('angemeldet@example.de', anonymous.session.token);
    expect(identified.session.conversation?.ticketId).toBe(first.ticketId);
    expect(identified.session.conversation!.messages.map((m) => m.text)).toEqual(['Vor dem Anmelden']);
    expect(findCustomer(getDb(), customerOf(first.ticketId))).toMatchObject({ email: 'angemeldet@example.de', emailVerified: true });

    // The same token without the signature (a copy of it, or the site signed the user out) starts afresh.
    const signedOut = await visitor({ token: anonymous.session.token });
    expect(signedOut.session.conversation).toBeNull();
    expect((await signedOut.socket.emitWithAck('messages:since', { afterId: 0 })).messages).toEqual([]);
  });
});
