import type { Tx } from '@/db/client';
import { insertNotifications, listNotifiableAgentIds, type NewNotification } from '@/db/queries/notifications';
import type { NotificationKind } from '@/lib/notification-kinds';

/**
 * Records one kind of notification for these agents, in the caller's transaction: never for whoever caused
 * it (`actorAgentId`), nor for an inactive agent or one who muted the kind. Returns who was told, for the
 * live push once the transaction has committed.
 */
export function notifyAgents(
  tx: Tx,
  kind: NotificationKind,
  agentIds: readonly (number | null)[],
  o: Omit<NewNotification, 'agentId' | 'kind'> & { actorAgentId?: number | null },
): number[] {
  const candidates = [...new Set(agentIds.filter((id): id is number => id !== null && id !== o.actorAgentId))];
  const told = listNotifiableAgentIds(tx, candidates, kind);
  insertNotifications(
    tx,
    told.map((agentId) => ({ ...o, agentId, kind })),
  );
  return told;
}
