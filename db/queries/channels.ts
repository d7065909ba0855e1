import { eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { channels } from '../schema';
import type { ChannelKind } from '../../lib/domain';

export function updateChannelSettings(db: Queryable, id: number, settings: Record<string, unknown>) {
  db.update(channels).set({ settings }).where(eq(channels.id, id)).run();
}

export function insertChannel(db: Queryable, c: { kind: ChannelKind; name: string; defaultTeamId: number | null; settings: Record<string, unknown> }) {
  return db
    .insert(channels)
    .values({ ...c, createdAt: Date.now() })
    .returning({ id: channels.id })
    .get();
}

export function updateChannel(db: Queryable, id: number, patch: { name: string; defaultTeamId: number | null; settings: Record<string, unknown> }) {
  db.update(channels).set(patch).where(eq(channels.id, id)).run();
}
