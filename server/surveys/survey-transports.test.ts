import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { getDb } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { listTicketSurveys, setSurveyOptOut } from '@/db/queries/surveys';
import { findTicket, listEvents } from '@/db/queries/tickets';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import type { WidgetMessage, WidgetSurvey } from '@/lib/widget-events';
import { defaultSurveyPolicy } from '@/lib/surveys/survey-policy';
import { getConfig } from '@/server/runtime-config';
import { connectVisitor } from '@/server/testing/widget-visitor';
import { clearSurveyPolicies, httpClient, startTestServer } from '@/server/testing/test-server';
import { issueSurveyToken } from './survey-token';

// The ways in an answer takes besides the page: the chat widget over its real socket, and the survey's
// HTTP endpoints (RFC 8058 one-click, the JSON answer) on a real server.
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: ReturnType<typeof httpClient>;
let agent: ReturnType<typeof httpClient>;
const open: Socket[] = [];
let n = 0;
const clientId = () => `client-${Date.now()}-${n++}`;

beforeAll(async () => {
  server = await startTestServer({ DEMO_TICKETS: '0' });
  admin = httpClient(server.url);
  await admin.mutate('auth.login', { email: 'admin@demo.local', password: DEMO_PASSWORD });
  agent = httpClient(server.url);
  await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
  await clearSurveyPolicies(admin);
  const saved = await admin.mutate('surveyPolicies.save', {
    id: null,
    policy: { ...defaultSurveyPolicy('csat', 'Chat CSAT'), delayMinutes: 0, businessHours: false, quietDays: 0, fallbackLocale: 'en' },
  });
  if (!saved.ok) throw new Error(saved.message);
});
afterAll(async () => {
  for (const s of open) s.close();
  await server?.close();
});

const db = () => getDb();
const next = <T>(s: Socket, event: string) => new Promise<T>((resolve) => s.once(event, resolve));

/** A visitor's chat, answered and solved by Jana; resolves once the widget was shown the survey. */
async function solvedChat(email: string) {
  const visitor = await connectVisitor(server.url, open, { locale: 'de' });
  const first = (await visitor.socket.emitWithAck('message:send', { clientId: clientId(), text: 'Hallo', prechat: { name: 'Eva', email } })) as
    { ok: true; message: WidgetMessage } | { ok: false };
  if (!first.ok) throw new Error('not sent');
  const ticketId = first.message.ticketId;
  const shown = next<WidgetSurvey>(visitor.socket, 'survey');
  const solved = await agent.mutate('tickets.reply', { ticketId, body: 'Gern geschehen.', internal: false, status: 'solved' });
  expect(solved.ok).toBe(true);
  return { ...visitor, ticketId, survey: await shown };
}

describe('a survey in the chat widget', () => {
  it('appears when the chat is solved, takes a rating and a comment over the socket, and is there for a visitor who comes back', async () => {
    const { socket, session, ticketId, survey } = await solvedChat('eva@example.de');
    expect(survey).toMatchObject({ ticketId, type: 'csat', scale: { min: 1, max: 5 }, answer: null, open: true, optedOut: false });
    expect(survey.question.de).toBe('Wie zufrieden sind Sie mit der Hilfe, die Sie erhalten haben?');
    // Asked in the language the visitor chatted in, not the policy's fallback (English here).
    expect(listTicketSurveys(db(), ticketId)[0]!.locale).toBe('de');

    const rated = await socket.emitWithAck('survey:answer', { requestId: survey.requestId, score: 5, submissionKey: clientId() });
    expect(rated).toMatchObject({ ok: true, survey: { answer: { score: 5, comment: null } } });
    const commented = await socket.emitWithAck('survey:answer', { requestId: survey.requestId, score: 5, comment: 'Sehr schnell!', submissionKey: clientId() });
    expect(commented).toMatchObject({ ok: true, survey: { answer: { score: 5, comment: 'Sehr schnell!' } } });
    // The widget says it in the visitor's language.
    const off = await socket.emitWithAck('survey:answer', { requestId: survey.requestId, score: 9, submissionKey: clientId() });
    expect(off).toMatchObject({ ok: false, error: { message: 'Bitte wählen Sie eine der angebotenen Antworten.' } });

    const back = await connectVisitor(server.url, open, { token: session.token, locale: 'de' });
    expect(back.session.conversation?.survey).toMatchObject({ requestId: survey.requestId, answer: { score: 5, comment: 'Sehr schnell!' } });
    const answered = listEvents(db(), ticketId).filter((e) => e.type === 'survey_answered');
    expect(answered.map((e) => [(e.data as { score: number }).score, (e.data as { changed: boolean }).changed])).toEqual([
      [5, false],
      [5, true],
    ]);
    expect(findTicket(db(), ticketId)!.status).toBe('solved');
  });

  it('answers only the visitor’s own survey, and stops surveys for the person', async () => {
    const mine = await solvedChat('ole@example.de');
    const theirs = await solvedChat('pia@example.de');
    const foreign = await mine.socket.emitWithAck('survey:answer', { requestId: theirs.survey.requestId, score: 1, submissionKey: clientId() });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(listTicketSurveys(db(), theirs.ticketId)[0]!.answer).toBeNull();

    const stopped = await mine.socket.emitWithAck('survey:stop', { requestId: mine.survey.requestId });
    expect(stopped).toMatchObject({ ok: true, survey: { optedOut: true } });
    const customerId = findTicket(db(), mine.ticketId)!.customerId;
    expect(findCustomer(db(), customerId)!.surveyOptOutAt).not.toBeNull();
  });
});

describe('the survey endpoints', () => {
  it('take the JSON answer once, refuse bad input with a 4xx and the reason, and stop surveys by RFC 8058 one-click', async () => {
    const { ticketId } = await solvedChat('kai@example.de');
    const [request] = listTicketSurveys(db(), ticketId);
    const token = issueSurveyToken(getConfig().sessionSecret, request!.id, request!.answerableUntil);
    const post = async (path: string, body: string, type = 'application/json') => {
      const res = await fetch(`${server.url}/s/${path}`, { method: 'POST', headers: { 'content-type': type }, body });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const answer = (o: Record<string, unknown>, t = token) => post(`${t}/answer`, JSON.stringify({ submissionKey: 'api-key-0001', score: 4, ...o }));

    expect(await answer({})).toMatchObject({ status: 201, body: { score: 4, changed: false, duplicate: false } });
    expect(await answer({})).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(await answer({ score: 7, submissionKey: 'api-key-0002' })).toMatchObject({
      status: 400,
      body: { error: { key: 'survey_score_off_scale', message: 'Bitte wählen Sie eine der angebotenen Antworten.' } },
    });
    expect(await answer({ comment: 'x'.repeat(50_000), submissionKey: 'api-key-0003' })).toMatchObject({
      status: 400,
      body: { error: { key: 'survey_comment_too_long' } },
    });
    const [id, exp, mac] = token.split('.');
    expect(await answer({}, `${Number(id) + 1}.${exp}.${mac}`)).toMatchObject({ status: 400, body: { error: { key: 'survey_link_invalid' } } });
    expect((await post(`${token}/answer`, '{not json')).status).toBe(400);
    expect(listTicketSurveys(db(), ticketId)[0]).toMatchObject({ answerCount: 1, answer: { score: 4 } });

    // A flood from one address is stopped (the same answer again and again: nothing more is stored meanwhile).
    let status = 0;
    for (let i = 0; i < 70 && status !== 429; i++) status = (await answer({})).status;
    expect(status).toBe(429);
    expect((await answer({})).body).toMatchObject({ error: { key: 'too_many_submissions' } });
    expect(listTicketSurveys(db(), ticketId)[0]).toMatchObject({ answerCount: 1, answer: { score: 4 } });

    const customerId = findTicket(db(), ticketId)!.customerId;
    expect((await post(`${token}/one-click`, 'nothing', 'application/x-www-form-urlencoded')).status).toBe(400);
    expect(findCustomer(db(), customerId)!.surveyOptOutAt).toBeNull();
    expect(await post(`${token}/one-click`, 'List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded')).toMatchObject({ status: 200 });
    await vi.waitFor(() => expect(findCustomer(db(), customerId)!.surveyOptOutAt).not.toBeNull());
    setSurveyOptOut(db(), customerId, null);
  });
});
