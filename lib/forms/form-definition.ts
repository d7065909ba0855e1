import { z } from 'zod';

// The intake form model, shared by the browser (live rendering, builder preview) and the server
// (validation of every submission). Universal: no React, no server imports.

export const FIELD_TYPES = ['text', 'long_text', 'email', 'phone', 'number', 'date', 'select', 'multi_select', 'checkbox', 'file'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const OPERATORS = ['equals', 'not_equals', 'one_of', 'contains', 'is_empty', 'is_not_empty', 'gt', 'lt'] as const;
export type Operator = (typeof OPERATORS)[number];

/** Which operators make sense for a field of each type; the builder offers only these, the server checks them. */
export const OPERATORS_BY_TYPE: Record<FieldType, readonly Operator[]> = {
  text: ['equals', 'not_equals', 'one_of', 'contains', 'is_empty', 'is_not_empty'],
  long_text: ['contains', 'is_empty', 'is_not_empty'],
  email: ['equals', 'not_equals', 'contains', 'is_empty', 'is_not_empty'],
  phone: ['equals', 'not_equals', 'contains', 'is_empty', 'is_not_empty'],
  number: ['equals', 'not_equals', 'gt', 'lt', 'is_empty', 'is_not_empty'],
  date: ['equals', 'not_equals', 'gt', 'lt', 'is_empty', 'is_not_empty'],
  select: ['equals', 'not_equals', 'one_of', 'is_empty', 'is_not_empty'],
  multi_select: ['contains', 'is_empty', 'is_not_empty'],
  checkbox: ['equals', 'is_empty', 'is_not_empty'],
  file: ['is_empty', 'is_not_empty'],
};

export const localizedText = z.object({ en: z.string().max(500), de: z.string().max(500).optional() });
export type LocalizedText = z.infer<typeof localizedText>;

export const answerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type AnswerValue = z.infer<typeof answerValue>;

export const condition = z.object({ field: z.string(), op: z.enum(OPERATORS), value: answerValue.optional() });
export type Condition = z.infer<typeof condition>;

export type ConditionGroup = { all: (Condition | ConditionGroup)[] } | { any: (Condition | ConditionGroup)[] };
export const conditionGroup: z.ZodType<ConditionGroup> = z.lazy(() =>
  z.union([z.object({ all: z.array(z.union([condition, conditionGroup])).max(50) }), z.object({ any: z.array(z.union([condition, conditionGroup])).max(50) })]),
);

export const action = z.discriminatedUnion('type', [
  z.object({ type: z.literal('show') }),
  z.object({ type: z.literal('hide') }),
  z.object({ type: z.literal('require') }),
  z.object({ type: z.literal('restrict_options'), options: z.array(z.string()).max(200) }),
  z.object({ type: z.literal('set_value'), value: answerValue }),
]);
export type Action = z.infer<typeof action>;

export const rule = z.object({ when: conditionGroup, then: action });
export type Rule = z.infer<typeof rule>;

export const MAPPINGS = ['subject', 'priority', 'team', 'tag'] as const;

export const field = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _ , starting with a letter'),
  type: z.enum(FIELD_TYPES),
  label: localizedText,
  help: localizedText.optional(),
  placeholder: localizedText.optional(),
  required: z.boolean().default(false),
  /** Shown only while one of its `show` rules matches. */
  hiddenByDefault: z.boolean().default(false),
  /** number: value; text types: length; multi select: number of choices. */
  min: z.number().optional(),
  max: z.number().optional(),
  pattern: z.string().max(500).optional(),
  options: z
    .array(z.object({ value: z.string().min(1).max(100), label: localizedText }))
    .max(200)
    .optional(),
  rules: z.array(rule).max(50).default([]),
  mapping: z.union([z.object({ kind: z.enum(MAPPINGS) }), z.object({ kind: z.literal('customer_attribute'), key: z.string().min(1).max(60) })]).optional(),
});
export type Field = z.infer<typeof field>;
export type FieldInput = z.input<typeof field>;

export const routingRule = z.object({
  id: z.string().min(1).max(40),
  name: z.string().max(100),
  when: conditionGroup,
  set: z.object({
    teamId: z.number().int().positive().optional(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
    assigneeId: z.number().int().positive().optional(),
    tags: z.array(z.string().min(1).max(40)).max(20).optional(),
  }),
  /** Keep evaluating later rules after this one matched (their settings win where they overlap). */
  continue: z.boolean().default(false),
});
export type RoutingRule = z.infer<typeof routingRule>;

export const formDefinition = z.object({
  version: z.number().int().positive(),
  fields: z.array(field).max(100),
  routing: z.array(routingRule).max(50).default([]),
});
export type FormDefinition = z.infer<typeof formDefinition>;

export type Answers = Record<string, AnswerValue | undefined>;
