import type { Db } from '@/db/client';
import { recordOnline } from '@/db/queries/presence-spans';
import { onlineAgentIds } from './online-agents';

/** How often the agents with the app open are written down (the staffing view's "agents online"). */
export const PRESENCE_TICK_MS = 60_000;

export function recordOnlineAgents(db: Db, now = Date.now()) {
  const ids = onlineAgentIds();
  if (ids.length) db.transaction((tx) => recordOnline(tx, ids, now));
}

/** On connecting: online from this minute, not only from the next tick. */
export function recordAgentOnline(db: Db, agentId: number, now = Date.now()) {
  recordOnline(db, [agentId], now);
}
