import { z } from 'zod';
import { LOCALES } from '../domain';
import { conditionProblems, slaConditionsSchema, type SlaReferences } from '../sla-policy';

/**
 * Survey policies: which question is asked (CSAT, NPS or CES, with its scale and texts), for which solved
 * tickets (the same conditions SLA policies use), when, and what an unhappy answer sets in motion.
 * Universal: the settings page checks a policy with the rules the server applies when it is saved.
 */

export const SURVEY_TYPES = ['csat', 'nps', 'ces'] as const;
export type SurveyType = (typeof SURVEY_TYPES)[number];

export type Scale = { min: number; max: number };

/** NPS and CES have standard scales (0–10, 1–7) that make them comparable; only CSAT's may change. */
export const DEFAULT_SCALES: Record<SurveyType, Scale> = { csat: { min: 1, max: 5 }, nps: { min: 0, max: 10 }, ces: { min: 1, max: 7 } };

const text = (max: number) => z.string().trim().min(1).max(max);
const localized = (max: number) => z.object({ en: text(max), de: text(max) });
export type Localized = { en: string; de: string };

/** Why a survey was not sent (recorded on the ticket); the keys are translated where they are shown. */
export const SKIP_REASONS = [
  'reopened',
  'customer_wrote_again',
  'recently_surveyed',
  'automatic',
  'spam',
  'bounced',
  'no_agent_reply',
  'opted_out',
  'no_channel',
  'reply_window_closed',
  'policy_disabled',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** A survey comment's length limit (the page says so; the server refuses longer). */
export const COMMENT_MAX = 2000;

export const UNHAPPY_ACTIONS = ['none', 'reopen', 'follow_up'] as const;

export const surveyQuestionSchema = z.object({
  type: z.enum(SURVEY_TYPES),
  scale: z.object({ min: z.number().int().min(0).max(1), max: z.number().int().min(3).max(10) }),
  question: localized(300),
  /** Words for the points; a point without one shows its number. */
  labels: z.array(z.object({ score: z.number().int().min(0).max(10), en: text(60), de: text(60) })).max(11),
  /** Optional reasons the customer may tick with a low rating ("too slow", "not solved"…). */
  reasons: z.array(z.object({ key: z.string().regex(/^[a-z0-9_-]{1,40}$/), en: text(80), de: text(80) })).max(10),
  comment: z.boolean(),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const surveyPolicyInput = z.object({
  name: text(100),
  enabled: z.boolean().default(true),
  question: surveyQuestionSchema,
  conditions: slaConditionsSchema.default(slaConditionsSchema.parse({})),
  /** Minutes after solving (0: at once); with `businessHours`, a moment outside the team's hours moves to the next opening. */
  delayMinutes: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 60),
  businessHours: z.boolean(),
  /** A customer surveyed within this many days is not asked again (0: no limit). */
  quietDays: z.number().int().min(0).max(365),
  /** How long after sending an answer is accepted and may be changed. */
  answerDays: z.number().int().min(1).max(90),
  /** The language when the customer's is unknown. */
  fallbackLocale: z.enum(LOCALES),
  unhappy: z.object({
    notifyLead: z.boolean(),
    tag: z.string().trim().toLowerCase().max(40).nullable(),
    action: z.enum(UNHAPPY_ACTIONS),
    /** Words that mark a comment as a complaint whatever the score (matched case-insensitively). */
    flagWords: z.array(z.string().trim().toLowerCase().min(2).max(40)).max(30),
  }),
});
export type SurveyPolicyInput = z.infer<typeof surveyPolicyInput>;

const DEFAULT_TEXTS: Record<SurveyType, { question: Localized; labels: SurveyQuestion['labels'] }> = {
  csat: {
    question: { en: 'How satisfied are you with the help you received?', de: 'Wie zufrieden sind Sie mit der Hilfe, die Sie erhalten haben?' },
    labels: [
      { score: 1, en: 'Very dissatisfied', de: 'Sehr unzufrieden' },
      { score: 2, en: 'Dissatisfied', de: 'Unzufrieden' },
      { score: 3, en: 'Neutral', de: 'Neutral' },
      { score: 4, en: 'Satisfied', de: 'Zufrieden' },
      { score: 5, en: 'Very satisfied', de: 'Sehr zufrieden' },
    ],
  },
  nps: {
    question: {
      en: 'How likely are you to recommend us to a friend or colleague?',
      de: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?',
    },
    labels: [
      { score: 0, en: 'Not at all likely', de: 'Sehr unwahrscheinlich' },
      { score: 10, en: 'Extremely likely', de: 'Äußerst wahrscheinlich' },
    ],
  },
  ces: {
    question: { en: 'How easy was it to get your request resolved?', de: 'Wie einfach war es, Ihr Anliegen zu lösen?' },
    labels: [
      { score: 1, en: 'Very difficult', de: 'Sehr schwierig' },
      { score: 7, en: 'Very easy', de: 'Sehr einfach' },
    ],
  },
};

/** A new policy of a type, as the settings page starts it: the standard question and scale, sent a day after solving. */
export function defaultSurveyPolicy(type: SurveyType, name: string): SurveyPolicyInput {
  return {
    name,
    enabled: true,
    question: { type, scale: DEFAULT_SCALES[type], ...DEFAULT_TEXTS[type], reasons: [], comment: true },
    conditions: slaConditionsSchema.parse({}),
    delayMinutes: 24 * 60,
    businessHours: true,
    quietDays: 30,
    answerDays: 7,
    fallbackLocale: 'de',
    unhappy: { notifyLead: true, tag: 'unhappy-feedback', action: 'none', flagWords: [] },
  };
}

export type SurveyProblem = { path: string; code: string; params: Record<string, string> };

/**
 * Everything that makes a policy unusable beyond its shape: NPS and CES off their standard scale, labels
 * off the scale or twice, a reason twice, and (with `refs`) conditions naming a team or form answer that
 * does not exist.
 */
export function validateSurveyPolicy(
  input: unknown,
  refs?: Pick<SlaReferences, 'teamIds' | 'forms'>,
): { ok: true; policy: SurveyPolicyInput } | { ok: false; problems: SurveyProblem[] } {
  const parsed = surveyPolicyInput.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: 'schema', params: { detail: i.message } })) };
  const p = parsed.data;
  const q = p.question;
  const problems: SurveyProblem[] = [];
  const standard = DEFAULT_SCALES[q.type];
  if (q.type !== 'csat' && (q.scale.min !== standard.min || q.scale.max !== standard.max))
    problems.push({ path: 'question.scale', code: 'scale_fixed', params: {} });
  if (q.labels.some((l) => l.score < q.scale.min || l.score > q.scale.max)) problems.push({ path: 'question.labels', code: 'label_off_scale', params: {} });
  if (new Set(q.labels.map((l) => l.score)).size !== q.labels.length) problems.push({ path: 'question.labels', code: 'label_twice', params: {} });
  if (new Set(q.reasons.map((r) => r.key)).size !== q.reasons.length) problems.push({ path: 'question.reasons', code: 'reason_twice', params: {} });
  if (refs) problems.push(...conditionProblems(p.conditions, refs));
  return problems.length ? { ok: false, problems } : { ok: true, policy: p };
}
