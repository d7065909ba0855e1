import { eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { channels } from '../schema';

export function updateChannelSettings(db: Queryable, id: number, settings: Record<string, unknown>) {
  db.update(channels).set({ settings }).where(eq(channels.id, id)).run();
}
