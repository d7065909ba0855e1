import type { Db } from '@/db/client';
import { countTickets } from '@/db/queries/ticket-list';
import { VIEW_COUNT_CAP } from '@/lib/saved-views';
import { VIEWS, ticketFilterSchema, type TicketFilter, type ViewId } from '@/lib/ticket-filter';
import type { Viewer } from '@/server/auth/sessions';
import { viewsFor } from './saved-view-admin';

const countOf = (db: Db, viewerId: number, filter: TicketFilter, now: number) => {
  const { q: _q, ...f } = ticketFilterSchema.parse(filter);
  return countTickets(db, { ...f, viewerId, now }, VIEW_COUNT_CAP);
};

/**
 * How many tickets each sidebar view holds for this viewer (built-in ones by id, saved ones by their id),
 * each counted up to VIEW_COUNT_CAP. The sidebar asks again when tickets change.
 */
export function viewCounts(db: Db, viewer: Pick<Viewer, 'id' | 'role'>, now = Date.now()) {
  const builtIn = Object.fromEntries(VIEWS.map((v) => [v.id, countOf(db, viewer.id, v.filter, now)])) as Record<ViewId, number>;
  const saved = Object.fromEntries(viewsFor(db, viewer).map((v) => [v.id, countOf(db, viewer.id, v.filter, now)]));
  return { builtIn, saved, cap: VIEW_COUNT_CAP };
}
