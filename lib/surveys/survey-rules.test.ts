import { describe, expect, it } from 'vitest';
import { flaggedComment, onScale, pointsOf, readAnswer } from './survey-scoring';
import { surveySkipReason, type SurveyFacts } from './survey-eligibility';
import { defaultSurveyPolicy, validateSurveyPolicy } from './survey-policy';
import { fillUpdate } from '../customer-updates';

const DAY = 24 * 3600_000;
const NOW = Date.UTC(2026, 11, 1, 12, 0);

describe('reading an answer on the scale it was given on', () => {
  it('CSAT 1–5: 4 and 5 satisfied, 1 and 2 unhappy, 3 neutral; another scale keeps the proportions', () => {
    const five = { min: 1, max: 5 };
    expect([1, 2, 3, 4, 5].map((s) => readAnswer('csat', s, five))).toEqual(['unhappy', 'unhappy', 'neutral', 'happy', 'happy']);
    const ten = { min: 1, max: 10 };
    expect([1, 3, 4, 5, 7, 8, 10].map((s) => readAnswer('csat', s, ten))).toEqual(['unhappy', 'unhappy', 'neutral', 'neutral', 'neutral', 'happy', 'happy']);
  });

  it('NPS 0–10: promoters 9–10, passives 7–8, detractors 0–6 (the standard, not 1–8 on 1–10)', () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => readAnswer('nps', s, { min: 0, max: 10 }))).toEqual(['unhappy', 'unhappy', 'neutral', 'neutral', 'happy', 'happy']);
  });

  it('CES 1–7: 1–2 difficult, 6–7 easy', () => {
    expect([1, 2, 3, 5, 6, 7].map((s) => readAnswer('ces', s, { min: 1, max: 7 }))).toEqual(['unhappy', 'unhappy', 'neutral', 'neutral', 'happy', 'happy']);
  });

  it('knows the points of a scale and what lies on it', () => {
    expect(pointsOf({ min: 0, max: 10 })).toHaveLength(11);
    expect(pointsOf({ min: 1, max: 5 })).toEqual([1, 2, 3, 4, 5]);
    expect([0, 1, 5, 6, 2.5].map((s) => onScale(s, { min: 1, max: 5 }))).toEqual([false, true, true, false, false]);
  });

  it('flags a comment by a whole word or a phrase, whatever its case, with umlauts', () => {
    expect(flaggedComment('Ich gehe zum ANWALT.', ['anwalt'])).toBe(true);
    expect(flaggedComment('Anwaltskanzlei empfohlen', ['anwalt'])).toBe(false);
    expect(flaggedComment('Das ist eine Frechheit', ['frechheit'])).toBe(true);
    expect(flaggedComment('Ich kündige sofort', ['kündige sofort'])).toBe(true);
    expect(flaggedComment(null, ['anwalt'])).toBe(false);
    expect(flaggedComment('Anwalt', [])).toBe(false);
  });
});

describe('whether a planned survey goes out', () => {
  const facts = (o: Partial<SurveyFacts> = {}): SurveyFacts => ({
    policyEnabled: true,
    stillSolvedInCycle: true,
    customerWroteSince: false,
    isSpam: false,
    automatic: false,
    publicAgentReplies: 1,
    lastReplyFailed: false,
    optedOut: false,
    lastSurveyedAt: null,
    quietDays: 30,
    now: NOW,
    ...o,
  });

  it('goes out for a solved conversation with a reply to a customer not asked lately', () => {
    expect(surveySkipReason(facts())).toBeNull();
    expect(surveySkipReason(facts({ lastSurveyedAt: NOW - 30 * DAY }))).toBeNull();
    expect(surveySkipReason(facts({ lastSurveyedAt: NOW - DAY, quietDays: 0 }))).toBeNull();
  });

  it('names one reason, in the order a person would ask', () => {
    expect(surveySkipReason(facts({ policyEnabled: false, stillSolvedInCycle: false }))).toBe('policy_disabled');
    expect(surveySkipReason(facts({ stillSolvedInCycle: false, customerWroteSince: true }))).toBe('reopened');
    expect(surveySkipReason(facts({ customerWroteSince: true, isSpam: true }))).toBe('customer_wrote_again');
    expect(surveySkipReason(facts({ isSpam: true, automatic: true }))).toBe('spam');
    expect(surveySkipReason(facts({ automatic: true, publicAgentReplies: 0 }))).toBe('automatic');
    expect(surveySkipReason(facts({ publicAgentReplies: 0, lastReplyFailed: true }))).toBe('no_agent_reply');
    expect(surveySkipReason(facts({ lastReplyFailed: true, optedOut: true }))).toBe('bounced');
    expect(surveySkipReason(facts({ optedOut: true, lastSurveyedAt: NOW - DAY }))).toBe('opted_out');
    expect(surveySkipReason(facts({ lastSurveyedAt: NOW - 30 * DAY + 1 }))).toBe('recently_surveyed');
  });
});

describe('a survey policy', () => {
  it('starts from the standard question of its type', () => {
    expect(defaultSurveyPolicy('nps', 'NPS').question).toMatchObject({ type: 'nps', scale: { min: 0, max: 10 } });
    expect(validateSurveyPolicy(defaultSurveyPolicy('csat', 'CSAT'))).toMatchObject({ ok: true });
    expect(validateSurveyPolicy(defaultSurveyPolicy('ces', 'CES'))).toMatchObject({ ok: true });
  });

  it('keeps NPS and CES on their standard scales, and labels and reasons on the scale and unique', () => {
    const nps = defaultSurveyPolicy('nps', 'NPS');
    expect(validateSurveyPolicy({ ...nps, question: { ...nps.question, scale: { min: 1, max: 10 } } })).toMatchObject({
      ok: false,
      problems: [{ code: 'scale_fixed' }, { code: 'label_off_scale' }],
    });
    const csat = defaultSurveyPolicy('csat', 'CSAT');
    const q = csat.question;
    expect(validateSurveyPolicy({ ...csat, question: { ...q, scale: { min: 1, max: 4 } } })).toMatchObject({
      ok: false,
      problems: [{ code: 'label_off_scale' }],
    });
    expect(validateSurveyPolicy({ ...csat, question: { ...q, labels: [...q.labels, { score: 5, en: 'Top', de: 'Top' }] } })).toMatchObject({
      ok: false,
      problems: [{ code: 'label_twice' }],
    });
    const reason = { key: 'slow', en: 'Slow', de: 'Langsam' };
    expect(validateSurveyPolicy({ ...csat, question: { ...q, reasons: [reason, reason] } })).toMatchObject({ ok: false, problems: [{ code: 'reason_twice' }] });
    expect(validateSurveyPolicy({ ...csat, answerDays: 0 })).toMatchObject({ ok: false, problems: [{ code: 'schema', path: 'answerDays' }] });
  });

  it('refuses conditions naming a team or form that does not exist', () => {
    const csat = defaultSurveyPolicy('csat', 'CSAT');
    const refs = { teamIds: new Set([1]), forms: new Map() };
    expect(validateSurveyPolicy({ ...csat, conditions: { ...csat.conditions, teamIds: [2] } }, refs)).toMatchObject({
      ok: false,
      problems: [{ code: 'team_not_found', params: { id: '2' } }],
    });
    expect(validateSurveyPolicy({ ...csat, conditions: { ...csat.conditions, teamIds: [1] } }, refs)).toMatchObject({ ok: true });
  });
});

describe('progress message texts', () => {
  it('fill the placeholders, keep an unknown one visible, and close the gap an empty one leaves', () => {
    expect(fillUpdate('Hallo {{customer}}, #{{number}} {{typo}}', { customer: 'Jörg', number: '4711' })).toBe('Hallo Jörg, #4711 {{typo}}');
    expect(fillUpdate('Gelöst.\n\n{{summary}}\n\nGruß', { summary: '' })).toBe('Gelöst.\n\nGruß');
  });
});
