import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { connectVisitor } from '@/server/testing/widget-visitor';
import { startTestServer, httpClient } from '@/server/testing/test-server';
import { DEMO_CHAT_TOKEN, DEMO_PASSWORD } from '@/db/seed/generate';
import { getBus } from '@/server/realtime/bus';
import type { WidgetAvailability } from '@/lib/widget-events';

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: ReturnType<typeof httpClient>;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = httpClient(server.url);
  await admin.mutate('auth.login', { email: 'admin@demo.local', password: DEMO_PASSWORD });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

const ALWAYS = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '00:00', to: '24:00' }));

type Widget = Record<string, unknown> & { id: number; publicToken: string };

/** Points the demo widget at a calendar through the same API the settings page uses. */
async function useCalendar(calendarId: number | null, expected: Record<string, unknown> = { ok: true }) {
  const list = await admin.query<Widget[]>('chatWidgets.list');
  const { publicToken: _t, snippet: _s, ...widget } = list.ok ? list.data.find((w) => w.publicToken === DEMO_CHAT_TOKEN)! : ({} as Widget);
  expect(await admin.mutate('chatWidgets.update', { ...widget, calendarId })).toMatchObject(expected);
}

const visitor = () => connectVisitor(server.url, sockets);

describe('business hours', () => {
  it('closes the widget outside its calendar and reopens it when the hours change', async () => {
    const saved = await admin.mutate<{ id: number }>('calendars.save', { name: 'Geschlossen', timeZone: 'Europe/Berlin', periods: [], holidays: [] });
    const id = saved.ok ? saved.data.id : 0;
    await useCalendar(id);

    const { socket, session } = await visitor();
    expect(session.availability).toMatchObject({ open: false, opensAt: null });

    // Saving the hours tells the widget's visitors at once.
    const changed = new Promise<WidgetAvailability>((resolve) => socket.once('availability', resolve));
    expect(await admin.mutate('calendars.save', { id, name: 'Geschlossen', timeZone: 'Europe/Berlin', periods: ALWAYS, holidays: [] })).toMatchObject({
      ok: true,
    });
    expect(await changed).toMatchObject({ open: true, opensAt: null });
    // Told once: the next check with nothing changed stays silent.
    let again = false;
    socket.once('availability', () => (again = true));
    getBus().emit('chat.availability');
    // Anything the check sent went out before the answer to a later request on the same socket.
    await socket.emitWithAck('messages:since', { afterId: 0 });
    expect(again).toBe(false);

    const list = await admin.query<{ id: number; now: { open: boolean }; usedBy: string[] }[]>('calendars.list');
    expect(list.ok && list.data.find((c) => c.id === id)).toMatchObject({ now: { open: true }, usedBy: ['Website-Chat'] });
    await useCalendar(null);
  });

  it('refuses a calendar in use, a duplicate name, an unknown zone, and non-admins', async () => {
    const saved = await admin.mutate<{ id: number }>('calendars.save', { name: 'Hotline', timeZone: 'Europe/Vienna', periods: ALWAYS, holidays: [] });
    const id = saved.ok ? saved.data.id : 0;
    await useCalendar(id);
    expect(await admin.mutate('calendars.delete', { id })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/Website-Chat/) });
    await useCalendar(null);
    expect(await admin.mutate('calendars.delete', { id })).toMatchObject({ ok: true });

    expect(await admin.mutate('calendars.save', { name: 'support berlin (mo–fr 8–18)', timeZone: 'Europe/Berlin', periods: [], holidays: [] })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(await admin.mutate('calendars.save', { name: 'Mars', timeZone: 'Mars/Olympus', periods: [], holidays: [] })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
    await useCalendar(12345, { ok: false, code: 'BAD_REQUEST', message: 'Calendar 12345 does not exist' });

    const agent = httpClient(server.url);
    await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    expect(await agent.query('calendars.list')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await agent.mutate('calendars.save', { name: 'X', timeZone: 'UTC', periods: [], holidays: [] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
