import { z } from 'zod';
import { MAX_TICKET_TAGS, PRIORITIES, TICKET_STATUSES } from './domain';

export const MAX_MACRO_TEXT = 10_000;
/** Per agent for their own, and in all for the shared ones: a picker list, not a document store. */
export const MAX_PERSONAL_MACROS = 200;
export const MAX_SHARED_MACROS = 500;

const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^,]+$/, 'tags cannot contain commas')
  .transform((s) => s.toLowerCase());
const tags = z.array(tag).max(MAX_TICKET_TAGS).optional();

/**
 * What a macro does besides its text. `assignee`: `me` is whoever applies it, `none` unassigns. The status
 * goes with the reply it inserts (set on sending), so solving never comes before the answer; a macro
 * without text sets it at once.
 */
export const macroActionsSchema = z.object({
  status: z.enum(TICKET_STATUSES).exclude(['new', 'closed']).optional(),
  priority: z.enum(PRIORITIES).optional(),
  teamId: z.number().int().positive().optional(),
  assignee: z.union([z.enum(['me', 'none']), z.number().int().positive()]).optional(),
  addTags: tags,
  removeTags: tags,
});
export type MacroActions = z.infer<typeof macroActionsSchema>;

/** A canned reply (text only) or a macro (text and actions), personal or shared, with an English and a German text. */
export const macroInputSchema = z.object({
  name: z.string().trim().min(1).max(80),
  shared: z.boolean(),
  text: z.object({ en: z.string().max(MAX_MACRO_TEXT), de: z.string().max(MAX_MACRO_TEXT) }),
  actions: macroActionsSchema,
});
export type MacroInput = z.infer<typeof macroInputSchema>;
