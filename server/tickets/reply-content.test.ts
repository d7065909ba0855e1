import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, messages, outbox } from '@/db/schema';
import { setCustomerLocale } from '@/db/queries/surveys';
import { loadConfig } from '@/server/config';
import { setConfig } from '@/server/runtime-config';
import type { Viewer } from '@/server/auth/sessions';
import { createTestTicket } from '@/server/testing/fixtures';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { createCaller } from '@/server/trpc/root';
import { replyToTicket } from './reply-to-ticket';

// An agent's own signature under their public mail replies, through the tRPC procedures and the reply path
// on a real SQLite file: the customer's language, placeholders filled, stored as sent, never on chats or notes.
let db: Db;
let close: () => void;
let jana: Viewer;
const T = Date.UTC(2026, 11, 1, 9);

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  setConfig(loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'helpdesk-signature') }));
  jana = viewerOf(db, 'jana@demo.local');
});
afterAll(() => close());

const auth = (v: Viewer) => createCaller({ db, viewer: v, ip: '127.0.0.1', originOk: true }).auth;
const stored = (id: number) => db.select().from(messages).where(eq(messages.id, id)).get()!;
const mailOf = (messageId: number) =>
  db.select().from(outbox).where(eq(outbox.messageId, messageId)).get()?.payload as { text: string; html: string } | undefined;
async function replyOn(o: Parameters<typeof createTestTicket>[1], body: string, internal = false, locale?: 'de' | 'en') {
  const { ticket, customer } = createTestTicket(db, { at: T, ...o });
  // Mail needs an address to go to.
  db.update(customers)
    .set({ email: `kunde${customer.id}@example.de` })
    .where(eq(customers.id, customer.id))
    .run();
  if (locale) setCustomerLocale(db, customer.id, locale);
  const { messageId } = await replyToTicket(db, jana, { ticketId: ticket.id, body, internal }, { now: T + 1000 });
  return { message: stored(messageId), ticket };
}

describe('agent signatures', () => {
  it('keeps an English and a German signature, refusing an unknown placeholder and an overlong text', async () => {
    expect(await auth(jana).signature()).toEqual({ en: '', de: '' });
    await expect(auth(jana).setSignature({ en: 'Best, {{agent.nmae}}', de: '' })).rejects.toThrow('{{agent.nmae}}');
    await expect(auth(jana).setSignature({ en: 'x'.repeat(2001), de: '' })).rejects.toThrow();
    expect(
      await auth(jana).setSignature({ en: ' Best regards,\n{{agent.name}} ', de: 'Viele Grüße\n{{ agent.first_name }} – Ticket #{{ticket.number}}' }),
    ).toEqual({
      en: 'Best regards,\n{{agent.name}}',
      de: 'Viele Grüße\n{{ agent.first_name }} – Ticket #{{ticket.number}}',
    });
  });

  it('signs a German customer’s email in German with the placeholders filled, as stored and as sent', async () => {
    const { message, ticket } = await replyOn({ channel: 'email' }, 'Die Gutschrift ist unterwegs.', false, 'de');
    const signed = `Die Gutschrift ist unterwegs.\n\nViele Grüße\nJana – Ticket #${ticket.number}`;
    expect(message.bodyText).toBe(signed);
    // The inbox's own signature, if any, follows below the agent's.
    expect(mailOf(message.id)!.text.startsWith(signed)).toBe(true);
    expect(mailOf(message.id)!.html).toMatch(/Viele Grüße<br ?\/?>\s*Jana/);
  });

  it('signs in the language the customer wrote in when none is known, and on web-form tickets too', async () => {
    const { message } = await replyOn(
      { channel: 'web_form', text: 'Hello, my parcel has not arrived and I would like to know where it is.' },
      'It ships today.',
    );
    expect(message.bodyText).toBe('It ships today.\n\nBest regards,\nJana Berger');
  });

  it('leaves chats, messengers and notes unsigned', async () => {
    expect((await replyOn({ channel: 'chat' }, 'Einen Moment bitte.')).message.bodyText).toBe('Einen Moment bitte.');
    expect((await replyOn({ channel: 'telegram' }, 'Gern!')).message.bodyText).toBe('Gern!');
    expect((await replyOn({ channel: 'email' }, 'Intern: bitte prüfen', true, 'de')).message.bodyText).toBe('Intern: bitte prüfen');
  });

  it('uses the one signature there is whatever the customer’s language, and none once cleared', async () => {
    await auth(jana).setSignature({ en: '', de: 'Jana vom Kundenservice' });
    expect((await replyOn({ channel: 'email' }, 'Done.', false, 'en')).message.bodyText).toBe('Done.\n\nJana vom Kundenservice');
    await auth(jana).setSignature({ en: '', de: '' });
    expect((await replyOn({ channel: 'email' }, 'Done.', false, 'en')).message.bodyText).toBe('Done.');
  });
});

describe('formatting in replies', () => {
  const text = 'Bitte **bis Freitag**:\n\n- Foto vom Karton\n- [Retourenschein](https://shop.example.de/retoure)';

  it('keeps the Markdown on mail, renders it as HTML, and writes the text part plainly', async () => {
    const { message } = await replyOn({ channel: 'email' }, text, false, 'de');
    expect(message.bodyText).toBe(text);
    const mail = mailOf(message.id)!;
    expect(mail.html).toContain('<strong>bis Freitag</strong>');
    expect(mail.html).toContain('<li><a href="https://shop.example.de/retoure"');
    expect(mail.text).toBe('Bitte bis Freitag:\n\n• Foto vom Karton\n• Retourenschein (https://shop.example.de/retoure)');
    // The agent's thread shows it as the customer's mail client does.
    const shown = (await createCaller({ db, viewer: jana, ip: '127.0.0.1', originOk: true }).tickets.get({ id: message.ticketId })).messages.find(
      (m) => m.id === message.id,
    )!;
    expect(shown.formattedHtml).toContain('<strong>bis Freitag</strong>');
  });

  it('sends WhatsApp its own *bold*, and chats and Telegram the words without markers, stored as sent', async () => {
    expect((await replyOn({ channel: 'whatsapp' }, text)).message.bodyText).toBe(
      'Bitte *bis Freitag*:\n\n• Foto vom Karton\n• Retourenschein (https://shop.example.de/retoure)',
    );
    expect((await replyOn({ channel: 'telegram' }, text)).message.bodyText).toBe(
      'Bitte bis Freitag:\n\n• Foto vom Karton\n• Retourenschein (https://shop.example.de/retoure)',
    );
    expect((await replyOn({ channel: 'chat' }, 'Das ist **wichtig**')).message.bodyText).toBe('Das ist wichtig');
    // A note stays as typed and is shown formatted to agents.
    expect((await replyOn({ channel: 'chat' }, 'Intern **dringend**', true)).message.bodyText).toBe('Intern **dringend**');
  });
});
