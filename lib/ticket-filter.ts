import { z } from 'zod';
import { TICKET_STATUSES, CHANNEL_KINDS, PRIORITIES, UNSOLVED_STATUSES } from './domain';

/** The inbox's filter; shared by the filter UI and the list procedure so both validate the same way. */
export const ticketFilterSchema = z.object({
  status: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length).optional(),
  channel: z.array(z.enum(CHANNEL_KINDS)).max(CHANNEL_KINDS.length).optional(),
  priority: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).optional(),
  /** `me_or_unassigned` is the default working view. A number picks one agent. */
  assignee: z.union([z.enum(['me', 'unassigned', 'me_or_unassigned', 'any']), z.number().int().positive()]).default('any'),
  teamId: z.number().int().positive().optional(),
  tagId: z.number().int().positive().optional(),
  customerId: z.number().int().positive().optional(),
  /** Spam (and mail failing its domain's DMARC policy) shows only here; every other list leaves it out. */
  spam: z.boolean().default(false),
  /** Only tickets snoozed until a time (the Snoozed view). */
  snoozed: z.boolean().optional(),
  /** Tickets whose next SLA target is past due, or past its warning and not yet due. */
  sla: z.enum(['breached', 'at_risk']).optional(),
  /** Newest activity first (the default), or the next SLA due time soonest first (tickets without one left out). */
  sort: z.enum(['activity', 'due']).default('activity'),
  /** Free text; any characters are allowed and never reach FTS5 as syntax. */
  q: z.string().trim().max(200).optional(),
});
export type TicketFilter = z.input<typeof ticketFilterSchema>;

export const ticketCursorSchema = z.object({ at: z.number().int(), id: z.number().int() });
export type TicketCursor = z.infer<typeof ticketCursorSchema>;

export const DEFAULT_VIEW: TicketFilter = { status: [...UNSOLVED_STATUSES], assignee: 'me_or_unassigned' };

/** Built-in views in the left pane. */
export const VIEWS = [
  { id: 'mine_unassigned', filter: DEFAULT_VIEW },
  { id: 'mine', filter: { status: [...UNSOLVED_STATUSES], assignee: 'me' } },
  { id: 'unassigned', filter: { status: [...UNSOLVED_STATUSES], assignee: 'unassigned' } },
  { id: 'all_unsolved', filter: { status: [...UNSOLVED_STATUSES], assignee: 'any' } },
  { id: 'breached', filter: { status: [...UNSOLVED_STATUSES], assignee: 'any', sla: 'breached', sort: 'due' } },
  { id: 'at_risk', filter: { status: [...UNSOLVED_STATUSES], assignee: 'any', sla: 'at_risk', sort: 'due' } },
  { id: 'pending', filter: { status: ['pending'], assignee: 'any' } },
  { id: 'snoozed', filter: { assignee: 'any', snoozed: true } },
  { id: 'solved', filter: { status: ['solved', 'closed'], assignee: 'any' } },
  { id: 'all', filter: { assignee: 'any' } },
  { id: 'spam', filter: { assignee: 'any', spam: true } },
] as const satisfies readonly { id: string; filter: TicketFilter }[];
export type ViewId = (typeof VIEWS)[number]['id'];
