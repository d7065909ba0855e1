import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, messages, tickets } from '@/db/schema';
import { listIdentities, findCustomer } from '@/db/queries/customers';
import { listCustomerAttributes } from '@/db/queries/customer-attributes';
import { searchCustomers } from '@/db/queries/customer-merge';
import { insertCustomerWithIdentity, findCustomerByIdentity } from '@/db/queries/inbound';
import { openTestDatabase } from '@/server/testing/test-database';
import { createTestTicket } from '@/server/testing/fixtures';
import { toFtsQuery } from '@/server/search/fts-query';
import { indexAllRows } from '@/db/queries/search-index';
import { mergeCustomers } from './merge-customers';
import { setCustomerAttributes } from './customer-attributes';
import { recordBus } from '@/server/testing/bus-recorder';
import { insertSurveyAnswer, insertSurveyRequest, listCustomerSurveys } from '@/db/queries/surveys';
import { defaultSurveyPolicy } from '@/lib/surveys/survey-policy';

// Linking a messenger identity to the person it belongs to, on a real SQLite file.
let db: Db;
let close: () => void;
const AT = Date.UTC(2026, 10, 2, 9, 0);
beforeAll(() => ({ db, close } = openTestDatabase()));
const heard = recordBus(['ticket.changed']);
afterAll(() => close());

function person(name: string, kind: 'email' | 'whatsapp' | 'telegram', externalId: string, email: string | null, verified = false) {
  const c = insertCustomerWithIdentity(db, { name, email, emailVerified: verified, kind, externalId, now: AT });
  return c.id;
}

describe('linking two customers', () => {
  it('moves every identity, ticket and message to the target, keeps the target’s attributes, and removes the source', () => {
    const target = person('Jürgen Müller', 'email', 'juergen@example.de', 'juergen@example.de', true);
    const source = person('Jürgen M.', 'whatsapp', '4917612345678', null);
    setCustomerAttributes(db, target, { Kundennummer: 'K-1001', Stadt: 'Berlin' }, AT);
    setCustomerAttributes(db, source, { Stadt: 'Hamburg', Telegram: 'x' }, AT);
    const emailTicket = createTestTicket(db, { channel: 'email', customerId: target, at: AT }).ticket;
    const waTicket = createTestTicket(db, { channel: 'whatsapp', customerId: source, at: AT + 1000 }).ticket;

    expect(mergeCustomers(db, { sourceId: source, targetId: target })).toEqual({ id: target, tickets: 1 });
    // Open inboxes show the moved ticket under its new customer at once.
    expect(heard).toEqual([{ name: 'ticket.changed', payload: { ticketId: waTicket.id, kind: 'updated', actorAgentId: null } }]);
    expect(findCustomer(db, source)).toBeUndefined();
    expect(listIdentities(db, target).map((i) => [i.kind, i.externalId])).toEqual([
      ['email', 'juergen@example.de'],
      ['whatsapp', '4917612345678'],
    ]);
    expect(findCustomerByIdentity(db, 'whatsapp', '4917612345678')!.id).toBe(target);
    for (const id of [emailTicket.id, waTicket.id]) expect(db.select().from(tickets).where(eq(tickets.id, id)).get()!.customerId).toBe(target);
    const authors = db.select({ a: messages.authorCustomerId }).from(messages).where(eq(messages.ticketId, waTicket.id)).all();
    expect(authors.every((m) => m.a === target)).toBe(true);
    expect(listCustomerAttributes(db, target)).toEqual({ Kundennummer: 'K-1001', Stadt: 'Berlin', Telegram: 'x' });
    expect(findCustomer(db, target)).toMatchObject({ email: 'juergen@example.de', emailVerified: true });
  });

  it('keeps the surveys the source was sent, with their answers, under the target', () => {
    const target = person('Anna Weiß', 'email', 'anna@example.de', 'anna@example.de', true);
    const source = person('Anna', 'telegram', '7002', null);
    const { ticket } = createTestTicket(db, { channel: 'telegram', customerId: source, at: AT });
    const request = insertSurveyRequest(db, {
      ticketId: ticket.id,
      cycle: 1,
      policyId: null,
      customerId: source,
      channelId: ticket.channelId,
      channelKind: 'telegram',
      question: defaultSurveyPolicy('csat', 'Kurz').question,
      locale: 'de',
      agentId: null,
      teamId: null,
      sentAt: AT,
      answerableUntil: AT + 7 * 24 * 3600_000,
    });
    insertSurveyAnswer(db, {
      requestId: request.id,
      type: 'csat',
      score: 5,
      scaleMin: 1,
      scaleMax: 5,
      source: 'telegram',
      submissionKey: 'merge-1',
      createdAt: AT,
    });
    mergeCustomers(db, { sourceId: source, targetId: target });
    expect(listCustomerSurveys(db, target, 10).map((s) => [s.id, s.answer?.score])).toEqual([[request.id, 5]]);
  });

  it('takes the source’s email when the target has none, or only a typed one against a proven one', () => {
    const target = person('Lea', 'telegram', '7001', null);
    const source = person('Lea Schröder', 'email', 'lea@example.de', 'lea@example.de', true);
    mergeCustomers(db, { sourceId: source, targetId: target });
    expect(findCustomer(db, target)).toMatchObject({ email: 'lea@example.de', emailVerified: true });

    const typed = person('Ole', 'whatsapp', '4915', 'ole@typo.de', false);
    const proven = person('Ole P.', 'email', 'ole@example.de', 'ole@example.de', true);
    mergeCustomers(db, { sourceId: proven, targetId: typed });
    expect(findCustomer(db, typed)).toMatchObject({ email: 'ole@example.de', emailVerified: true });

    // A target's proven address stays; so does a typed one against another typed one; no address takes nothing.
    const keeps = (targetEmail: string, targetProven: boolean, sourceEmail: string | null, sourceProven: boolean) => {
      const t = person('T', 'whatsapp', `t-${targetEmail}-${sourceEmail}`, targetEmail, targetProven);
      const s = person('S', 'telegram', `s-${targetEmail}-${sourceEmail}`, sourceEmail, sourceProven);
      mergeCustomers(db, { sourceId: s, targetId: t });
      return findCustomer(db, t);
    };
    expect(keeps('a@example.de', true, 'b@example.de', true)).toMatchObject({ email: 'a@example.de', emailVerified: true });
    expect(keeps('c@example.de', false, 'd@example.de', false)).toMatchObject({ email: 'c@example.de', emailVerified: false });
    expect(keeps('e@example.de', true, 'f@example.de', false)).toMatchObject({ email: 'e@example.de', emailVerified: true });
    expect(keeps('g@example.de', false, null, false)).toMatchObject({ email: 'g@example.de' });
  });

  it('refuses linking a customer to themselves or to someone who does not exist, and changes nothing', () => {
    const a = person('Anna', 'whatsapp', '4916', null);
    expect(() => mergeCustomers(db, { sourceId: a, targetId: a })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', key: 'customer_merge_same' }));
    expect(() => mergeCustomers(db, { sourceId: a, targetId: 999_999 })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: 'Customer 999999 does not exist' }),
    );
    expect(() => mergeCustomers(db, { sourceId: 999_998, targetId: a })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: 'Customer 999998 does not exist' }),
    );
    expect(findCustomer(db, a)).toBeDefined();
  });

  it('finds customers to link by name or email, umlauts or not', () => {
    person('Jörg Weiß', 'email', 'joerg@example.de', 'joerg@example.de', true);
    indexAllRows(db);
    const names = (q: string) => searchCustomers(db, toFtsQuery(q)!, 20).map((c) => c.name);
    expect(names('Jorg')).toContain('Jörg Weiß');
    expect(names('joerg@example')).toContain('Jörg Weiß');
    expect(db.select().from(customers).where(eq(customers.name, 'Jörg Weiß')).all()).toHaveLength(1);
  });
});
