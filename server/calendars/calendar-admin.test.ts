import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { findCalendar } from '@/db/queries/calendars';
import { openTestDatabase } from '@/server/testing/test-database';
import { deleteCalendar, listCalendarsForAdmin, saveCalendar } from './calendar-admin';

// The admin's calendar functions on a real SQLite file, without a server.
let db: Db;
let close: () => void;
beforeAll(() => ({ db, close } = openTestDatabase()));
afterAll(() => close());

const week = [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' }));

describe('calendars', () => {
  it('stores what was saved, in order, and replaces it on the next save', () => {
    const periods = [
      { day: 2, from: '13:00', to: '17:00' },
      { day: 1, from: '09:00', to: '12:00' },
    ];
    const { id } = saveCalendar(
      db,
      { name: 'Hotline Wien', timeZone: 'Europe/Vienna', periods, holidays: [{ date: '2026-12-08', name: 'Mariä Empfängnis' }] },
      1000,
    );
    expect(findCalendar(db, id)).toMatchObject({
      name: 'Hotline Wien',
      timeZone: 'Europe/Vienna',
      periods: [periods[1], periods[0]],
      holidays: [{ date: '2026-12-08', name: 'Mariä Empfängnis' }],
      createdAt: 1000,
      updatedAt: 1000,
    });
    expect(saveCalendar(db, { id, name: 'Hotline Wien', timeZone: 'UTC', periods: week, holidays: [] }, 2000)).toEqual({ id });
    expect(findCalendar(db, id)).toMatchObject({ timeZone: 'UTC', periods: week, holidays: [], createdAt: 1000, updatedAt: 2000 });
    expect(listCalendarsForAdmin(db, 0).find((c) => c.id === id)).toMatchObject({ usedBy: [] });
  });

  it('refuses a name another calendar has, whatever its case, and keeps a calendar its own name', () => {
    const { id } = saveCalendar(db, { name: 'Nachtschicht', timeZone: 'Europe/Berlin', periods: [], holidays: [] });
    expect(() => saveCalendar(db, { name: 'NACHTSCHICHT', timeZone: 'Europe/Berlin', periods: [], holidays: [] })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', key: 'calendar_name_taken' }),
    );
    expect(saveCalendar(db, { id, name: 'nachtschicht', timeZone: 'Europe/Berlin', periods: [], holidays: [] })).toEqual({ id });
    expect(() => saveCalendar(db, { id: 99999, name: 'Gibt es nicht', timeZone: 'UTC', periods: [], holidays: [] })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('deletes a calendar nothing uses', () => {
    const { id } = saveCalendar(db, { name: 'Einmalig', timeZone: 'UTC', periods: week, holidays: [] });
    deleteCalendar(db, id);
    expect(findCalendar(db, id)).toBeUndefined();
  });
});
