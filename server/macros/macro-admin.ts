import { type Db, transact } from '@/db/client';
import * as mq from '@/db/queries/macros';
import { findAgentById, listTeams } from '@/db/queries/agents';
import { hasRole } from '@/lib/domain';
import { MAX_PERSONAL_MACROS, MAX_SHARED_MACROS, type MacroInput } from '@/lib/macros';
import { unknownPlaceholders } from '@/lib/placeholders';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';

/**
 * Keeping canned replies and macros: anyone keeps their own; the shared ones are kept by leads and admins.
 * Another agent's own macro does not exist for the viewer (NOT_FOUND, as for a ticket they may not see).
 */
export function createMacro(db: Db, viewer: Viewer, input: MacroInput, now = Date.now()) {
  mayKeep(viewer, input.shared);
  check(db, input);
  const owner = input.shared ? null : viewer.id;
  return transact(db, (tx) => {
    const max = owner === null ? MAX_SHARED_MACROS : MAX_PERSONAL_MACROS;
    if (mq.countMacros(tx, owner) >= max) throw new DomainError('BAD_REQUEST', 'macro_limit', { max });
    if (mq.findMacroByName(tx, owner, input.name)) throw new DomainError('CONFLICT', 'macro_name_taken', { name: input.name });
    return mq.insertMacro(tx, { ...columns(input), ownerAgentId: owner, createdAt: now, updatedAt: now });
  });
}

export function updateMacro(db: Db, viewer: Viewer, id: number, input: MacroInput, now = Date.now()) {
  check(db, input);
  return transact(db, (tx) => {
    const macro = keptMacro(tx, viewer, id);
    mayKeep(viewer, input.shared);
    // Made personal, a shared macro becomes the editor's own.
    const owner = input.shared ? null : (macro.ownerAgentId ?? viewer.id);
    const same = mq.findMacroByName(tx, owner, input.name);
    if (same && same.id !== id) throw new DomainError('CONFLICT', 'macro_name_taken', { name: input.name });
    mq.updateMacroRow(tx, id, { ...columns(input), ownerAgentId: owner, updatedAt: now });
    return mq.findMacro(tx, id)!;
  });
}

export function deleteMacro(db: Db, viewer: Viewer, id: number) {
  transact(db, (tx) => {
    keptMacro(tx, viewer, id);
    mq.deleteMacroRow(tx, id);
  });
}

/** A macro the viewer may pick (shared, or their own); NOT_FOUND otherwise. */
export function visibleMacro(db: Parameters<typeof mq.findMacro>[0], viewer: Pick<Viewer, 'id'>, id: number): mq.MacroRow {
  const macro = mq.findMacro(db, id);
  if (!macro || (macro.ownerAgentId !== null && macro.ownerAgentId !== viewer.id)) throw new DomainError('NOT_FOUND', 'macro_not_found', { id });
  return macro;
}

function keptMacro(db: Parameters<typeof mq.findMacro>[0], viewer: Viewer, id: number) {
  const macro = visibleMacro(db, viewer, id);
  if (macro.ownerAgentId === null) mayKeep(viewer, true);
  return macro;
}

function mayKeep(viewer: Pick<Viewer, 'role'>, shared: boolean) {
  if (shared && !hasRole(viewer.role, 'lead')) throw new DomainError('FORBIDDEN', 'macro_shared_leads_only');
}

/** Something to do, placeholders that exist, and a team and an agent that do. */
function check(db: Db, input: MacroInput) {
  const { actions, text } = input;
  const hasAction = Object.values(actions).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
  if (!text.en.trim() && !text.de.trim() && !hasAction) throw new DomainError('BAD_REQUEST', 'macro_empty');
  const [unknown] = unknownPlaceholders(`${text.en}\n${text.de}`);
  if (unknown) throw new DomainError('BAD_REQUEST', 'macro_unknown_placeholder', { name: `{{${unknown}}}` });
  if (actions.teamId !== undefined && !listTeams(db).some((t) => t.id === actions.teamId)) {
    throw new DomainError('BAD_REQUEST', 'team_not_found', { id: actions.teamId });
  }
  if (typeof actions.assignee === 'number' && !findAgentById(db, actions.assignee)?.active) {
    throw new DomainError('BAD_REQUEST', 'agent_not_found', { id: actions.assignee });
  }
}

const columns = (input: MacroInput) => ({ name: input.name, textEn: input.text.en.trim(), textDe: input.text.de.trim(), actions: input.actions });
