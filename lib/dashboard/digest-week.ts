import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfWeek } from 'date-fns';

/**
 * The week a lead's weekly summary covers when planned at `now`: the week (Monday to Sunday, in `zone`)
 * that `now` falls in, sent from the start of the Monday after it. Universal.
 */
export function digestWeek(now: number, zone: string): { weekStart: string; weekEnd: string; sendFrom: number } {
  const monday = startOfWeek(new TZDate(now, zone), { weekStartsOn: 1 });
  return { weekStart: format(monday, 'yyyy-MM-dd'), weekEnd: format(addDays(monday, 6), 'yyyy-MM-dd'), sendFrom: addDays(monday, 7).getTime() };
}
