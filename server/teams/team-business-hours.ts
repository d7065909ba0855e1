import type { Db, Tx } from '@/db/client';
import { businessHoursAt } from '@/lib/business-hours';
import { findTeam, setTeamCalendar } from '@/db/queries/agents';
import { findCalendar } from '@/db/queries/calendars';
import { DomainError } from '@/server/errors/domain-error';

/** Which calendar is the team's business hours (null: none, notification emails go out at any hour). */
export function setTeamBusinessHours(db: Db, teamId: number, calendarId: number | null) {
  if (!findTeam(db, teamId)) throw new DomainError('NOT_FOUND', 'team_not_found', { id: teamId });
  if (calendarId !== null && !findCalendar(db, calendarId)) throw new DomainError('NOT_FOUND', 'calendar_not_found', { id: calendarId });
  setTeamCalendar(db, teamId, calendarId);
  return { id: teamId, calendarId };
}

/**
 * `at` when the team is open then (or keeps no business hours), else the team's next opening: automatic
 * messages to people (notification emails, surveys) wait for the working day.
 */
export function withinTeamHours(db: Tx, teamId: number | null, at: number): number {
  const calendarId = teamId === null ? null : (findTeam(db, teamId)?.calendarId ?? null);
  const calendar = calendarId === null ? undefined : findCalendar(db, calendarId);
  if (!calendar) return at;
  const hours = businessHoursAt(calendar, at);
  // A calendar that never opens again would hold the message forever.
  return hours.open || hours.changesAt === null ? at : hours.changesAt;
}

/** The zone the team's times are shown in: its calendar's, else the team's own. */
export function teamTimeZone(db: Tx, teamId: number | null): string {
  const team = teamId === null ? undefined : findTeam(db, teamId);
  return (team?.calendarId != null ? findCalendar(db, team.calendarId)?.timeZone : undefined) ?? team?.timeZone ?? 'Europe/Berlin';
}
