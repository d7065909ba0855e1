import { transact, type Db, type Tx } from '@/db/client';
import { findAgentById, findTeam, listTeamIdsOfAgent } from '@/db/queries/agents';
import { insertWeeklyDigest, listDigestRecipients, setAgentWeeklyDigest } from '@/db/queries/digests';
import { findJob } from '@/db/queries/jobs';
import { insertOutbox } from '@/db/queries/outbox';
import { hasRole, type Locale } from '@/lib/domain';
import { digestWeek } from '@/lib/dashboard/digest-week';
import { dashboardFiltersSchema, filtersToSearch } from '@/lib/dashboard/dashboard-filters';
import { registerJobHandler, scheduleJob } from '@/server/jobs/durable-jobs';
import { sendingInbox } from '@/server/notifications/sending-inbox';
import { getConfig } from '@/server/runtime-config';
import { teamTimeZone, withinTeamHours } from '@/server/teams/team-business-hours';
import { dashboardScope } from './dashboard-scope';
import { headlineFigures } from './dashboard-headline';
import { composeDigestMail, type DigestSection } from './digest-mail';

export const WEEKLY_DIGEST_JOB = 'weekly-digest';

/**
 * Weekly summaries for the leads who asked for one. The week is Monday to Sunday in the zone of the
 * lead's first team; its summary is a durable job (one id per lead and week, so planning again changes
 * nothing) that runs from the Monday after it, at the team's next opening. One section per team of the
 * lead's (all teams when the lead is in none). Planned each hour and when a lead opts in.
 */
export function planWeeklyDigests(db: Tx, now: number) {
  for (const { id } of listDigestRecipients(db)) planWeeklyDigest(db, id, now);
}

/** A lead turns the summary on (in the language their screen shows) or off; on plans this week's. */
export function setWeeklyDigest(db: Db, agentId: number, locale: Locale | null, now: number) {
  transact(db, (tx) => {
    setAgentWeeklyDigest(tx, agentId, locale);
    if (locale) planWeeklyDigest(tx, agentId, now);
  });
}

export function planWeeklyDigest(db: Tx, agentId: number, now: number) {
  const home = listTeamIdsOfAgent(db, agentId)[0] ?? null;
  const week = digestWeek(now, teamTimeZone(db, home));
  const id = `${WEEKLY_DIGEST_JOB}:${agentId}:${week.weekStart}`;
  // A job that already ran is not planned again (planning replaces a job whatever its state).
  if (findJob(db, id)) return;
  scheduleJob(db, { id, kind: WEEKLY_DIGEST_JOB, payload: { agentId, weekStart: week.weekStart }, runAt: withinTeamHours(db, home, week.sendFrom) }, now);
}

export function registerWeeklyDigestJobs() {
  registerJobHandler(WEEKLY_DIGEST_JOB, (tx, payload, { now }) => {
    const { agentId, weekStart } = payload as { agentId: number; weekStart: string };
    const agent = findAgentById(tx, agentId);
    // Opted out, deactivated or no longer a lead since it was planned: no summary.
    if (!agent?.active || !agent.weeklyDigest || !hasRole(agent.role, 'lead')) return;
    const teamIds = listTeamIdsOfAgent(tx, agentId);
    const zone = teamTimeZone(tx, teamIds[0] ?? null);
    const week = digestWeek(Date.parse(`${weekStart}T12:00:00Z`), zone);
    const sections = (teamIds.length ? teamIds : [null]).map((teamId) => section(tx, agent, week, teamId, now));
    const sender = sendingInbox(tx, { teamId: teamIds[0] ?? null });
    const digest = sender && insertWeeklyDigest(tx, { agentId, weekStart, now });
    if (!sender || !digest) return;
    const mail = composeDigestMail(sender.settings, { id: digest.id, ...week, zone, sections }, agent, agent.locale ?? agent.weeklyDigest);
    insertOutbox(tx, { digestId: digest.id, channelId: sender.id, payload: mail, now });
  });
}

/** One team's week as the dashboard counts it (the lead's own view, checked as on the page). */
function section(
  tx: Tx,
  agent: { id: number; role: 'lead' | 'admin' | 'agent' },
  week: { weekStart: string; weekEnd: string },
  teamId: number | null,
  now: number,
): DigestSection {
  const input = { range: 'custom' as const, from: week.weekStart, to: week.weekEnd, teamId: teamId ?? undefined };
  const scope = dashboardScope(tx, agent, dashboardFiltersSchema.parse(input), now);
  return {
    team: teamId === null ? null : (findTeam(tx, teamId)?.name ?? null),
    url: `${getConfig().publicUrl}/dashboard?${filtersToSearch(input)}`,
    figures: headlineFigures(tx, scope, now),
  };
}
