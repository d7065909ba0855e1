import { type Db, transact } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import * as sq from '@/db/queries/surveys';
import { insertEvents } from '@/db/queries/tickets';
import { ticketEvent } from '@/lib/ticket-events';
import { DomainError } from '@/server/errors/domain-error';
import { getBus } from '@/server/realtime/bus';

/**
 * The customer stops surveys: recorded on the customer (every channel's send job asks) and as an event on
 * the ticket whose survey they used. Works after the survey closed for answers: nobody should have to
 * answer in time to be left alone. Saying it twice changes nothing.
 */
export function optOutOfSurveys(db: Db, requestId: number, now = Date.now()): { already: boolean } {
  const result = transact(db, (tx) => {
    const request = sq.findSurveyRequest(tx, requestId);
    if (!request) throw new DomainError('NOT_FOUND', 'survey_not_found');
    const customer = findCustomer(tx, request.customerId);
    if (!customer || customer.surveyOptOutAt !== null) return { already: true, ticketId: request.ticketId };
    sq.setSurveyOptOut(tx, customer.id, now);
    insertEvents(tx, [ticketEvent(request.ticketId, 'survey_opted_out', { requestId }, { kind: 'customer' }, now)]);
    return { already: false, ticketId: request.ticketId };
  });
  if (!result.already) {
    getBus().emit('survey.changed', { ticketId: result.ticketId });
    getBus().emit('ticket.changed', { ticketId: result.ticketId, kind: 'updated', actorAgentId: null });
  }
  return { already: result.already };
}
