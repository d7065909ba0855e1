import { type Db, transact } from '@/db/client';
import * as slaQ from '@/db/queries/sla';
import { listCalendars } from '@/db/queries/calendars';
import { listTeams } from '@/db/queries/agents';
import { findFormVersion, listForms } from '@/db/queries/forms';
import { slaProblemText, validateSlaPolicy, type SlaProblem, type SlaReferences } from '@/lib/sla-policy';
import { en } from '@/lib/i18n/en';
import { DomainError } from '@/server/errors/domain-error';
import { replanOpenTickets } from './replan';

/** The policies in the order they are tried, as the settings page lists them. */
export function listPolicies(db: Db) {
  return slaQ.listSlaPolicies(db).map(({ definition, ...p }) => ({ ...p, ...definition }));
}

/**
 * Creates (no id) or replaces a policy after every check of lib/sla-policy.ts plus the references only
 * the server can see; refused with the problems field by field. Open tickets are re-planned afterwards.
 */
export function savePolicy(db: Db, id: number | null, input: unknown, now = Date.now()) {
  const checked = validateSlaPolicy(input, referencesOf(db));
  const problems: SlaProblem[] = checked.ok ? [] : [...checked.problems];
  const name = checked.ok ? checked.policy.name : null;
  const sameName = name ? slaQ.listSlaPolicies(db).find((p) => p.name.toLowerCase() === name.toLowerCase() && p.id !== id) : undefined;
  if (sameName) problems.push({ path: 'name', code: 'name_taken', params: { name: sameName.name } });
  if (!checked.ok || problems.length) refuse(problems);
  const { name: policyName, enabled, calendarId, conditions, targets, pauses } = checked.policy;
  return transact(db, (tx) => {
    let saved: number;
    if (id === null) saved = slaQ.insertSlaPolicy(tx, { name: policyName, enabled, calendarId, definition: { conditions, targets, pauses }, now }).id;
    else {
      if (!slaQ.findSlaPolicy(tx, id)) throw new DomainError('NOT_FOUND', 'sla_policy_not_found', { id });
      slaQ.updateSlaPolicy(tx, id, { name: policyName, enabled, calendarId, definition: { conditions, targets, pauses }, now });
      saved = id;
    }
    replanOpenTickets(tx, now);
    return { id: saved };
  });
}

/** The order in which policies are tried: every policy exactly once. */
export function reorderPolicies(db: Db, ids: number[], now = Date.now()) {
  const existing = slaQ.listSlaPolicies(db).map((p) => p.id);
  if (ids.length !== existing.length || new Set(ids).size !== ids.length || !existing.every((id) => ids.includes(id))) {
    throw new DomainError('BAD_REQUEST', 'sla_order_incomplete');
  }
  transact(db, (tx) => {
    slaQ.setSlaPolicyPositions(tx, ids);
    replanOpenTickets(tx, now);
  });
}

/** Deleting a policy stops its running targets on the next plan; what they measured stays in the history. */
export function deletePolicy(db: Db, id: number, now = Date.now()) {
  if (!slaQ.findSlaPolicy(db, id)) throw new DomainError('NOT_FOUND', 'sla_policy_not_found', { id });
  transact(db, (tx) => {
    slaQ.deleteSlaPolicy(tx, id);
    replanOpenTickets(tx, now);
  });
}

function refuse(problems: SlaProblem[]): never {
  throw new DomainError('BAD_REQUEST', 'sla_policy_invalid', { problems: problems.map((p) => slaProblemText(en.slaProblems, p)).join('; ') }, { problems });
}

function referencesOf(db: Db): SlaReferences {
  return {
    calendars: new Map(listCalendars(db).map((c) => [c.id, c])),
    teamIds: new Set(listTeams(db).map((t) => t.id)),
    forms: new Map(listForms(db).map((f) => [f.id, findFormVersion(db, f.id, f.currentVersion)!.definition])),
  };
}
