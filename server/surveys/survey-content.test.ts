import os from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSurveyPolicy } from '@/lib/surveys/survey-policy';
import { ticketEvent } from '@/lib/ticket-events';
import { loadConfig } from '@/server/config';
import { setConfig } from '@/server/runtime-config';
import { updateKindOf } from '@/server/customer-updates/plan-customer-update';
import { choiceId, parseChoiceId, surveyChat, surveyEmail } from './survey-content';
import { checkSurveyToken, issueSurveyToken } from './survey-token';

beforeAll(() => setConfig(loadConfig({ DATA_DIR: os.tmpdir(), PUBLIC_URL: 'https://help.example.de/' })));

const ctx = (type: 'csat' | 'nps' | 'ces', locale: 'en' | 'de' = 'de') => ({
  requestId: 42,
  token: 'TOKEN',
  question: defaultSurveyPolicy(type, 'x').question,
  locale,
  ticket: { number: 1042, subject: 'Rechnung <doppelt>' },
});

describe('survey messages', () => {
  it('email: every point a link that only preselects it, best first, the subject with the ticket, the one-click header, HTML escaped', () => {
    const m = surveyEmail(ctx('csat'));
    expect(m.subject).toBe('Wie war unser Service? [#1042] Rechnung <doppelt>');
    expect(m.text.split('\n').filter((l) => l.includes('?score='))).toEqual([
      '5 – Sehr zufrieden: https://help.example.de/s/TOKEN?score=5',
      '4 – Zufrieden: https://help.example.de/s/TOKEN?score=4',
      '3 – Neutral: https://help.example.de/s/TOKEN?score=3',
      '2 – Unzufrieden: https://help.example.de/s/TOKEN?score=2',
      '1 – Sehr unzufrieden: https://help.example.de/s/TOKEN?score=1',
    ]);
    expect(m.text).toContain('Keine Umfragen mehr von uns: https://help.example.de/s/TOKEN/stop');
    expect(m.unsubscribeUrl).toBe('https://help.example.de/s/TOKEN/one-click');
    expect(m.autoSubmitted).toBe('auto-generated');
    expect(m.html).toContain('Rechnung &lt;doppelt&gt;');
    expect(m.html).not.toContain('<doppelt>');
  });

  it('messengers: a button per point (numbers for NPS with the scale’s ends in the text), one to stop, and the page as the fallback', () => {
    const nps = surveyChat(ctx('nps', 'en'));
    expect(nps.text).toContain('0 = Not at all likely, 10 = Extremely likely');
    expect(nps.choices!.options.map((o) => o.title)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'Stop surveys']);
    expect(nps.choices!.options[0]!.id).toBe('survey:42:0');
    expect(nps.choices!.fallback).toBe('Answer here: https://help.example.de/s/TOKEN\n\nNo more surveys from us: https://help.example.de/s/TOKEN/stop');
    const csat = surveyChat(ctx('csat'));
    expect(csat.choices!.options.map((o) => o.title)).toEqual(['Sehr unzufrieden', 'Unzufrieden', 'Neutral', 'Zufrieden', 'Sehr zufrieden', 'Keine Umfragen']);
  });

  it('reads back only the choice ids it made', () => {
    expect(parseChoiceId(choiceId(42, 7))).toEqual({ requestId: 42, choice: 7 });
    expect(parseChoiceId(choiceId(42, 'stop'))).toEqual({ requestId: 42, choice: 'stop' });
    for (const id of ['survey:0:1', 'survey:42:123', 'survey:42:', 'survey:x:1', 'refund', 'survey:42:1:extra']) expect(parseChoiceId(id)).toBeNull();
  });
});

describe('survey tokens', () => {
  it('name one survey until they expire, and refuse a changed id, expiry or signature', () => {
    const exp = Date.UTC(2026, 11, 8);
    const token = issueSurveyToken('secret', 7, exp);
    expect(checkSurveyToken('secret', token, exp)).toEqual({ ok: true, requestId: 7 });
    expect(checkSurveyToken('secret', token, exp + 1)).toEqual({ ok: false, reason: 'expired' });
    expect(checkSurveyToken('secret', token, exp + 1, { expiredOk: true })).toEqual({ ok: true, requestId: 7 });
    expect(checkSurveyToken('other', token, exp)).toEqual({ ok: false, reason: 'invalid' });
    const [id, e, mac] = token.split('.');
    expect(checkSurveyToken('secret', `8.${e}.${mac}`, exp)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSurveyToken('secret', `${id}.${(exp + 1000).toString(36)}.${mac}`, exp)).toEqual({ ok: false, reason: 'invalid' });
    for (const bad of ['', 'a.b.c', `${token}.x`, `0.${e}.${mac}`, `${id}.${e}`]) expect(checkSurveyToken('secret', bad, exp).ok).toBe(false);
  });
});

describe('what a change tells the customer', () => {
  const e = ticketEvent;
  const agent = { kind: 'agent', agentId: 1 } as const;
  it('an agent taking it, waiting for them, solved (the last wins); nothing for internal changes', () => {
    expect(updateKindOf([e(1, 'assignee_changed', { from: null, to: 3 }, agent, 0)])).toBe('working');
    expect(updateKindOf([e(1, 'assignee_changed', { from: 2, to: 3 }, agent, 0)])).toBeNull();
    expect(updateKindOf([e(1, 'assignee_changed', { from: 2, to: null }, agent, 0)])).toBeNull();
    expect(updateKindOf([e(1, 'assignee_changed', { from: null, to: 3 }, agent, 0), e(1, 'status_changed', { from: 'open', to: 'pending' }, agent, 0)])).toBe(
      'waiting',
    );
    expect(updateKindOf([e(1, 'status_changed', { from: 'open', to: 'solved' }, agent, 0), e(1, 'assignee_changed', { from: null, to: 3 }, agent, 0)])).toBe(
      'solved',
    );
    expect(
      updateKindOf([e(1, 'priority_changed', { from: 'low', to: 'high' }, agent, 0), e(1, 'status_changed', { from: 'pending', to: 'open' }, agent, 0)]),
    ).toBeNull();
  });
});
