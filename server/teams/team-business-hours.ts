import type { Db } from '@/db/client';
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
