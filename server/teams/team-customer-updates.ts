import type { Db } from '@/db/client';
import { findTeam, setTeamCustomerUpdates } from '@/db/queries/agents';
import { customerUpdatesSchema, DEFAULT_CUSTOMER_UPDATES } from '@/lib/customer-updates';
import { DomainError } from '@/server/errors/domain-error';

/** The team's progress messages as the settings page edits them: the defaults (all off) until saved once. */
export function teamCustomerUpdates(db: Db, teamId: number) {
  const team = findTeam(db, teamId);
  if (!team) throw new DomainError('NOT_FOUND', 'team_not_found', { id: teamId });
  return team.customerUpdates ?? DEFAULT_CUSTOMER_UPDATES;
}

export function saveTeamCustomerUpdates(db: Db, teamId: number, input: unknown) {
  if (!findTeam(db, teamId)) throw new DomainError('NOT_FOUND', 'team_not_found', { id: teamId });
  const parsed = customerUpdatesSchema.safeParse(input);
  if (!parsed.success) throw new DomainError('BAD_REQUEST', 'customer_updates_invalid');
  setTeamCustomerUpdates(db, teamId, parsed.data);
  return parsed.data;
}
