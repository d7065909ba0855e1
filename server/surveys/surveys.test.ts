import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import { jobs, notifications, outbox, surveyAnswers, surveyPolicies, surveyRequests, ticketLinks } from '@/db/schema';
import { listChannelsOfKind, setMessageDelivery } from '@/db/queries/inbound';
import { updateChannelSettings } from '@/db/queries/channels';
import { findCustomer, findIdentityOfKind } from '@/db/queries/customers';
import { listEvents, listMessages, listTicketTags, findTicket } from '@/db/queries/tickets';
import { listTicketSurveys, setSurveyOptOut } from '@/db/queries/surveys';
import { listNotifications } from '@/db/queries/notifications';
import { findJob } from '@/db/queries/jobs';
import { scheduleJob } from '@/server/jobs/durable-jobs';
import { deleteSurveyPolicy, listSurveyPolicies, reorderSurveyPolicies } from './survey-policies';
import { recordBus } from '@/server/testing/bus-recorder';
import { runDueJobs } from '@/server/jobs/durable-jobs';
import { runOutboxOnce } from '@/server/jobs/outbox-worker';
import { ingest } from '@/server/channels/ingest';
import { replyToTicket } from '@/server/tickets/reply-to-ticket';
import { updateTicket } from '@/server/tickets/update-ticket';
import { getTicket } from '@/server/tickets/get-ticket';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { createTestTicket } from '@/server/testing/fixtures';
import { startSmtpSink } from '@/server/testing/smtp-sink';
import { loadConfig } from '@/server/config';
import { getConfig, setConfig } from '@/server/runtime-config';
import { DomainError } from '@/server/errors/domain-error';
import type { Viewer } from '@/server/auth/sessions';
import { defaultSurveyPolicy, type SurveyPolicyInput } from '@/lib/surveys/survey-policy';
import { registerSurveyJobs } from './send-survey';
import { saveSurveyPolicy } from './survey-policies';
import { surveyPageView } from './survey-page';
import { recordSurveyAnswer } from './record-answer';
import { optOutOfSurveys } from './opt-out';
import { answerByButton } from './answer-by-button';
import { checkSurveyToken } from './survey-token';
import { SURVEY_JOB, surveyJobId } from './plan-survey';

// Surveys end to end below the browser: a real SQLite file, the durable job that sends, the outbox worker
// delivering to a real SMTP server, the link's page and the answers.
let db: Db;
let close: () => void;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let jana: Viewer;
let emailChannelId: number;
const heard = recordBus(['survey.changed', 'notifications.new', 'ticket.changed']);
const HOUR = 3600_000;
const DAY = 24 * HOUR;
// Tuesday 1 December 2026, 10:00 in Berlin.
const T0 = Date.UTC(2026, 11, 1, 9, 0);

beforeAll(async () => {
  ({ db, close } = openTestDatabase());
  setConfig(loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'helpdesk-surveys'), PUBLIC_URL: 'https://help.example.de' }));
  sink = await startSmtpSink();
  const inbox = listChannelsOfKind(db, 'email')[0]!;
  emailChannelId = inbox.id;
  updateChannelSettings(db, inbox.id, {
    address: 'support@demo.local',
    displayName: 'Demo Support',
    smtp: { host: '127.0.0.1', port: sink.port, secure: false },
  });
  jana = viewerOf(db, 'jana@demo.local');
  registerSurveyJobs();
});
afterAll(async () => {
  await sink?.close();
  close();
});
beforeEach(() => {
  for (const t of [surveyAnswers, surveyRequests, surveyPolicies, jobs, outbox, notifications])
    db.delete(t)
      .where(sql`1 = 1`)
      .run();
  sink.mails.length = 0;
});

/** A policy as the settings page would save it: the standard question of its type, no delay unless given. */
function policy(type: 'csat' | 'nps' | 'ces', o: Partial<SurveyPolicyInput> = {}) {
  return saveSurveyPolicy(db, null, { ...defaultSurveyPolicy(type, `${type} ${Math.random()}`), delayMinutes: 0, businessHours: false, quietDays: 0, ...o }).id;
}

let n = 0;
/** A customer's email (their address proven by the mail itself), answered by Jana and solved at `at`. */
async function solvedEmailTicket(at: number, o: { address?: string; reply?: boolean; automatic?: boolean; failedReply?: boolean } = {}) {
  const address = o.address ?? `kundin-${++n}@example.de`;
  const { ticketId } = ingest(
    db,
    {
      channelId: emailChannelId,
      from: { externalId: address, name: 'Kundin', email: address, emailProven: true },
      channelMessageId: `<m${++n}@example.de>`,
      subject: 'Rechnung doppelt',
      text: 'Ich wurde doppelt belastet.',
      html: null,
      receivedAt: at - HOUR,
      autoSubmitted: o.automatic ?? false,
    },
    { resolveThread: () => ({ kind: 'new' }) },
  );
  if (o.reply !== false) {
    const { messageId } = await replyToTicket(db, jana, { ticketId, body: 'Wir haben es erstattet.', internal: false }, { now: at - HOUR / 2 });
    if (o.failedReply) setMessageDelivery(db, messageId, 'failed', '550 mailbox unavailable');
  }
  updateTicket(db, jana, ticketId, { assigneeId: jana.id, status: 'solved' }, at);
  return ticketId;
}

const linkIn = (text: string, score: number) => new RegExp(`https://help\\.example\\.de/s/([\\w.-]+)\\?score=${score}`).exec(text)?.[1];
const eventsOf = (ticketId: number, type: string) => listEvents(db, ticketId).filter((e) => e.type === type);
const answer = (requestId: number, score: number, key: string, o: { comment?: string; at?: number } = {}) =>
  recordSurveyAnswer(db, { requestId, score, comment: o.comment, source: 'page', submissionKey: key }, o.at ?? T0 + HOUR);

describe('a CSAT survey by email', () => {
  it('is sent a day after solving as an email whose links only open the page; the Send records once and a change within the window is a second event', async () => {
    policy('csat', { delayMinutes: 24 * 60 });
    const ticketId = await solvedEmailTicket(T0);
    expect(findJob(db, surveyJobId(ticketId, 1))).toMatchObject({ runAt: T0 + DAY, state: 'queued' });

    runDueJobs(db, T0 + DAY - 1);
    expect(listTicketSurveys(db, ticketId)).toEqual([]);
    runDueJobs(db, T0 + DAY);
    await runOutboxOnce(db, T0 + DAY + 1000);
    const mail = await sink.waitFor((m) => m.parsed.subject?.startsWith('Wie war unser Service?') ?? false);
    const number = findTicket(db, ticketId)!.number;
    expect(mail.parsed.subject).toBe(`Wie war unser Service? [#${number}] Rechnung doppelt`);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.raw).toMatch(/List-Unsubscribe:\s*<https:\/\/help\.example\.de\/s\/[\w.-]+\/one-click>/);
    expect(mail.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const text = mail.parsed.text!;
    expect(text).toContain('Wie zufrieden sind Sie mit der Hilfe, die Sie erhalten haben?');
    expect(text).toMatch(/5 – Sehr zufrieden: https:\/\/help\.example\.de\/s\/[\w.-]+\?score=5/);
    expect(text).toMatch(/1 – Sehr unzufrieden: https:\/\/help\.example\.de\/s\/[\w.-]+\?score=1/);
    expect(text).toMatch(/Keine Umfragen mehr von uns: https:\/\/help\.example\.de\/s\/[\w.-]+\/stop/);
    expect(mail.parsed.html).toContain('?score=4" style="color:#1d4ed8">4 – Zufrieden</a>');

    const token = linkIn(text, 4)!;
    // Opening the link (a person, a scanner or a prefetch) shows the page and records nothing.
    const view = surveyPageView(db, getConfig().sessionSecret, token, T0 + DAY + HOUR);
    expect(view).toMatchObject({ status: 'open', locale: 'de', answer: null, ticket: { number, subject: 'Rechnung doppelt' } });
    expect(db.select().from(surveyAnswers).all()).toEqual([]);

    const [request] = listTicketSurveys(db, ticketId);
    const first = answer(request!.id, 4, 'page:a', { at: T0 + DAY + HOUR });
    expect(first).toMatchObject({ changed: false, duplicate: false });
    // The same form sent twice (a double click) and the same answer from a new form store nothing more.
    expect(answer(request!.id, 4, 'page:a', { at: T0 + DAY + HOUR })).toMatchObject({ duplicate: true });
    expect(answer(request!.id, 4, 'page:b', { at: T0 + DAY + HOUR })).toMatchObject({ duplicate: true });
    expect(answer(request!.id, 2, 'page:c', { comment: 'Doch nicht erstattet', at: T0 + 3 * DAY })).toMatchObject({ changed: true });

    expect(eventsOf(ticketId, 'survey_sent').map((e) => e.data)).toEqual([
      { requestId: request!.id, policyId: request!.policyId, cycle: 1, type: 'csat', channel: 'email' },
    ]);
    expect(eventsOf(ticketId, 'survey_answered').map((e) => e.data)).toEqual([
      expect.objectContaining({ score: 4, scale: { min: 1, max: 5 }, changed: false, unhappy: false, agentId: jana.id, channel: 'email', comment: false }),
      expect.objectContaining({ score: 2, changed: true, unhappy: true, comment: true }),
    ]);
    expect(listTicketSurveys(db, ticketId)[0]).toMatchObject({ answerCount: 2, answer: { score: 2, comment: 'Doch nicht erstattet' } });
    // The thread shows the survey as a system message linked to its request, without the customer's links
    // (an agent clicking one would answer in the customer's name).
    expect(listMessages(db, ticketId).at(-1)).toMatchObject({ authorKind: 'system', meta: { survey: { requestId: request!.id } } });
    const seen = getTicket(db, jana, ticketId).messages.at(-1)!;
    expect(seen).toMatchObject({ surveyRequestId: request!.id, bodyText: expect.stringContaining('Wie zufrieden sind Sie') });
    expect(seen.bodyText).not.toContain('/s/');
    expect(getTicket(db, jana, ticketId).surveys).toMatchObject([
      { type: 'csat', answer: { score: 2, reading: 'unhappy', comment: 'Doch nicht erstattet' }, changes: 1 },
    ]);
  });

  it('refuses what it must with a reason and keeps a valid answer: off the scale, an unknown reason, 50,000 characters, after the window, a forged token', async () => {
    policy('csat');
    const ticketId = await solvedEmailTicket(T0);
    runDueJobs(db, T0);
    const [request] = listTicketSurveys(db, ticketId);
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err instanceof DomainError ? err.key : String(err);
      }
      return null;
    };
    expect(refusal(() => answer(request!.id, 6, 'k1'))).toBe('survey_score_off_scale');
    expect(refusal(() => answer(request!.id, 0, 'k2'))).toBe('survey_score_off_scale');
    expect(refusal(() => recordSurveyAnswer(db, { requestId: request!.id, score: 3, reason: 'slow', source: 'page', submissionKey: 'k3' }, T0))).toBe(
      'survey_reason_unknown',
    );
    expect(refusal(() => answer(request!.id, 3, 'k4', { comment: 'x'.repeat(50_000) }))).toBe('survey_comment_too_long');
    expect(refusal(() => answer(request!.id + 999, 3, 'k5'))).toBe('survey_not_found');
    expect(db.select().from(surveyAnswers).all()).toEqual([]);

    // HTML in a comment is kept as the text it is; it is never rendered as markup.
    answer(request!.id, 3, 'k6', { comment: '<img src=x onerror=alert(1)> zu langsam' });
    expect(listTicketSurveys(db, ticketId)[0]!.answer).toMatchObject({ score: 3, comment: '<img src=x onerror=alert(1)> zu langsam' });
    expect(refusal(() => answer(request!.id, 5, 'k7', { at: request!.answerableUntil + 1 }))).toBe('survey_closed');
    expect(listTicketSurveys(db, ticketId)[0]!.answer!.score).toBe(3);

    const secret = getConfig().sessionSecret;
    const token = linkIn(listMessages(db, ticketId).at(-1)!.bodyText, 3)!;
    expect(checkSurveyToken(secret, token, T0)).toEqual({ ok: true, requestId: request!.id });
    const [, exp, mac] = token.split('.');
    expect(checkSurveyToken(secret, `${request!.id + 1}.${exp}.${mac}`, T0)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSurveyToken(secret, token, request!.answerableUntil + 1)).toEqual({ ok: false, reason: 'expired' });
    expect(surveyPageView(db, secret, token, request!.answerableUntil + 1)).toMatchObject({ status: 'expired', locale: 'de' });
    expect(surveyPageView(db, secret, `${token}x`, T0)).toMatchObject({ status: 'invalid' });
  });
});

describe('when a survey is not sent', () => {
  it('records each skip with its reason, decided when the survey is due', async () => {
    policy('csat', { delayMinutes: 60, quietDays: 30 });
    const reopened = await solvedEmailTicket(T0);
    updateTicket(db, jana, reopened, { status: 'open' }, T0 + 10 * 60_000);
    const noReply = await solvedEmailTicket(T0, { reply: false });
    const optedOut = await solvedEmailTicket(T0);
    setSurveyOptOut(db, findTicket(db, optedOut)!.customerId, T0);
    const sent = await solvedEmailTicket(T0, { address: 'stamm@example.de' });
    runDueJobs(db, T0 + HOUR);
    // Surveyed an hour ago: the same customer's next solved ticket within 30 days is not asked.
    const again = await solvedEmailTicket(T0 + 2 * HOUR, { address: 'stamm@example.de' });
    runDueJobs(db, T0 + 3 * HOUR);

    const reasonOf = (id: number) => eventsOf(id, 'survey_skipped').map((e) => (e.data as { reason: string }).reason);
    expect(reasonOf(reopened)).toEqual(['reopened']);
    expect(reasonOf(noReply)).toEqual(['no_agent_reply']);
    expect(reasonOf(optedOut)).toEqual(['opted_out']);
    expect(reasonOf(sent)).toEqual([]);
    expect(eventsOf(sent, 'survey_sent')).toHaveLength(1);
    expect(reasonOf(again)).toEqual(['recently_surveyed']);
  });

  it('skips when the customer wrote again before the send', async () => {
    policy('nps', { delayMinutes: 60 });
    const wroteAgain = await solvedEmailTicket(T0, { address: 'nochmal@example.de' });
    ingest(
      db,
      {
        channelId: emailChannelId,
        from: { externalId: 'nochmal@example.de', name: 'Kundin', email: 'nochmal@example.de', emailProven: true },
        channelMessageId: '<other@example.de>',
        subject: 'Noch eine Frage',
        text: 'Und noch etwas.',
        html: null,
        receivedAt: T0 + 30 * 60_000,
        autoSubmitted: false,
      },
      { resolveThread: () => ({ kind: 'new' }) },
    );
    runDueJobs(db, T0 + HOUR);
    expect(eventsOf(wroteAgain, 'survey_skipped').map((e) => e.data)).toEqual([expect.objectContaining({ reason: 'customer_wrote_again' })]);
  });

  it('sends once per solve cycle across restarts and double runs, and again in the next cycle', async () => {
    policy('csat', { delayMinutes: 60 });
    const ticketId = await solvedEmailTicket(T0);
    // The process stops after planning: a new connection to the same file finds the job and sends it once.
    const file = db.$client.name;
    const reopened = openDatabase(file);
    runDueJobs(reopened, T0 + HOUR);
    runDueJobs(reopened, T0 + HOUR);
    runDueJobs(db, T0 + 2 * HOUR);
    reopened.$client.close();
    expect(listTicketSurveys(db, ticketId).map((s) => s.cycle)).toEqual([1]);
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .filter((r) => r.payload.subject?.toString().startsWith('Wie war')),
    ).toHaveLength(1);

    // Solved, reopened and solved again (its second cycle), then solving the same cycle again plans nothing new.
    updateTicket(db, jana, ticketId, { status: 'open' }, T0 + 3 * HOUR);
    await replyToTicket(db, jana, { ticketId, body: 'Nochmals erledigt.', internal: false, status: 'solved' }, { now: T0 + 4 * HOUR });
    runDueJobs(db, T0 + 5 * HOUR);
    expect(listTicketSurveys(db, ticketId).map((s) => s.cycle)).toEqual([1, 2]);
  });
});

describe('an unhappy answer', () => {
  it('notifies the team’s lead once, tags the ticket and opens a linked follow-up ticket for the agent who solved it', async () => {
    policy('csat', { unhappy: { notifyLead: true, tag: 'unzufrieden', action: 'follow_up', flagWords: [] } });
    const ticketId = await solvedEmailTicket(T0);
    runDueJobs(db, T0);
    const [request] = listTicketSurveys(db, ticketId);
    answer(request!.id, 1, 'u1', { comment: 'Gar nicht geholfen' });
    answer(request!.id, 2, 'u2');

    const ticket = findTicket(db, ticketId)!;
    expect(ticket.status).toBe('solved');
    expect(listTicketTags(db, ticketId).map((t) => t.name)).toEqual(['unzufrieden']);
    const lead = viewerOf(db, 'lena@demo.local');
    const told = listNotifications(db, lead.id, 10).filter((x) => x.kind === 'survey_unhappy');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ survey: { type: 'csat', score: 1, max: 5 } });
    const followUp = findTicket(db, told[0]!.ticketId)!;
    expect(followUp).toMatchObject({
      status: 'new',
      customerId: ticket.customerId,
      assigneeId: jana.id,
      subject: 'Rechnung doppelt',
      preview: 'Gar nicht geholfen',
    });
    expect(eventsOf(followUp.id, 'survey_follow_up').map((e) => e.data)).toEqual([
      { fromTicketId: ticketId, fromNumber: ticket.number, requestId: request!.id, answerId: expect.any(Number) },
    ]);
  });

  it('reopens the ticket where the policy says so, and a flagged word makes a good score unhappy', async () => {
    policy('nps', { unhappy: { notifyLead: false, tag: null, action: 'reopen', flagWords: ['anwalt'] } });
    const ticketId = await solvedEmailTicket(T0);
    runDueJobs(db, T0);
    const [request] = listTicketSurveys(db, ticketId);
    answer(request!.id, 9, 'n1', { comment: 'Sonst schalte ich meinen Anwalt ein.' });
    expect(findTicket(db, ticketId)).toMatchObject({ status: 'open', reopenCount: 1 });
    expect(eventsOf(ticketId, 'survey_answered').map((e) => (e.data as { unhappy: boolean }).unhappy)).toEqual([true]);
  });
});

describe('opting out', () => {
  it('stops surveys for the customer on every channel, once', async () => {
    policy('csat', { delayMinutes: 60 });
    const first = await solvedEmailTicket(T0, { address: 'genug@example.de' });
    runDueJobs(db, T0 + HOUR);
    const [request] = listTicketSurveys(db, first);
    expect(optOutOfSurveys(db, request!.id, T0 + 2 * HOUR)).toEqual({ already: false });
    expect(optOutOfSurveys(db, request!.id, T0 + 3 * HOUR)).toEqual({ already: true });
    const customer = findCustomer(db, findTicket(db, first)!.customerId)!;
    expect(customer.surveyOptOutAt).toBe(T0 + 2 * HOUR);
    expect(eventsOf(first, 'survey_opted_out')).toHaveLength(1);

    // Weeks later the same person chats on the website and the chat is solved: no survey there either.
    const later = T0 + 40 * DAY;
    const second = createTestTicket(db, { channel: 'chat', customerId: customer.id, at: later }).ticket.id;
    await replyToTicket(db, jana, { ticketId: second, body: 'Gern geschehen.', internal: false, status: 'solved' }, { now: later + 60_000 });
    runDueJobs(db, later + 2 * HOUR);
    expect(eventsOf(second, 'survey_skipped').map((e) => (e.data as { reason: string }).reason)).toEqual(['opted_out']);
  });
});

describe('the rules at their edges', () => {
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err instanceof DomainError ? { code: err.code, key: err.key } : String(err);
    }
    return null;
  };

  it('takes an answer until the window closes, a comment of exactly 2,000 characters, and trims what was typed', async () => {
    policy('csat');
    const ticketId = await solvedEmailTicket(T0);
    runDueJobs(db, T0);
    const [request] = listTicketSurveys(db, ticketId);
    expect(refusal(() => answer(request!.id, 3, 'e1', { comment: 'x'.repeat(2001) }))).toEqual({ code: 'BAD_REQUEST', key: 'survey_comment_too_long' });
    answer(request!.id, 3, 'e2', { comment: 'x'.repeat(2000), at: request!.answerableUntil });
    expect(listTicketSurveys(db, ticketId)[0]!.answer!.comment).toHaveLength(2000);
    answer(request!.id, 4, 'e3', { comment: '   ' });
    expect(listTicketSurveys(db, ticketId)[0]!.answer).toMatchObject({ score: 4, comment: null });
    answer(request!.id, 4, 'e4', { comment: '  Gut  ' });
    expect(listTicketSurveys(db, ticketId)[0]!.answer!.comment).toBe('Gut');
    expect(refusal(() => answer(request!.id, 3, 'e5', { at: request!.answerableUntil + 1 }))).toEqual({ code: 'CONFLICT', key: 'survey_closed' });
    expect(refusal(() => answer(request!.id, 9, 'e6'))).toEqual({ code: 'BAD_REQUEST', key: 'survey_score_off_scale' });
    expect(refusal(() => answer(999_999, 3, 'e7'))).toEqual({ code: 'NOT_FOUND', key: 'survey_not_found' });
  });

  it('counts a new score with the same comment as a change, a replayed key with other content as nothing, and tells the widget', async () => {
    policy('csat', { question: { ...defaultSurveyPolicy('csat', 'x').question, reasons: [{ key: 'slow', en: 'Slow', de: 'Langsam' }] } });
    const ticketId = await solvedEmailTicket(T0);
    runDueJobs(db, T0);
    const [request] = listTicketSurveys(db, ticketId);
    const withReason = (score: number, key: string, reason: string | null) =>
      recordSurveyAnswer(db, { requestId: request!.id, score, reason, comment: 'Na ja', source: 'page', submissionKey: key }, T0 + HOUR);
    heard.length = 0;
    expect(withReason(3, 'r1', ' slow ')).toMatchObject({ duplicate: false, answer: { reason: 'slow' } });
    expect(heard.map((h) => h.name)).toEqual(['survey.changed', 'ticket.changed']);
    expect(heard[0]!.payload).toEqual({ ticketId });
    expect(withReason(4, 'r2', 'slow')).toMatchObject({ duplicate: false, changed: true });
    expect(withReason(4, 'r3', null)).toMatchObject({ duplicate: false, changed: true, answer: { reason: null } });
    heard.length = 0;
    expect(withReason(1, 'r3', null)).toMatchObject({ duplicate: true, answer: { score: 4 } });
    expect(heard).toEqual([]);
    expect(listTicketSurveys(db, ticketId)[0]).toMatchObject({ answerCount: 3, answer: { score: 4 } });
  });

  it('still reads an answer whose policy was deleted since: counted, with nothing to set in motion', async () => {
    const id = policy('csat');
    const ticketId = await solvedEmailTicket(T0);
    runDueJobs(db, T0);
    deleteSurveyPolicy(db, id);
    const [request] = listTicketSurveys(db, ticketId);
    expect(request!.policyId).toBeNull();
    expect(answer(request!.id, 1, 'd1', { comment: 'schlecht' })).toMatchObject({ duplicate: false });
    expect(eventsOf(ticketId, 'survey_answered').map((e) => (e.data as { unhappy: boolean }).unhappy)).toEqual([true]);
    expect(db.select().from(notifications).all()).toEqual([]);
  });

  it('sends a survey for a ticket closed since it was solved, never a second one when the job is planned again, and marks it automatic', async () => {
    policy('csat', { delayMinutes: 60 });
    const ticketId = await solvedEmailTicket(T0);
    updateTicket(db, jana, ticketId, { status: 'closed' }, T0 + 30 * 60_000);
    runDueJobs(db, T0 + HOUR);
    expect(eventsOf(ticketId, 'survey_sent')).toHaveLength(1);
    expect(listMessages(db, ticketId).at(-1)!.meta).toMatchObject({ autoSubmitted: true });
    scheduleJob(db, { id: surveyJobId(ticketId, 1), kind: SURVEY_JOB, payload: { ticketId, cycle: 1, policyId: 1, solvedAt: T0 }, runAt: T0 + 2 * HOUR }, T0);
    runDueJobs(db, T0 + 2 * HOUR);
    expect(findJob(db, surveyJobId(ticketId, 1))).toMatchObject({ state: 'done', lastError: null });
    expect(listTicketSurveys(db, ticketId)).toHaveLength(1);
  });

  it('skips the first cycle’s survey when the ticket was solved again since, a robot’s ticket, and one whose last reply bounced', async () => {
    policy('csat', { delayMinutes: 60 });
    const again = await solvedEmailTicket(T0);
    updateTicket(db, jana, again, { status: 'open' }, T0 + 10 * 60_000);
    updateTicket(db, jana, again, { status: 'solved' }, T0 + 20 * 60_000);
    const robot = await solvedEmailTicket(T0, { automatic: true });
    const bounced = await solvedEmailTicket(T0, { failedReply: true });
    runDueJobs(db, T0 + HOUR);
    const reasons = (id: number) => eventsOf(id, 'survey_skipped').map((e) => (e.data as { reason: string; cycle: number }).reason);
    expect(reasons(again)).toEqual(['reopened']);
    runDueJobs(db, T0 + 2 * HOUR);
    expect(listTicketSurveys(db, again).map((r) => r.cycle)).toEqual([2]);
    expect(reasons(robot)).toEqual(['automatic']);
    expect(reasons(bounced)).toEqual(['bounced']);
  });

  it('adds the tag once, opens a follow-up instead of reopening a closed ticket, and does nothing more when told to do nothing', async () => {
    policy('csat', { unhappy: { notifyLead: true, tag: 'unzufrieden', action: 'reopen', flagWords: [] } });
    const closed = await solvedEmailTicket(T0);
    updateTicket(db, jana, closed, { tags: ['unzufrieden'], status: 'closed' }, T0 + 1000);
    runDueJobs(db, T0 + 2000);
    const [request] = listTicketSurveys(db, closed);
    heard.length = 0;
    answer(request!.id, 1, 'c1', { comment: 'x'.repeat(300) });
    expect(eventsOf(closed, 'tags_changed')).toHaveLength(1);
    const link = db
      .select()
      .from(ticketLinks)
      .all()
      .find((l) => l.linkedTicketId === closed)!;
    expect(link.kind).toBe('follow_up');
    expect(findTicket(db, link.ticketId)).toMatchObject({ isSpam: false, status: 'new', preview: 'x'.repeat(200) });
    expect(eventsOf(link.ticketId, 'created').map((e) => e.data)).toEqual([
      { channelId: emailChannelId, channel: 'email', teamId: findTicket(db, closed)!.teamId, priority: 'normal', assigneeId: jana.id, formId: null },
    ]);
    const lead = viewerOf(db, 'lena@demo.local');
    expect(heard.find((h) => h.name === 'notifications.new')?.payload).toEqual({ agentIds: [lead.id] });

    db.delete(surveyPolicies)
      .where(sql`1 = 1`)
      .run();
    policy('csat', { unhappy: { notifyLead: false, tag: null, action: 'none', flagWords: [] } });
    const calm = await solvedEmailTicket(T0 + DAY);
    runDueJobs(db, T0 + DAY);
    const before = db.select().from(ticketLinks).all().length;
    answer(listTicketSurveys(db, calm)[0]!.id, 1, 'n1', { at: T0 + DAY });
    expect(findTicket(db, calm)!.status).toBe('solved');
    expect(db.select().from(ticketLinks).all()).toHaveLength(before);
    expect(eventsOf(calm, 'tags_changed')).toEqual([]);
  });

  it('refuses to stop surveys for a survey that does not exist, and records whose survey was used', async () => {
    policy('csat');
    const ticketId = await solvedEmailTicket(T0);
    runDueJobs(db, T0);
    const [request] = listTicketSurveys(db, ticketId);
    expect(refusal(() => optOutOfSurveys(db, 999_999))).toEqual({ code: 'NOT_FOUND', key: 'survey_not_found' });
    heard.length = 0;
    optOutOfSurveys(db, request!.id, T0 + HOUR);
    expect(eventsOf(ticketId, 'survey_opted_out').map((e) => [e.data, e.actorKind])).toEqual([[{ requestId: request!.id }, 'customer']]);
    expect(heard.map((h) => h.name)).toEqual(['survey.changed', 'ticket.changed']);
    setSurveyOptOut(db, findTicket(db, ticketId)!.customerId, null);
  });
});

describe('a tap on a messenger button', () => {
  it('answers only for the customer it was sent to on that channel, stops surveys, and thanks them where the window allows', async () => {
    policy('csat');
    const { ticket, customer } = createTestTicket(db, { channel: 'whatsapp', at: T0 });
    await replyToTicket(db, jana, { ticketId: ticket.id, body: 'Erledigt.', internal: false, status: 'solved' }, { now: T0 + 60_000 });
    runDueJobs(db, T0 + 60_000);
    const [request] = listTicketSurveys(db, ticket.id);
    expect(request).toMatchObject({ channelKind: 'whatsapp' });
    const externalId = findIdentityOfKind(db, customer.id, 'whatsapp')!;
    const tap = (o: { choice: string; from?: string; channelId?: number; key: string; at?: number }) =>
      answerByButton(db, {
        kind: 'whatsapp',
        channelId: o.channelId ?? ticket.channelId,
        externalId: o.from ?? externalId,
        choiceId: o.choice,
        submissionKey: o.key,
        at: o.at ?? T0 + 2 * 60_000,
      });
    expect(tap({ choice: 'refund', key: 'b0' })).toBeNull();
    expect(tap({ choice: `survey:${request!.id}:5`, key: 'b1', from: '4900000000' })).toEqual({
      outcome: 'refused',
      key: 'survey_not_yours',
      message: 'Diese Umfrage gehört zu einem anderen Gespräch.',
    });
    expect(tap({ choice: `survey:${request!.id}:5`, key: 'b2', channelId: ticket.channelId + 1000 })).toMatchObject({
      outcome: 'refused',
      key: 'survey_not_yours',
    });
    expect(tap({ choice: `survey:${request!.id}:9`, key: 'b3' })).toMatchObject({ outcome: 'refused', key: 'survey_score_off_scale' });
    expect(listTicketSurveys(db, ticket.id)[0]!.answer).toBeNull();

    expect(tap({ choice: `survey:${request!.id}:5`, key: 'b4' })).toEqual({ outcome: 'answered' });
    expect(listTicketSurveys(db, ticket.id)[0]!.answer).toMatchObject({ score: 5, source: 'whatsapp', submissionKey: 'b4' });
    expect(listMessages(db, ticket.id).at(-1)).toMatchObject({ authorKind: 'system', bodyText: 'Vielen Dank für Ihre Rückmeldung!', deliveryState: 'queued' });
    expect(findTicket(db, ticket.id)!.status).toBe('solved');

    expect(tap({ choice: `survey:${request!.id}:stop`, key: 'b5' })).toEqual({ outcome: 'stopped' });
    expect(findCustomer(db, customer.id)!.surveyOptOutAt).not.toBeNull();
    expect(listMessages(db, ticket.id).at(-1)!.bodyText).toBe('Verstanden: Sie erhalten keine Umfragen mehr von uns.');
    // Two days later the window has closed: the answer still counts, the thanks cannot go out.
    const late = T0 + 2 * DAY;
    const messagesBefore = listMessages(db, ticket.id).length;
    expect(tap({ choice: `survey:${request!.id}:4`, key: 'b6', at: late })).toEqual({ outcome: 'answered' });
    expect(listMessages(db, ticket.id)).toHaveLength(messagesBefore);
    expect(tap({ choice: `survey:${request!.id}:3`, key: 'b7', at: request!.answerableUntil + 1 })).toMatchObject({
      outcome: 'refused',
      key: 'survey_closed',
      message: 'Diese Umfrage nimmt keine Antworten mehr an.',
    });
  });
});

describe('survey policies in the settings', () => {
  it('refuse a duplicate name, a broken policy, an unknown team and an incomplete order, naming the problem', () => {
    const refused = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err instanceof DomainError
          ? { key: err.key, problems: (err.details as { problems?: { code: string }[] })?.problems?.map((p) => p.code) }
          : String(err);
      }
      return null;
    };
    const a = saveSurveyPolicy(db, null, defaultSurveyPolicy('csat', 'Nach Lösung')).id;
    expect(refused(() => saveSurveyPolicy(db, null, defaultSurveyPolicy('nps', 'nach lösung')))).toEqual({
      key: 'survey_policy_invalid',
      problems: ['name_taken'],
    });
    expect(saveSurveyPolicy(db, a, { ...defaultSurveyPolicy('csat', 'Nach Lösung'), quietDays: 10 })).toEqual({ id: a });
    const broken = defaultSurveyPolicy('ces', 'CES');
    expect(refused(() => saveSurveyPolicy(db, null, { ...broken, question: { ...broken.question, scale: { min: 1, max: 5 } } }))).toMatchObject({
      problems: ['scale_fixed', 'label_off_scale'],
    });
    expect(refused(() => saveSurveyPolicy(db, null, { ...broken, conditions: { ...broken.conditions, teamIds: [999] } }))).toMatchObject({
      problems: ['team_not_found'],
    });
    expect(refused(() => saveSurveyPolicy(db, 999, defaultSurveyPolicy('csat', 'Neu')))).toEqual({ key: 'survey_policy_not_found', problems: undefined });
    const b = saveSurveyPolicy(db, null, defaultSurveyPolicy('nps', 'NPS')).id;
    expect(refused(() => reorderSurveyPolicies(db, [b]))).toEqual({ key: 'survey_order_incomplete', problems: undefined });
    reorderSurveyPolicies(db, [b, a]);
    expect(listSurveyPolicies(db).map((p) => p.id)).toEqual([b, a]);
    expect(refused(() => deleteSurveyPolicy(db, 999))).toEqual({ key: 'survey_policy_not_found', problems: undefined });
  });
});
