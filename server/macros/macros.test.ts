import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listTeams } from '@/db/queries/agents';
import { findTicket, listEvents, listTicketTags } from '@/db/queries/tickets';
import { setCustomerLocale } from '@/db/queries/surveys';
import type { MacroInput } from '@/lib/macros';
import type { Viewer } from '@/server/auth/sessions';
import { createTestTicket } from '@/server/testing/fixtures';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { createCaller } from '@/server/trpc/root';

// Canned replies and macros through the tRPC procedures on a real SQLite file: who sees and keeps which,
// what applying one writes (one step, recorded as events) and the text it hands the composer.
let db: Db;
let close: () => void;
let jana: Viewer;
let tom: Viewer;
let lena: Viewer;
const T = Date.UTC(2026, 11, 1, 9);

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  jana = viewerOf(db, 'jana@demo.local');
  tom = viewerOf(db, 'tom@demo.local');
  lena = viewerOf(db, 'lena@demo.local');
});
afterAll(() => close());

const as = (v: Viewer) => createCaller({ db, viewer: v, ip: '127.0.0.1', originOk: true }).macros;
const team = (name: string) => listTeams(db).find((t) => t.name === name)!.id;
let n = 0;
const macro = (o: Partial<MacroInput> = {}): MacroInput => ({
  name: `Makro ${++n}`,
  shared: false,
  text: { en: '', de: '' },
  actions: {},
  ...o,
});
function ticketFor(locale: 'de' | 'en' | null, o: Partial<Parameters<typeof createTestTicket>[1]> = {}) {
  const { ticket, customer } = createTestTicket(db, { channel: 'email', at: T, ...o });
  if (locale) setCustomerLocale(db, customer.id, locale);
  return findTicket(db, ticket.id)!;
}
const historyAfterCreation = (ticketId: number) =>
  listEvents(db, ticketId)
    .slice(2)
    .map((e) => [e.type, e.data, e.actorAgentId]);

describe('applying a macro', () => {
  it('sets priority, team, assignee and tags in one step, after an event naming it, and returns the German text filled in', async () => {
    const billing = team('Billing');
    const m = await as(lena).create(
      macro({
        name: 'Doppelte Abbuchung',
        shared: true,
        text: {
          en: 'Hello {{customer.first_name}}, the double charge on #{{ticket.number}} is refunded. {{agent.first_name}}',
          de: 'Hallo {{ customer.first_name }}, die doppelte Abbuchung zu #{{ticket.number}} ist erstattet. Viele Grüße, {{agent.name}}',
        },
        actions: { status: 'solved', priority: 'high', teamId: billing, assignee: 'me', addTags: ['Rechnung', 'erstattung'], removeTags: ['neu'] },
      }),
    );
    expect(m).toMatchObject({ shared: true, actions: { addTags: ['rechnung', 'erstattung'] } });
    const t = ticketFor('de', { tags: ['neu'], teamId: team('Kundenservice') });

    const applied = await as(jana).applyToTicket({ macroId: m.id, ticketId: t.id });
    expect(applied).toEqual({
      name: 'Doppelte Abbuchung',
      text: `Hallo Test, die doppelte Abbuchung zu #${t.number} ist erstattet. Viele Grüße, Jana Berger`,
      locale: 'de',
      sendStatus: 'solved',
      changed: true,
      // The undo toast's way back: every property as it was, the status aside (it waits for the reply).
      undo: { priority: 'normal', assigneeId: null, teamId: team('Kundenservice'), addTags: ['neu'], removeTags: ['erstattung', 'rechnung'] },
    });
    // The status waits for the reply it came with; everything else is set.
    expect(findTicket(db, t.id)).toMatchObject({ status: 'open', priority: 'high', teamId: billing, assigneeId: jana.id });
    expect(listTicketTags(db, t.id).map((x) => x.name)).toEqual(['erstattung', 'rechnung']);
    expect(historyAfterCreation(t.id)).toEqual([
      ['macro_applied', { macroId: m.id, name: 'Doppelte Abbuchung' }, jana.id],
      ['priority_changed', { from: 'normal', to: 'high' }, jana.id],
      ['assignee_changed', { from: null, to: jana.id }, jana.id],
      ['team_changed', { from: team('Kundenservice'), to: billing }, jana.id],
      ['tags_changed', { added: ['erstattung', 'rechnung'], removed: ['neu'] }, jana.id],
    ]);

    // Applied again, nothing changes: no second history entry, the text comes back all the same.
    await expect(as(jana).applyToTicket({ macroId: m.id, ticketId: t.id })).resolves.toMatchObject({ changed: false, sendStatus: 'solved' });
    expect(historyAfterCreation(t.id)).toHaveLength(5);
  });

  it('is taken back by sending its undo to tickets.update: the properties return, the history shows both', async () => {
    const m = await as(lena).create(macro({ shared: true, actions: { priority: 'urgent', assignee: 'me', addTags: ['eilig'] } }));
    const t = ticketFor('de', { tags: ['alt'] });
    const applied = await as(jana).applyToTicket({ macroId: m.id, ticketId: t.id });
    expect(applied.undo).toEqual({ priority: 'normal', assigneeId: null, removeTags: ['eilig'] });
    await createCaller({ db, viewer: jana, ip: '127.0.0.1', originOk: true }).tickets.update({ id: t.id, ...applied.undo! });
    expect(findTicket(db, t.id)).toMatchObject({ priority: 'normal', assigneeId: null });
    expect(listTicketTags(db, t.id).map((x) => x.name)).toEqual(['alt']);
    // Nothing to take back when nothing changed.
    expect(
      (await as(jana).applyToTicket({ macroId: (await as(lena).create(macro({ shared: true, text: { en: 'Hi', de: 'Hallo' } }))).id, ticketId: t.id })).undo,
    ).toBeNull();
  });

  it('a macro without text sets its status at once', async () => {
    const m = await as(jana).create(macro({ actions: { status: 'pending', assignee: 'none' } }));
    const t = ticketFor(null, { assigneeId: tom.id });
    await expect(as(jana).applyToTicket({ macroId: m.id, ticketId: t.id })).resolves.toMatchObject({ text: '', sendStatus: null, changed: true });
    expect(findTicket(db, t.id)).toMatchObject({ status: 'pending', assigneeId: null });
  });

  it('speaks the customer’s language when it has it, else the one text it has, else the agent’s', async () => {
    const both = await as(jana).create(macro({ text: { en: 'Hello {{customer.name}}', de: 'Hallo {{customer.name}}' } }));
    const germanOnly = await as(jana).create(macro({ text: { en: '', de: 'Nur auf Deutsch' } }));
    await expect(as(jana).applyToTicket({ macroId: both.id, ticketId: ticketFor('en').id })).resolves.toMatchObject({
      locale: 'en',
      text: expect.stringMatching(/^Hello Test Customer/),
    });
    await expect(as(jana).applyToTicket({ macroId: germanOnly.id, ticketId: ticketFor('en').id })).resolves.toMatchObject({
      locale: 'de',
      text: 'Nur auf Deutsch',
    });
    // Not known: the language the ticket was written in; too short to tell, the agent's (Jana has none saved: English).
    const german = ticketFor(null, { text: 'Guten Tag, meine Rechnung wurde doppelt abgebucht. Bitte prüfen Sie das.' });
    await expect(as(jana).applyToTicket({ macroId: both.id, ticketId: german.id })).resolves.toMatchObject({ locale: 'de' });
    await expect(as(jana).applyToTicket({ macroId: both.id, ticketId: ticketFor(null, { text: 'Hi' }).id })).resolves.toMatchObject({ locale: 'en' });
  });

  it('refuses a closed ticket and a macro that is not the agent’s to use', async () => {
    const mine = await as(tom).create(macro({ text: { en: 'Tom’s own words', de: '' } }));
    const closed = ticketFor(null, { status: 'closed' });
    await expect(as(tom).applyToTicket({ macroId: mine.id, ticketId: closed.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(jana).applyToTicket({ macroId: mine.id, ticketId: ticketFor(null).id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(jana).applyToTicket({ macroId: 999_999, ticketId: ticketFor(null).id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('keeping macros', () => {
  it('an agent’s own are theirs alone; the shared ones everyone sees but only leads keep', async () => {
    const own = await as(tom).create(macro({ name: 'Tom: Rückruf', text: { en: '', de: 'Ich rufe Sie an.' } }));
    const shared = await as(lena).create(macro({ name: 'Alle: Danke', shared: true, text: { en: 'Thanks!', de: 'Danke!' } }));
    const names = async (v: Viewer) => (await as(v).list()).map((m) => m.name);
    expect(await names(tom)).toEqual(expect.arrayContaining(['Tom: Rückruf', 'Alle: Danke']));
    expect(await names(jana)).toContain('Alle: Danke');
    expect(await names(jana)).not.toContain('Tom: Rückruf');

    await expect(as(jana).update({ id: own.id, macro: macro({ text: { en: 'x', de: '' } }) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(jana).delete({ id: own.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(jana).create(macro({ shared: true, text: { en: 'x', de: '' } }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(jana).update({ id: shared.id, macro: macro({ name: 'Alle: Danke', shared: true, text: { en: 'x', de: '' } }) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(as(jana).delete({ id: shared.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Tom cannot share his own either; Lena can edit and delete the shared one.
    await expect(as(tom).update({ id: own.id, macro: macro({ name: 'Tom: Rückruf', shared: true, text: { en: 'x', de: '' } }) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      as(lena).update({ id: shared.id, macro: macro({ name: 'Alle: Vielen Dank', shared: true, text: { en: 'Thank you!', de: 'Vielen Dank!' } }) }),
    ).resolves.toMatchObject({
      name: 'Alle: Vielen Dank',
      text: { de: 'Vielen Dank!' },
    });
    await as(lena).delete({ id: shared.id });
    expect(await names(jana)).not.toContain('Alle: Vielen Dank');
  });

  it('refuses a macro with nothing in it, an unknown placeholder, a name taken, an unknown team or agent, and overlong input', async () => {
    await expect(as(jana).create(macro())).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/text or at least one action/) });
    await expect(as(jana).create(macro({ text: { en: 'Hi {{customer.firstname}}', de: '' } }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('{{customer.firstname}}'),
    });
    await as(jana).create(macro({ name: 'Doppelt', text: { en: 'a', de: '' } }));
    await expect(as(jana).create(macro({ name: 'Doppelt', text: { en: 'b', de: '' } }))).rejects.toMatchObject({ code: 'CONFLICT' });
    // The same name is fine for another agent's own.
    await expect(as(tom).create(macro({ name: 'Doppelt', text: { en: 'b', de: '' } }))).resolves.toMatchObject({ name: 'Doppelt' });
    await expect(as(jana).create(macro({ actions: { teamId: 9999 } }))).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/team/i) });
    await expect(as(jana).create(macro({ actions: { assignee: 9999 } }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(jana).create(macro({ name: 'x'.repeat(81), text: { en: 'a', de: '' } }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(jana).create(macro({ text: { en: 'a'.repeat(10_001), de: '' } }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(jana).create(macro({ actions: { status: 'closed' as never } }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('needs a signed-in agent', async () => {
    const anonymous = createCaller({ db, viewer: null, ip: '127.0.0.1', originOk: true }).macros;
    await expect(anonymous.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
