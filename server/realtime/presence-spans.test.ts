import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { PRESENCE_GAP_MS, onlineSpans, recordOnline } from '@/db/queries/presence-spans';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';

let db: Db;
let close: () => void;
beforeAll(() => ({ db, close } = openTestDatabase()));
afterAll(() => close());

const T = Date.UTC(2026, 5, 1, 8);
const MIN = 60_000;

describe('online spans', () => {
  it('extends a span while the agent is seen each minute, starts another after a longer absence', () => {
    const jana = viewerOf(db, 'jana@demo.local').id;
    const tom = viewerOf(db, 'tom@demo.local').id;
    for (let m = 0; m <= 30; m++) recordOnline(db, [jana], T + m * MIN);
    // Seen again exactly at the gap: the same span; a minute later than that: a new one.
    recordOnline(db, [jana], T + 30 * MIN + PRESENCE_GAP_MS);
    recordOnline(db, [jana], T + 30 * MIN + 2 * PRESENCE_GAP_MS + MIN);
    recordOnline(db, [tom], T + 10 * MIN);
    expect(onlineSpans(db, T, T + 3600_000, [jana])).toEqual([
      { agentId: jana, startedAt: T, lastSeenAt: T + 30 * MIN + PRESENCE_GAP_MS },
      { agentId: jana, startedAt: T + 30 * MIN + 2 * PRESENCE_GAP_MS + MIN, lastSeenAt: T + 30 * MIN + 2 * PRESENCE_GAP_MS + MIN },
    ]);
    expect(onlineSpans(db, T, T + 3600_000, null)).toHaveLength(3);
    // Only spans overlapping the window.
    expect(onlineSpans(db, T + 2 * 3600_000, T + 3 * 3600_000, null)).toEqual([]);
    expect(onlineSpans(db, T - 3600_000, T, null)).toEqual([]);
  });
});
