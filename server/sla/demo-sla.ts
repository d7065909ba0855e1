import { type Db, transact } from '@/db/client';
import { listCalendars } from '@/db/queries/calendars';
import { listTicketIdsAfter } from '@/db/queries/sla';
import { applySla } from './apply-sla';
import { savePolicy } from './sla-policies';

const hours = (h: number) => ({ minutes: h * 60, clock: 'business' as const });

/**
 * The demo's SLA policy on its business-hours calendar, and every demo ticket planned under it as if
 * the policy had been there all along: the history then shows met and missed targets across the 90
 * days, and the open tickets count down (their due jobs are planned with them).
 */
export function seedDemoSla(db: Db, now: number) {
  const calendar = listCalendars(db)[0];
  if (!calendar) return;
  savePolicy(
    db,
    null,
    {
      name: 'Standard',
      calendarId: calendar.id,
      targets: {
        urgent: { first_response: hours(1), next_response: hours(2), resolution: hours(8) },
        high: { first_response: hours(4), next_response: hours(4), resolution: hours(24) },
        normal: { first_response: hours(8), next_response: hours(8), resolution: hours(40) },
        low: { first_response: hours(16), next_response: hours(16), resolution: hours(80) },
      },
    },
    now,
  );
  planEveryTicket(db, now);
}

/** Plans every ticket, solved ones included (their targets end as their history says), in batches. */
export function planEveryTicket(db: Db, now: number) {
  let afterId = 0;
  for (;;) {
    const ids = listTicketIdsAfter(db, afterId, 500, { openOnly: false });
    if (ids.length === 0) return;
    transact(db, (tx) => ids.forEach((id) => applySla(tx, id, now)));
    afterId = ids.at(-1)!;
  }
}
