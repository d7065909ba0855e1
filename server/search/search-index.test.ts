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

describe('search index', () => {
  it('finds a new reply once the indexer has run, and indexes each message once', async () => {
    const agent = httpClient(server.url);
    await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    // Any ticket but a closed one takes replies (the demo tickets' statuses depend on today's date).
    const list = await agent.query<{ items: { id: number }[] }>('tickets.list', { filter: { status: ['new', 'open', 'pending', 'on_hold', 'solved'] } });
    const ticketId = list.ok ? list.data.items[0]!.id : 0;
    await agent.mutate('tickets.reply', { ticketId, body: 'Quittungsnummer Zebrafink42 notiert.', internal: true });
    indexNewRows(getDb());
    const hit = await agent.query<{ items: { id: number }[] }>('tickets.list', { filter: { q: 'zebrafink42' } });
    expect(hit.ok && hit.data.items.map((t) => t.id)).toEqual([ticketId]);
    expect(indexNewRows(getDb())).toBe(0);
  });

  it('finds German inflections, umlaut spellings and a word still being typed', async () => {
    const agent = httpClient(server.url);
    await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    const list = await agent.query<{ items: { id: number }[] }>('tickets.list', { filter: { status: ['new', 'open', 'pending', 'on_hold', 'solved'] } });
    const ticketId = list.ok ? list.data.items[1]!.id : 0;
    await agent.mutate('tickets.reply', { ticketId, body: 'Die Quokkarechnungen für die Quokkalieferung sind verspaetet.', internal: true });
    indexNewRows(getDb());
    const ids = async (q: string) => {
      const r = await agent.query<{ items: { id: number }[] }>('tickets.list', { filter: { q } });
      return r.ok ? r.data.items.map((t) => t.id) : r;
    };
    expect(await ids('Quokkarechnung verspätet')).toEqual([ticketId]);
    expect(await ids('quokkalieferungen')).toEqual([ticketId]);
    for (const typed of ['Quokkaliefer', 'Quokkalieferu', 'Quokkalieferun']) expect(await ids(typed)).toEqual([ticketId]);
    expect(await ids('Quokkarechnung pünktlich')).toEqual([]);
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
