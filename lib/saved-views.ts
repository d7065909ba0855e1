import { z } from 'zod';
import { ticketFilterSchema } from './ticket-filter';

/** Per agent for their own, and in all for the shared ones: a sidebar list, not a report store. */
export const MAX_PERSONAL_VIEWS = 30;
export const MAX_SHARED_VIEWS = 100;
/**
 * View counts stop here and show as "999+": counting reads at most this many index entries per view, so
 * the sidebar costs the same at a million tickets as at a thousand. A queue longer than that is simply long.
 */
export const VIEW_COUNT_CAP = 1000;

/**
 * Who sees a saved view: its keeper only (`personal`), one team's members (`team`, kept by admins and that
 * team's leads), or every agent (`everyone`, kept by admins). `me` in its filter is whoever opens it.
 */
export const VIEW_SCOPES = ['personal', 'team', 'everyone'] as const;
export type ViewScope = (typeof VIEW_SCOPES)[number];

/** A saved view's filter: the inbox filter without its search text (a view is a queue, not a search). */
export const savedViewFilterSchema = ticketFilterSchema.omit({ q: true });
export type SavedViewFilter = z.output<typeof savedViewFilterSchema>;

export const savedViewInputSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    scope: z.enum(VIEW_SCOPES),
    teamId: z.number().int().positive().nullish(),
    filter: savedViewFilterSchema,
  })
  .refine((v) => (v.scope === 'team') === (v.teamId != null), { message: 'a team view names its team, and only a team view does', path: ['teamId'] });
export type SavedViewInput = z.input<typeof savedViewInputSchema>;
export type SavedViewData = z.output<typeof savedViewInputSchema>;

/** The text a count shows: the number, or "999+" once it reached the cap. */
export const countLabel = (n: number, format: (n: number) => string) => (n >= VIEW_COUNT_CAP ? `${format(VIEW_COUNT_CAP - 1)}+` : format(n));
