import { TZDate } from '@date-fns/tz';

/** Why a snooze ended: its time came, the customer wrote, or an agent took the ticket out of waiting. */
export const SNOOZE_END_CAUSES = ['time', 'customer', 'agent'] as const;
export type SnoozeEndCause = (typeof SNOOZE_END_CAUSES)[number];

/** Far enough for "after the holidays", near enough that a typo in the year is caught. */
export const MAX_SNOOZE_MS = 366 * 24 * 3600_000;
export const MAX_SNOOZE_REASON = 200;

export const SNOOZE_PRESETS = ['later_today', 'tomorrow', 'next_monday', 'next_week'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

/** Mornings start at nine: a ticket snoozed "until tomorrow" is back when the agent's day starts. */
const MORNING = 9;

/**
 * The snooze menu's choices for an agent in `timeZone` at `now`: later today (at least three hours on, on the hour,
 * while that is still today before 21:00), tomorrow morning, next Monday morning, and a week from today in
 * the morning. Wall-clock times in the agent's zone, so a DST change in between does not move them an hour.
 */
export function snoozePresets(now: number, timeZone: string): { preset: SnoozePreset; at: number }[] {
  const local = new TZDate(now, timeZone);
  const morning = (daysAhead: number) => new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + daysAhead, MORNING, 0, 0, timeZone).getTime();
  const out: { preset: SnoozePreset; at: number }[] = [];
  const later = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours() + 4, 0, 0, timeZone);
  if (later.getDate() === local.getDate() && later.getHours() <= 21) out.push({ preset: 'later_today', at: later.getTime() });
  out.push({ preset: 'tomorrow', at: morning(1) });
  // Monday is day 1; from a Monday, the Monday after.
  out.push({ preset: 'next_monday', at: morning((8 - local.getDay()) % 7 || 7) });
  out.push({ preset: 'next_week', at: morning(7) });
  return out.filter((p, i) => out.findIndex((q) => q.at === p.at) === i);
}
