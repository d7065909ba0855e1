import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { Db } from '@/db/client';
import { listTeams } from '@/db/queries/agents';
import { VIEW_COUNT_CAP, type SavedViewInput } from '@/lib/saved-views';
import type { Viewer } from '@/server/auth/sessions';
import { createTestTicket } from '@/server/testing/fixtures';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { createCaller } from '@/server/trpc/root';
import { countTickets } from '@/db/queries/ticket-list';

// Saved views and view counts through the tRPC procedures on a real SQLite file: who sees and keeps
// which view, and that each count is the number of tickets its list shows.
let db: Db;
let close: () => void;
let admin: Viewer;
let lena: Viewer; // lead of Kundenservice
let claire: Viewer; // lead of Reklamationen
let jana: Viewer; // agent in Kundenservice
let sam: Viewer; // agent in Billing
const T = Date.UTC(2026, 11, 1, 9);

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  admin = viewerOf(db, 'admin@demo.local');
  lena = viewerOf(db, 'lena@demo.local');
  claire = viewerOf(db, 'claire@demo.local');
  jana = viewerOf(db, 'jana@demo.local');
  sam = viewerOf(db, 'sam@demo.local');
});
afterAll(() => close());

const as = (v: Viewer) => createCaller({ db, viewer: v, ip: '127.0.0.1', originOk: true }).views;
const team = (name: string) => listTeams(db).find((t) => t.name === name)!.id;
let n = 0;
const view = (o: Partial<SavedViewInput> = {}): SavedViewInput => ({ name: `Ansicht ${++n}`, scope: 'personal', filter: { assignee: 'any' }, ...o });
const names = async (v: Viewer) => (await as(v).list()).map((x) => x.name);
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );

describe('who sees and keeps a saved view', () => {
  it('keeps a personal view to its owner: others neither list nor change it', async () => {
    const mine = await as(jana).create(view({ name: 'Meine dringenden', filter: { assignee: 'me', priority: ['urgent'] } }));
    expect(await names(jana)).toContain('Meine dringenden');
    expect(await names(sam)).not.toContain('Meine dringenden');
    expect(await names(admin)).not.toContain('Meine dringenden');
    expect(await code(as(admin).delete({ id: mine.id }))).toBe('NOT_FOUND');
    expect(await code(as(sam).update({ id: mine.id, view: view() }))).toBe('NOT_FOUND');
    expect((await as(jana).list()).find((v) => v.id === mine.id)).toMatchObject({ scope: 'personal', canEdit: true, filter: { priority: ['urgent'] } });
  });

  it('shows a team view to that team only, kept by its leads and admins, not by a lead of another team', async () => {
    const ks = team('Kundenservice');
    const shared = await as(lena).create(view({ name: 'KS Rückstand', scope: 'team', teamId: ks }));
    expect(await names(jana)).toContain('KS Rückstand');
    expect(await names(sam)).not.toContain('KS Rückstand');
    expect(await names(admin)).toContain('KS Rückstand');
    expect((await as(jana).list()).find((v) => v.id === shared.id)).toMatchObject({ scope: 'team', teamId: ks, canEdit: false });
    // Seen but not kept: an agent of the team is refused; a lead of another team never sees it.
    expect(await code(as(jana).delete({ id: shared.id }))).toBe('FORBIDDEN');
    expect(await code(as(claire).delete({ id: shared.id }))).toBe('NOT_FOUND');
    expect(await code(as(claire).create(view({ scope: 'team', teamId: ks })))).toBe('FORBIDDEN');
    expect(await code(as(jana).create(view({ scope: 'team', teamId: ks })))).toBe('FORBIDDEN');
    await as(admin).update({ id: shared.id, view: view({ name: 'KS Rückstand (alle)', scope: 'team', teamId: ks }) });
    expect(await names(jana)).toContain('KS Rückstand (alle)');
  });

  it('lets only admins share a view with everyone', async () => {
    expect(await code(as(lena).create(view({ scope: 'everyone' })))).toBe('FORBIDDEN');
    const all = await as(admin).create(view({ name: 'Alle Eskalationen', scope: 'everyone', filter: { assignee: 'any', tagId: 1 } }));
    expect(await names(sam)).toContain('Alle Eskalationen');
    expect(await code(as(lena).update({ id: all.id, view: view({ scope: 'everyone' }) }))).toBe('FORBIDDEN');
    // A lead cannot take an everyone-view into their team either: they must keep it as it is.
    expect(await code(as(lena).update({ id: all.id, view: view({ scope: 'team', teamId: team('Kundenservice') }) }))).toBe('FORBIDDEN');
    await as(admin).delete({ id: all.id });
    expect(await names(sam)).not.toContain('Alle Eskalationen');
  });

  it('refuses a second view of the same name for the same keeper, a team view without its team, an unknown team', async () => {
    await as(sam).create(view({ name: 'Offen' }));
    await expect(as(sam).create(view({ name: 'Offen' }))).rejects.toThrow('A view named “Offen” already exists here');
    await as(jana).create(view({ name: 'Offen' })); // another keeper: fine
    expect(await code(as(admin).create({ ...view(), scope: 'team' }))).toBe('BAD_REQUEST');
    expect(await code(as(admin).create(view({ scope: 'team', teamId: 9999 })))).toBe('BAD_REQUEST');
    expect(await code(as(admin).create(view({ teamId: team('Billing') })))).toBe('BAD_REQUEST');
    expect(await code(as(sam).create(view({ name: 'x'.repeat(61) })))).toBe('BAD_REQUEST');
  });

  it('shows admins every team’s views, theirs to keep, and holds the shared ones to their own limit', async () => {
    const fresh = await createCaller({ db, viewer: admin, ip: '127.0.0.1', originOk: true }).admin.createTeam({ name: 'Nachtschicht' });
    const night = await as(admin).create(view({ name: 'Nacht offen', scope: 'team', teamId: fresh.id }));
    // The admin is not in the new team and still sees and keeps its view; its members would, no one else.
    expect((await as(admin).list()).find((v) => v.id === night.id)).toMatchObject({ scope: 'team', canEdit: true });
    expect(await names(lena)).not.toContain('Nacht offen');
    // Shared views count against the shared limit (100), not an agent's 30.
    for (let i = 0; i < 31; i++) await as(admin).create(view({ scope: 'everyone' }));
    expect(await code(as(admin).create(view()))).toBe('ok');
  });

  it('names what is refused: a team view for leads of the team, an everyone view for admins', async () => {
    await expect(as(jana).create(view({ scope: 'team', teamId: team('Kundenservice') }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('team’s leads'),
    });
    await expect(as(jana).create(view({ scope: 'everyone' }))).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Only admins') });
    await expect(as(admin).create(view({ scope: 'team', teamId: 9999 }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('9999'),
    });
  });

  it('stops an agent at 30 views of their own', async () => {
    const mehmet = viewerOf(db, 'mehmet@demo.local');
    for (let i = 0; i < 30; i++) await as(mehmet).create(view());
    await expect(as(mehmet).create(view())).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('There are 30 views here already') });
  });
});

describe('view counts', () => {
  it('counts each view as its list shows it, live as tickets change, and for `me` whoever asks', async () => {
    const billing = team('Billing');
    const saved = await as(sam).create(
      view({ name: 'Billing dringend', filter: { assignee: 'any', teamId: billing, priority: ['urgent'], status: ['open', 'pending'] } }),
    );
    const before = await as(sam).counts();
    createTestTicket(db, { channel: 'email', teamId: billing, priority: 'urgent', status: 'open', at: T });
    createTestTicket(db, { channel: 'chat', teamId: billing, priority: 'urgent', status: 'pending', at: T, assigneeId: sam.id });
    createTestTicket(db, { channel: 'email', teamId: billing, priority: 'urgent', status: 'solved', at: T });
    createTestTicket(db, { channel: 'email', teamId: billing, priority: 'normal', status: 'open', at: T });
    createTestTicket(db, { channel: 'email', teamId: billing, priority: 'urgent', status: 'open', at: T, spam: true });
    const after = await as(sam).counts();
    expect(after.saved[saved.id]! - before.saved[saved.id]!).toBe(2);
    expect(after.builtIn.mine - before.builtIn.mine).toBe(1);
    expect(after.builtIn.spam - before.builtIn.spam).toBe(1);
    expect(after.builtIn.solved - before.builtIn.solved).toBe(1);
    // Jana's "mine" does not hold Sam's ticket.
    const janas = await as(jana).counts();
    expect(janas.saved[saved.id]).toBeUndefined();
    // Each count equals what the list procedure returns for the same view.
    const list = await createCaller({ db, viewer: sam, ip: '127.0.0.1', originOk: true }).tickets.list({
      filter: { assignee: 'me', status: ['new', 'open', 'pending', 'on_hold'] },
      limit: 200,
    });
    expect(after.builtIn.mine).toBe(list.items.length);
  });

  it('stops counting at the cap, so a long queue costs what a short one does', () => {
    for (let i = 0; i < 5; i++) createTestTicket(db, { channel: 'email', status: 'closed', at: T });
    const all = countTickets(db, { viewerId: admin.id, assignee: 'any', status: ['closed'], now: T }, 1_000_000);
    expect(all).toBeGreaterThanOrEqual(5);
    expect(countTickets(db, { viewerId: admin.id, assignee: 'any', status: ['closed'], now: T }, 3)).toBe(3);
    expect(VIEW_COUNT_CAP).toBe(1000);
  });
});
