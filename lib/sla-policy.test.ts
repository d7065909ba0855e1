import { describe, expect, it } from 'vitest';
import {
  matchPolicy,
  pausingStatuses,
  policyMatches,
  slaConditionsSchema,
  slaPolicyInput,
  slaProblemText,
  validateSlaPolicy,
  warningLeadMs,
  type SlaReferences,
  type SlaTicketFacts,
} from './sla-policy';
import { cellsOf, targetsOf } from './sla-policy-draft';
import { en } from './i18n/en';
import { de } from './i18n/de';

const hours = (h: number, clock: 'business' | 'calendar' = 'business') => ({ minutes: h * 60, clock });
const policy = (extra: Record<string, unknown> = {}) => ({
  name: 'Standard',
  calendarId: 1,
  targets: { normal: { first_response: hours(4), resolution: hours(24) } },
  ...extra,
});
const refs: SlaReferences = {
  calendars: new Map([
    [1, { periods: [{ day: 1, from: '09:00', to: '17:00' }] }],
    [2, { periods: [] }],
  ]),
  teamIds: new Set([7]),
  forms: new Map([
    [
      3,
      {
        fields: [
          { key: 'topic', options: [{ value: 'reklamation' }, { value: 'rechnung' }] },
          { key: 'order', options: undefined },
        ],
      },
    ],
  ]),
};
const problemsOf = (input: unknown, r: SlaReferences | null = refs) => {
  const res = validateSlaPolicy(input, r ?? undefined);
  return res.ok ? [] : res.problems;
};

describe('saving an SLA policy', () => {
  it('accepts a policy with targets, filling the defaults a new policy starts with', () => {
    const res = validateSlaPolicy(policy(), refs);
    expect(res.ok).toBe(true);
    const p = res.ok ? res.policy : null;
    expect(p).toMatchObject({ enabled: true, pauses: { pending: ['first_response', 'next_response', 'resolution'], on_hold: [] } });
    expect(p!.targets.normal.first_response).toEqual({ minutes: 240, clock: 'business', warning: { percent: 80 } });
    expect(p!.targets.urgent).toEqual({ first_response: null, next_response: null, resolution: null });
    expect(p!.conditions).toEqual(slaConditionsSchema.parse({}));
  });

  it('refuses zero and negative targets and a warning at or after its target, field by field', () => {
    const res = problemsOf(
      policy({
        targets: {
          high: { first_response: { minutes: 0, clock: 'calendar' }, next_response: { minutes: -5, clock: 'calendar' } },
          normal: {
            resolution: { minutes: 60, clock: 'calendar', warning: { minutesBefore: 60 } },
            first_response: { minutes: 60, clock: 'calendar', warning: { minutesBefore: 59 } },
          },
        },
      }),
    );
    expect(res).toEqual([
      { path: 'targets.normal.resolution.warning', code: 'warning_not_before_due', params: { before: '60', minutes: '60' } },
      { path: 'targets.high.first_response.minutes', code: 'target_not_positive', params: { minutes: '0' } },
      { path: 'targets.high.next_response.minutes', code: 'target_not_positive', params: { minutes: '-5' } },
    ]);
  });

  it('refuses a policy without any target, and priorities it matches but has no targets for', () => {
    expect(problemsOf({ name: 'Leer', targets: {} })).toEqual([{ path: 'targets', code: 'no_targets', params: {} }]);
    // A share-of-target warning has no "before" to compare.
    expect(problemsOf(policy({ targets: { normal: { first_response: { minutes: 10, clock: 'business', warning: { percent: 99 } } } } }))).toEqual([]);
    expect(problemsOf(policy({ conditions: { priorities: ['normal', 'urgent'] } }))).toEqual([
      { path: 'conditions.priorities', code: 'priority_without_targets', params: { priority: 'urgent' } },
    ]);
  });

  it('needs a calendar for business time, one that exists and is ever open (else the clock would stand still for good)', () => {
    expect(problemsOf(policy({ calendarId: null }))).toEqual([{ path: 'calendarId', code: 'business_needs_calendar', params: {} }]);
    expect(problemsOf(policy({ calendarId: null, targets: { normal: { first_response: hours(4, 'calendar') } } }))).toEqual([]);
    expect(problemsOf(policy({ calendarId: 9 }))).toEqual([{ path: 'calendarId', code: 'calendar_not_found', params: { id: '9' } }]);
    expect(problemsOf(policy({ calendarId: 2 }))).toEqual([{ path: 'calendarId', code: 'calendar_never_open', params: {} }]);
    // A calendar-time policy may name a closed calendar: it never counts on it.
    expect(problemsOf(policy({ calendarId: 2, targets: { normal: { first_response: hours(4, 'calendar') } } }))).toEqual([]);
    // Without the server's references only what the policy itself says is checked.
    expect(problemsOf(policy({ calendarId: 9 }), null)).toEqual([]);
  });

  it('refuses conditions on teams, forms, fields and options that do not exist', () => {
    expect(problemsOf(policy({ conditions: { teamIds: [7, 8] } }))).toEqual([{ path: 'conditions.teamIds', code: 'team_not_found', params: { id: '8' } }]);
    const answer = (formAnswer: object) => problemsOf(policy({ conditions: { formAnswer } }));
    expect(answer({ formId: 4, field: 'topic', value: 'x' })).toEqual([{ path: 'conditions.formAnswer.formId', code: 'form_not_found', params: { id: '4' } }]);
    expect(answer({ formId: 3, field: 'thema', value: 'x' })).toEqual([
      { path: 'conditions.formAnswer.field', code: 'form_field_not_found', params: { field: 'thema' } },
    ]);
    expect(answer({ formId: 3, field: 'topic', value: 'lob' })).toEqual([
      { path: 'conditions.formAnswer.value', code: 'form_option_not_found', params: { field: 'topic', value: 'lob' } },
    ]);
    expect(answer({ formId: 3, field: 'topic', value: 'rechnung' })).toEqual([]);
    expect(answer({ formId: 3, field: 'order', value: 'A-1' })).toEqual([]);
  });

  it('reports a shape it cannot read by its path', () => {
    expect(problemsOf({ name: '', targets: {} })).toEqual([{ path: 'name', code: 'schema', params: { detail: expect.any(String) } }]);
    expect(problemsOf(policy({ targets: { normal: { first_response: { minutes: 1.5, clock: 'business' } } } }))[0]).toMatchObject({
      path: 'targets.normal.first_response.minutes',
      code: 'schema',
    });
  });

  it('says every problem in English and German', () => {
    const codes = Object.keys(en.slaProblems) as (keyof typeof en.slaProblems)[];
    expect(Object.keys(de.slaProblems).sort()).toEqual([...codes].sort());
    expect(slaProblemText(en.slaProblems, { path: 'x', code: 'warning_not_before_due', params: { before: '60', minutes: '60' } })).toBe(
      'The warning (60 minutes before) must come before the target of 60 minutes',
    );
    expect(slaProblemText(de.slaProblems, { path: 'x', code: 'calendar_never_open', params: {} })).toBe(
      'Dieser Kalender hat keine Öffnungszeiten: Geschäftszeit stünde für immer still',
    );
  });
});

const facts = (extra: Partial<SlaTicketFacts> = {}): SlaTicketFacts => ({
  channel: 'email',
  priority: 'normal',
  teamId: 7,
  tags: ['rechnung'],
  customerAttributes: new Map([['plan', ' Premium ']]),
  formAnswers: new Map([[3, { topic: 'reklamation', extras: ['express', 'gift'], order_value: 800, express: true, odd: [{}] }]]),
  ...extra,
});
const when = (conditions: object) => slaConditionsSchema.parse(conditions);

describe('which policy a ticket gets', () => {
  it.each<[string, object, boolean]>([
    ['no conditions', {}, true],
    ['its channel', { channels: ['chat', 'email'] }, true],
    ['another channel', { channels: ['chat'] }, false],
    ['its priority', { priorities: ['normal'] }, true],
    ['another priority', { priorities: ['urgent'] }, false],
    ['its team', { teamIds: [7] }, true],
    ['another team', { teamIds: [8] }, false],
    ['one of its tags', { tags: ['Lieferung', 'Rechnung'] }, true],
    ['tags it does not have', { tags: ['lieferung'] }, false],
    ['a customer attribute, whatever the case', { customerAttribute: { key: 'plan', value: 'premium' } }, true],
    ['another attribute value', { customerAttribute: { key: 'plan', value: 'basic' } }, false],
    ['an attribute the customer lacks', { customerAttribute: { key: 'region', value: 'nord' } }, false],
    ['a form answer', { formAnswer: { formId: 3, field: 'topic', value: 'Reklamation' } }, true],
    ['a yes in a checkbox', { formAnswer: { formId: 3, field: 'express', value: 'true' } }, true],
    ['an answer that is a list of objects', { formAnswer: { formId: 3, field: 'odd', value: '[object Object]' } }, false],
    ['one choice of a multiple choice', { formAnswer: { formId: 3, field: 'extras', value: 'gift' } }, true],
    ['a number answer', { formAnswer: { formId: 3, field: 'order_value', value: '800' } }, true],
    ['another form answer', { formAnswer: { formId: 3, field: 'topic', value: 'lob' } }, false],
    ['an answer in another form', { formAnswer: { formId: 4, field: 'topic', value: 'reklamation' } }, false],
    ['all of several conditions', { channels: ['email'], priorities: ['normal'], tags: ['rechnung'] }, true],
    ['one of several conditions failing', { channels: ['email'], priorities: ['high'] }, false],
  ])('%s', (_name, conditions, expected) => {
    expect(policyMatches(when(conditions), facts())).toBe(expected);
  });

  it('a team condition never matches a ticket without a team', () => {
    expect(policyMatches(when({ teamIds: [7] }), facts({ teamId: null }))).toBe(false);
  });

  it('takes the first enabled match in the admin’s order', () => {
    const p = (id: number, position: number, enabled: boolean, conditions: object) => ({ id, position, enabled, conditions: when(conditions) });
    const list = [p(1, 3, true, {}), p(2, 1, false, {}), p(3, 2, true, { channels: ['email'] }), p(4, 0, true, { channels: ['chat'] })];
    expect(matchPolicy(list, facts())?.id).toBe(3);
    expect(matchPolicy(list, facts({ channel: 'telegram' }))?.id).toBe(1);
    expect(matchPolicy([p(5, 0, false, {})], facts())).toBeNull();
  });
});

describe('clocks and warnings', () => {
  it('pauses by the policy: pending all clocks by default, on hold none', () => {
    const { pauses } = slaPolicyInput.parse(policy());
    expect(pausingStatuses(pauses, 'first_response')).toEqual(['pending']);
    expect(pausingStatuses({ pending: ['resolution'], on_hold: ['resolution', 'next_response'] }, 'resolution')).toEqual(['pending', 'on_hold']);
    expect(pausingStatuses({ pending: ['resolution'], on_hold: ['next_response'] }, 'first_response')).toEqual([]);
  });

  it('warns at a share of the target, or a fixed time before it', () => {
    expect(warningLeadMs({ minutes: 100, clock: 'business', warning: { percent: 80 } })).toBe(20 * 60_000);
    expect(warningLeadMs({ minutes: 60, clock: 'business', warning: { minutesBefore: 15 } })).toBe(15 * 60_000);
    expect(warningLeadMs({ minutes: 60, clock: 'business', warning: null })).toBeNull();
  });
});

describe('targets as the settings page shows them', () => {
  it('shows stored targets as text and reads them back to the same targets', () => {
    const stored = slaPolicyInput.parse(
      policy({ targets: { urgent: { first_response: { minutes: 90, clock: 'calendar', warning: { minutesBefore: 15 } } } } }),
    ).targets;
    const cells = cellsOf(stored);
    expect(cells.urgent.first_response).toEqual({ duration: '1h 30m', clock: 'calendar', warning: '15m' });
    expect(cells.low.resolution).toEqual({ duration: '', clock: 'business', warning: '80%' });
    expect(targetsOf(cells)).toEqual({ targets: stored, problems: [] });
  });

  it('names each cell it cannot read', () => {
    const cells = cellsOf(undefined);
    cells.high.resolution = { duration: 'bald', clock: 'business', warning: 'viel' };
    expect(targetsOf(cells).problems).toEqual([
      { path: 'targets.high.resolution.minutes', code: 'not_a_duration', params: { text: 'bald' } },
      { path: 'targets.high.resolution.warning', code: 'not_a_warning', params: { text: 'viel' } },
    ]);
  });
});
