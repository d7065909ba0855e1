/**
 * What a canned reply or a messenger template can fill in: the one vocabulary both use. In a macro's text
 * a placeholder is written `{{customer.first_name}}` (spaces inside the braces are allowed).
 */
export const PLACEHOLDERS = ['customer.name', 'customer.first_name', 'ticket.number', 'ticket.subject', 'agent.name', 'agent.first_name'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type PlaceholderSources = { customerName: string; ticketNumber: number; ticketSubject: string; agentName: string };

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

export function placeholderValues(s: PlaceholderSources): Record<Placeholder, string> {
  return {
    'customer.name': s.customerName.trim(),
    'customer.first_name': firstName(s.customerName),
    'ticket.number': String(s.ticketNumber),
    'ticket.subject': s.ticketSubject,
    'agent.name': s.agentName.trim(),
    'agent.first_name': firstName(s.agentName),
  };
}

const PATTERN = /\{\{\s*([a-z_.]+)\s*\}\}/g;
const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** The placeholders in a text that are not in the vocabulary (a typo would otherwise reach the customer). */
export const unknownPlaceholders = (text: string) => [...new Set([...text.matchAll(PATTERN)].map((m) => m[1]!).filter((n) => !isPlaceholder(n)))];

/** The text with its placeholders filled; an unknown one stays as written. */
export const fillPlaceholders = (text: string, values: Record<Placeholder, string>) =>
  text.replace(PATTERN, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
