import { z } from 'zod';
import { CHANNEL_KINDS, PRIORITIES, type ChannelKind, type Priority, type TicketStatus } from './domain';
import { fill } from './i18n/fill';

/**
 * SLA policies: which tickets they cover, the targets per priority, which statuses pause which clock,
 * and when to warn. Universal: the settings page checks a policy as the admin types it with the same
 * rules the server applies when it is saved, and the inbox shows what the server stored.
 */

export const SLA_TARGETS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** Statuses that may pause a clock; new and open always count, solved and closed stop every clock. */
export const PAUSABLE_STATUSES = ['pending', 'on_hold'] as const satisfies readonly TicketStatus[];

const id = z.number().int().positive();
const YEAR_MINUTES = 366 * 24 * 60;

export const slaWarningSchema = z.union([
  z.object({ percent: z.number().int().min(1).max(99) }),
  z.object({ minutesBefore: z.number().int().min(1).max(YEAR_MINUTES) }),
]);

export const slaTargetSchema = z.object({
  /** Zero and negative targets are refused by validateSlaPolicy with a reason, not by the shape. */
  minutes: z.number().int().max(YEAR_MINUTES),
  /** business: counted on the policy's calendar; calendar: every minute of the day. */
  clock: z.enum(['business', 'calendar']),
  warning: slaWarningSchema.nullable().default({ percent: 80 }),
});
export type SlaTargetSpec = z.infer<typeof slaTargetSchema>;

const targetsOfPriority = z.object(
  Object.fromEntries(SLA_TARGETS.map((t) => [t, slaTargetSchema.nullable().default(null)])) as Record<
    SlaTarget,
    z.ZodDefault<z.ZodNullable<typeof slaTargetSchema>>
  >,
);

export const slaConditionsSchema = z.object({
  /** Each list: any of these; empty means any. All given conditions must hold. */
  channels: z.array(z.enum(CHANNEL_KINDS)).max(CHANNEL_KINDS.length).default([]),
  priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).default([]),
  teamIds: z.array(id).max(50).default([]),
  tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(20).default([]),
  customerAttribute: z
    .object({ key: z.string().trim().min(1).max(60), value: z.string().trim().min(1).max(200) })
    .nullable()
    .default(null),
  /** An answer given in an intake form (e.g. the complaint topic), by the form and the field's key. */
  formAnswer: z
    .object({ formId: id, field: z.string().min(1).max(40), value: z.string().trim().min(1).max(200) })
    .nullable()
    .default(null),
});
export type SlaConditions = z.infer<typeof slaConditionsSchema>;

export const slaPolicyInput = z.object({
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  conditions: slaConditionsSchema.default(slaConditionsSchema.parse({})),
  /** The business-hours calendar business-time targets count on. */
  calendarId: id.nullable().default(null),
  targets: z.object(
    Object.fromEntries(PRIORITIES.map((p) => [p, targetsOfPriority.default(targetsOfPriority.parse({}))])) as Record<
      Priority,
      z.ZodDefault<typeof targetsOfPriority>
    >,
  ),
  /** Which clocks each status pauses. The default: waiting for the customer pauses all; on hold pauses none. */
  pauses: z
    .object({
      pending: z
        .array(z.enum(SLA_TARGETS))
        .max(3)
        .default([...SLA_TARGETS]),
      on_hold: z.array(z.enum(SLA_TARGETS)).max(3).default([]),
    })
    .default({ pending: [...SLA_TARGETS], on_hold: [] }),
});
export type SlaPolicyInput = z.input<typeof slaPolicyInput>;
export type SlaPolicy = z.infer<typeof slaPolicyInput> & { id: number; position: number };

/** Why a policy cannot be saved, at the field it concerns, in words from the catalogs' `slaProblems`. */
export type SlaProblem = { path: string; code: SlaProblemCode; params: Record<string, string> };
export type SlaProblemCode =
  | 'schema'
  | 'target_not_positive'
  | 'warning_not_before_due'
  | 'business_needs_calendar'
  | 'no_targets'
  | 'priority_without_targets'
  | 'calendar_not_found'
  | 'calendar_never_open'
  | 'team_not_found'
  | 'form_not_found'
  | 'form_field_not_found'
  | 'form_option_not_found'
  | 'name_taken'
  /** Only from the settings page's own reading of what was typed (lib/sla-policy-draft.ts). */
  | 'not_a_duration'
  | 'not_a_warning';

/** What the server knows about the things a policy refers to (calendars, teams, forms), for the checks that need them. */
export type SlaReferences = {
  calendars: Map<number, { periods: readonly unknown[] }>;
  teamIds: Set<number>;
  forms: Map<number, { fields: { key: string; options?: { value: string }[] }[] }>;
};

/**
 * Everything that makes a policy unusable: a target of zero or less, a warning at or after its target,
 * business time without a calendar (or on one that is never open, which would pause the clock forever),
 * no target at all, conditions on priorities it has no targets for, and references to what does not exist.
 */
export function validateSlaPolicy(
  input: unknown,
  refs?: SlaReferences,
): { ok: true; policy: z.infer<typeof slaPolicyInput> } | { ok: false; problems: SlaProblem[] } {
  const parsed = slaPolicyInput.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: 'schema', params: { detail: i.message } })) };
  const p = parsed.data;
  const problems: SlaProblem[] = [];
  let any = false;
  let business = false;
  for (const priority of PRIORITIES) {
    for (const target of SLA_TARGETS) {
      const t = p.targets[priority][target];
      if (!t) continue;
      any = true;
      const path = `targets.${priority}.${target}`;
      if (t.minutes <= 0) problems.push({ path: `${path}.minutes`, code: 'target_not_positive', params: { minutes: String(t.minutes) } });
      else if (t.warning && 'minutesBefore' in t.warning && t.warning.minutesBefore >= t.minutes) {
        problems.push({
          path: `${path}.warning`,
          code: 'warning_not_before_due',
          params: { before: String(t.warning.minutesBefore), minutes: String(t.minutes) },
        });
      }
      if (t.clock === 'business') business = true;
    }
  }
  if (!any) problems.push({ path: 'targets', code: 'no_targets', params: {} });
  for (const priority of p.conditions.priorities) {
    if (any && SLA_TARGETS.every((t) => !p.targets[priority][t]))
      problems.push({ path: 'conditions.priorities', code: 'priority_without_targets', params: { priority } });
  }
  if (business && p.calendarId === null) problems.push({ path: 'calendarId', code: 'business_needs_calendar', params: {} });
  if (refs) problems.push(...referenceProblems(p, refs, business));
  return problems.length ? { ok: false, problems } : { ok: true, policy: p };
}

function referenceProblems(p: z.infer<typeof slaPolicyInput>, refs: SlaReferences, business: boolean): SlaProblem[] {
  const problems: SlaProblem[] = [];
  if (p.calendarId !== null) {
    const calendar = refs.calendars.get(p.calendarId);
    if (!calendar) problems.push({ path: 'calendarId', code: 'calendar_not_found', params: { id: String(p.calendarId) } });
    else if (business && calendar.periods.length === 0) problems.push({ path: 'calendarId', code: 'calendar_never_open', params: {} });
  }
  problems.push(...conditionProblems(p.conditions, refs));
  return problems;
}

/** Conditions that name a team or a form answer that does not exist (SLA and survey policies share them). */
export function conditionProblems(c: SlaConditions, refs: Pick<SlaReferences, 'teamIds' | 'forms'>): SlaProblem[] {
  const problems: SlaProblem[] = [];
  for (const teamId of c.teamIds) {
    if (!refs.teamIds.has(teamId)) problems.push({ path: 'conditions.teamIds', code: 'team_not_found', params: { id: String(teamId) } });
  }
  const answer = c.formAnswer;
  if (answer) {
    const form = refs.forms.get(answer.formId);
    const field = form?.fields.find((f) => f.key === answer.field);
    if (!form) problems.push({ path: 'conditions.formAnswer.formId', code: 'form_not_found', params: { id: String(answer.formId) } });
    else if (!field) problems.push({ path: 'conditions.formAnswer.field', code: 'form_field_not_found', params: { field: answer.field } });
    else if (field.options && !field.options.some((o) => o.value === answer.value)) {
      problems.push({ path: 'conditions.formAnswer.value', code: 'form_option_not_found', params: { field: answer.field, value: answer.value } });
    }
  }
  return problems;
}

export function slaProblemText(texts: Record<SlaProblemCode, string>, p: SlaProblem): string {
  return fill(texts[p.code], p.params);
}

/** What a policy's conditions look at on a ticket. */
export type SlaTicketFacts = {
  channel: ChannelKind;
  priority: Priority;
  teamId: number | null;
  tags: readonly string[];
  customerAttributes: ReadonlyMap<string, string>;
  /** Answers given in intake forms, by form id, then field key (a multiple choice as its list). */
  formAnswers: ReadonlyMap<number, Readonly<Record<string, unknown>>>;
};

const norm = (v: string) => v.trim().toLowerCase();

export function policyMatches(c: SlaConditions, t: SlaTicketFacts): boolean {
  if (c.channels.length && !c.channels.includes(t.channel)) return false;
  if (c.priorities.length && !c.priorities.includes(t.priority)) return false;
  if (c.teamIds.length && (t.teamId === null || !c.teamIds.includes(t.teamId))) return false;
  if (c.tags.length && !c.tags.some((tag) => t.tags.includes(tag))) return false;
  if (c.customerAttribute) {
    const v = t.customerAttributes.get(c.customerAttribute.key);
    if (v === undefined || norm(v) !== norm(c.customerAttribute.value)) return false;
  }
  if (c.formAnswer) {
    const given = t.formAnswers.get(c.formAnswer.formId)?.[c.formAnswer.field];
    const wanted = norm(c.formAnswer.value);
    const values = Array.isArray(given) ? given : [given];
    if (!values.some((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && norm(String(v)) === wanted)) return false;
  }
  return true;
}

/** The first enabled policy, in the admin's order, whose conditions the ticket meets. */
export function matchPolicy<P extends { enabled: boolean; position: number; conditions: SlaConditions }>(policies: readonly P[], t: SlaTicketFacts): P | null {
  return [...policies].sort((a, b) => a.position - b.position).find((p) => p.enabled && policyMatches(p.conditions, t)) ?? null;
}

/** The statuses that pause one target's clock under a policy. */
export function pausingStatuses(pauses: z.infer<typeof slaPolicyInput>['pauses'], target: SlaTarget): TicketStatus[] {
  return PAUSABLE_STATUSES.filter((s) => pauses[s].includes(target));
}

/** How long before the due time the warning falls, in the target's own clock. */
export function warningLeadMs(t: SlaTargetSpec): number | null {
  if (!t.warning) return null;
  const targetMs = t.minutes * 60_000;
  return 'percent' in t.warning ? Math.round((targetMs * (100 - t.warning.percent)) / 100) : Math.min(t.warning.minutesBefore * 60_000, targetMs);
}
