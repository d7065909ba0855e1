// Universal domain vocabulary: imported by the browser, the server and the database schema alike.
// Nothing here may import from server/ or db/.

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses that still need work; "unsolved" in helpdesk parlance. */
/** How many tags one ticket may carry. */
export const MAX_TICKET_TAGS = 20;

export const UNSOLVED_STATUSES = ['new', 'open', 'pending', 'on_hold'] as const satisfies readonly TicketStatus[];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNEL_KINDS = ['email', 'chat', 'messenger', 'whatsapp', 'telegram', 'web_form'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const ROLES = ['agent', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const ROLE_RANK: Record<Role, number> = { agent: 0, lead: 1, admin: 2 };
/** True when `role` grants at least the rights of `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[required];
}

export const AUTHOR_KINDS = ['customer', 'agent', 'system', 'bot'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

// Ticket event types and their payloads: lib/ticket-events.ts.
