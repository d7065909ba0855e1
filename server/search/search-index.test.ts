import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, httpClient } from '@/server/testing/test-server';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { indexNewRows } from '@/db/queries/search-index';
import { getDb } from '@/db/client';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** Jana signed in, a note with `body` on the `nth` ticket that takes replies, indexed; and a search as her. */
async function noteOnTicket(nth: number, body: string) {
  const agent = httpClient(server.url);
  await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
  // Any ticket but a closed one takes replies (the demo tickets' statuses depend on today's date).
  const list = await agent.query<{ items: { id: number }[] }>('tickets.list', { filter: { status: ['new', 'open', 'pending', 'on_hold', 'solved'] } });
  const ticketId = list.ok ? list.data.items[nth]!.id : 0;
  await agent.mutate('tickets.reply', { ticketId, body, internal: true });
  indexNewRows(getDb());
  const search = async (q: string) => {
    const r = await agent.query<{ items: { id: number }[] }>('tickets.list', { filter: { q } });
    return r.ok ? r.data.items.map((t) => t.id) : r;
  };
  return { ticketId, search };
}

describe('search index', () => {
  it('finds a new reply once the indexer has run, and indexes each message once', async () => {
    const { ticketId, search } = await noteOnTicket(0, 'Quittungsnummer Zebrafink42 notiert.');
    expect(await search('zebrafink42')).toEqual([ticketId]);
    expect(indexNewRows(getDb())).toBe(0);
  });

  it('finds German inflections, umlaut spellings and a word still being typed', async () => {
    const { ticketId, search } = await noteOnTicket(1, 'Die Quokkarechnungen für die Quokkalieferung sind verspaetet.');
    expect(await search('Quokkarechnung verspätet')).toEqual([ticketId]);
    expect(await search('quokkalieferungen')).toEqual([ticketId]);
    for (const typed of ['Quokkaliefer', 'Quokkalieferu', 'Quokkalieferun']) expect(await search(typed)).toEqual([ticketId]);
    expect(await search('Quokkarechnung pünktlich')).toEqual([]);
  });
});

describe('search index edits', () => {
  it('an edit before indexing is indexed once with the new text; after indexing it replaces the old text', async () => {
    const db = getDb();
    const raw = db.$client;
    const customerId = Number(raw.prepare("insert into customers (name, email, created_at) values ('Erika Alt', null, 1)").run().lastInsertRowid);
    raw.prepare("update customers set name = 'Erika Neu' where id = ?").run(customerId);
    indexNewRows(db);
    const find = (q: string) =>
      raw
        .prepare('select rowid from customer_fts where customer_fts match ?')
        .all(q)
        .map((r) => (r as { rowid: number }).rowid);
    expect(find('"Neu"')).toEqual([customerId]);
    expect(find('"Alt"')).toEqual([]);
    raw.prepare("update customers set name = 'Erika Spät' where id = ?").run(customerId);
    expect(find('"Spät"')).toEqual([customerId]);
    expect(find('"Neu"')).toEqual([]);
  });
});
