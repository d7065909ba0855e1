import type { Db } from '@/db/client';
import { selectTicketPage } from '@/db/queries/ticket-list';
import { searchTicketIds, SEARCH_CANDIDATES, ticketIdsByNumber, ticketIdsByPhone } from '@/db/queries/search';
import { phoneVariants, ticketNumberOf } from '@/lib/search/search-terms';
import { ticketFilterSchema, type TicketCursor } from '@/lib/ticket-filter';
import { toFtsQuery } from '@/server/search/fts-query';
import type { z } from 'zod';

export type ListTicketsInput = { filter: z.output<typeof ticketFilterSchema>; cursor?: TicketCursor; limit: number };

/**
 * The inbox list: filters, optional full-text search, keyset pagination.
 * With a search term the list is limited to the newest SEARCH_CANDIDATES hits per index; `searchCapped`
 * tells the UI to say so instead of pretending the result is complete.
 */
export function listTickets(db: Db, viewerId: number, input: ListTicketsInput, now = Date.now()) {
  const { q, ...filter } = input.filter;
  let ids: number[] | undefined;
  // The ticket a number names tops the first page (one row more than asked) and does not come again:
  // typing "#4000" should not bury #4000 under tickets that merely mention "4000…".
  let named: number[] = [];
  if (q) {
    const fts = toFtsQuery(q);
    // A ticket number or a phone number finds its tickets exactly; words (and digits in messages) through the index.
    const number = ticketNumberOf(q);
    named = number === null ? [] : ticketIdsByNumber(db, number);
    ids = [...new Set([...ticketIdsByPhone(db, phoneVariants(q)), ...(fts ? searchTicketIds(db, fts) : [])])].filter((id) => !named.includes(id));
    if (ids.length === 0 && named.length === 0) return { items: [], nextCursor: null, searchCapped: false };
  }
  const first = named.length && !input.cursor ? selectTicketPage(db, { ...filter, viewerId, ids: named, now }, undefined, 1) : [];
  const rows = ids?.length === 0 ? [] : selectTicketPage(db, { ...filter, viewerId, ids, now }, input.cursor, input.limit);
  const hasMore = rows.length > input.limit;
  const items = [...first, ...(hasMore ? rows.slice(0, input.limit) : rows)].map((r) => ({ ...r, unread: Boolean(r.unread) }));
  const last = hasMore ? rows[input.limit - 1] : undefined;
  return {
    items,
    nextCursor: last ? { at: filter.sort === 'due' ? last.slaDueAt! : last.lastActivityAt, id: last.id } : null,
    searchCapped: ids !== undefined && ids.length >= SEARCH_CANDIDATES,
  };
}
