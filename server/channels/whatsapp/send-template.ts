import type { Db } from '@/db/client';
import { findTicketWithChannel } from '@/db/queries/tickets';
import { findChannel } from '@/db/queries/inbound';
import { findCustomer } from '@/db/queries/customers';
import { whatsappSettingsSchema, type WhatsappTemplate } from '@/lib/channel-settings/whatsapp';
import { placeholderValues, type PlaceholderSources } from '@/lib/placeholders';
import type { TicketStatus } from '@/lib/domain';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';
import { canAccessTicket } from '@/server/tickets/ticket-access';
import { replyToTicket } from '@/server/tickets/reply-to-ticket';

/** A template's `{{n}}` values, from what its configuration says each one is. */
export function templateValues(template: Pick<WhatsappTemplate, 'parameters'>, s: PlaceholderSources): string[] {
  const value = placeholderValues(s);
  // WhatsApp refuses an empty parameter; a dash keeps the sentence readable.
  return template.parameters.map((p) => value[p].trim() || '–');
}

/** The body as the customer reads it: `Hallo {{1}}` with the values in. */
export const fillTemplate = (body: string, values: string[]) => body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => values[Number(n) - 1] ?? whole);

/**
 * Sends one of the channel's approved templates as the agent's reply (the only message WhatsApp lets a
 * business send once the 24-hour window has closed): stored in the thread as the customer will read it.
 */
export async function sendWhatsappTemplate(db: Db, viewer: Viewer, input: { ticketId: number; name: string; status?: TicketStatus; clientId?: string }) {
  const row = findTicketWithChannel(db, input.ticketId);
  if (!row || !canAccessTicket(viewer, row.ticket)) throw new DomainError('NOT_FOUND', 'ticket_not_found', { id: input.ticketId });
  const settings = row.channel.kind === 'whatsapp' ? whatsappSettingsSchema.safeParse(findChannel(db, row.channel.id)?.settings) : null;
  const template = settings?.success ? settings.data.templates.find((t) => t.name === input.name) : undefined;
  if (!template) throw new DomainError('BAD_REQUEST', 'template_unknown', { name: input.name });
  const parameters = templateValues(template, {
    customerName: findCustomer(db, row.ticket.customerId)?.name ?? '',
    ticketNumber: row.ticket.number,
    ticketSubject: row.ticket.subject,
    agentName: viewer.name,
  });
  return replyToTicket(db, viewer, {
    ticketId: input.ticketId,
    body: fillTemplate(template.body, parameters),
    internal: false,
    status: input.status,
    clientId: input.clientId,
    template: { name: template.name, language: template.language, parameters },
  });
}
