import { z } from 'zod';
import { router, adminProcedure } from '../trpc';
import { calendarInputSchema } from '@/lib/business-hours';
import { deleteCalendar, listCalendarsForAdmin, saveCalendar } from '@/server/calendars/calendar-admin';

/** Business-hours calendars: admins only. */
export const calendarsRouter = router({
  list: adminProcedure.query(({ ctx }) => listCalendarsForAdmin(ctx.db)),
  save: adminProcedure
    .input(calendarInputSchema.extend({ id: z.number().int().positive().optional() }))
    .mutation(({ ctx, input }) => saveCalendar(ctx.db, input)),
  delete: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(({ ctx, input }) => {
    deleteCalendar(ctx.db, input.id);
    return { ok: true };
  }),
});
