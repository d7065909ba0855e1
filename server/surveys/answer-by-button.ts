import type { Db } from '@/db/client';
import { transact } from '@/db/client';
import { findCustomerByIdentity } from '@/db/queries/inbound';
import * as sq from '@/db/queries/surveys';
import * as q from '@/db/queries/tickets';
import { catalogs } from '@/lib/i18n';
import { fill } from '@/lib/i18n/fill';
import { queueOutbound } from '@/server/channels/outbound';
import { DomainError } from '@/server/errors/domain-error';
import { optOutOfSurveys } from './opt-out';
import { recordSurveyAnswer } from './record-answer';
import { parseChoiceId } from './survey-content';

type MessengerKind = 'whatsapp' | 'messenger' | 'telegram';
/** `message`: why a tap was refused, in the survey's language, for a platform that can show it (Telegram's toast). */
export type ButtonAnswer = { outcome: 'answered' | 'stopped' } | { outcome: 'refused'; key: string; message: string };

/**
 * A messenger customer tapped one of a survey's buttons: the platform's verified webhook names the
 * sender, and only the customer the survey was sent to, on that channel, may answer it (a claim in the
 * button's payload is not an identity). Returns null for a tap that is no survey's, so the caller handles
 * it as a message. A tap is never a turn in the conversation: it neither reopens the ticket nor starts a
 * clock. The customer is thanked on the channel where the platform still allows a message.
 */
export function answerByButton(
  db: Db,
  tap: { kind: MessengerKind; channelId: number; externalId: string; choiceId: string; submissionKey: string; at: number },
): ButtonAnswer | null {
  const choice = parseChoiceId(tap.choiceId);
  if (!choice) return null;
  const request = sq.findSurveyRequest(db, choice.requestId);
  const customer = findCustomerByIdentity(db, tap.kind, tap.externalId);
  const refuse = (key: string, params: Record<string, string | number> = {}): ButtonAnswer => {
    const texts = catalogs[request?.locale ?? 'en'].serverErrors as Record<string, string>;
    return { outcome: 'refused', key, message: fill(texts[key] ?? key, params) };
  };
  if (!request || !customer || request.customerId !== customer.id || request.channelId !== tap.channelId) return refuse('survey_not_yours');
  try {
    if (choice.choice === 'stop') optOutOfSurveys(db, request.id, tap.at);
    else recordSurveyAnswer(db, { requestId: request.id, score: choice.choice, source: tap.kind, submissionKey: tap.submissionKey }, tap.at);
  } catch (err) {
    if (err instanceof DomainError) return refuse(err.key, err.params as Record<string, string | number>);
    throw err;
  }
  const outcome = choice.choice === 'stop' ? 'stopped' : 'answered';
  thank(db, request, outcome, tap.at);
  return { outcome };
}

function thank(db: Db, request: sq.SurveyRequestRow, outcome: 'answered' | 'stopped', now: number) {
  const m = catalogs[request.locale].surveyMessage;
  const text = outcome === 'answered' ? m.thanks : m.stopped;
  try {
    transact(db, (tx) => {
      const row = q.findTicketWithChannel(tx, request.ticketId);
      if (!row) return;
      const message = q.insertMessage(tx, { ticketId: row.ticket.id, authorKind: 'system', bodyText: text, meta: { autoSubmitted: true }, createdAt: now });
      queueOutbound(tx, row.ticket, row.channel, message.id, { text, autoSubmitted: true }, now);
    });
  } catch (err) {
    // Outside the platform's reply window the thanks cannot go out; the answer counts all the same.
    if (!(err instanceof DomainError)) throw err;
  }
}
