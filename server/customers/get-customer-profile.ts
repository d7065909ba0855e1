import type { Db } from '@/db/client';
import { listCustomerTickets } from '@/db/queries/tickets';
import { findCustomer, listIdentities } from '@/db/queries/customers';
import { listCustomerAttributes } from '@/db/queries/customer-attributes';
import { DomainError } from '@/server/errors/domain-error';
import { customerSurveys } from '@/server/surveys/survey-summary';

/** The sidebar beside a conversation: who the customer is and what else they have asked, on any channel. */
export function getCustomerProfile(db: Db, customerId: number) {
  const customer = findCustomer(db, customerId);
  if (!customer) throw new DomainError('NOT_FOUND', 'customer_not_found', { id: customerId });
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    emailVerified: customer.emailVerified,
    attributes: listCustomerAttributes(db, customerId),
    createdAt: customer.createdAt,
    identities: listIdentities(db, customerId),
    tickets: listCustomerTickets(db, customerId, 20),
    // Their ratings on every ticket, newest first; NPS is about the company, so its latest answer stands out.
    surveys: customerSurveys(db, customerId),
    surveyOptOutAt: customer.surveyOptOutAt,
  };
}
