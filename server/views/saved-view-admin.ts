import { type Db, type Queryable, transact } from '@/db/client';
import * as vq from '@/db/queries/saved-views';
import { findTeam, listTeamIdsOfAgent } from '@/db/queries/agents';
import { hasRole } from '@/lib/domain';
import { MAX_PERSONAL_VIEWS, MAX_SHARED_VIEWS, type SavedViewData, type ViewScope } from '@/lib/saved-views';
import type { Viewer } from '@/server/auth/sessions';
import { DomainError } from '@/server/errors/domain-error';

type Who = Pick<Viewer, 'id' | 'role'>;

/** The scope a stored view has. */
export const scopeOf = (v: vq.ViewKeeper): ViewScope => (v.ownerAgentId !== null ? 'personal' : v.teamId !== null ? 'team' : 'everyone');

/**
 * Who keeps a view: anyone their own; a team's view its leads and the admins; everyone's view the admins.
 * A lead keeps a team's views only while in that team, as with its members (server/admin/team-admin.ts).
 */
export function mayKeepView(db: Queryable, viewer: Who, keeper: vq.ViewKeeper): boolean {
  if (keeper.ownerAgentId !== null) return keeper.ownerAgentId === viewer.id;
  if (hasRole(viewer.role, 'admin')) return true;
  return keeper.teamId !== null && hasRole(viewer.role, 'lead') && listTeamIdsOfAgent(db as Db, viewer.id).includes(keeper.teamId);
}

/** A view as the sidebar shows it: what it is, who sees it, and whether this viewer keeps it. */
const sidebarView = (db: Queryable, viewer: Who, v: vq.SavedViewRow) => ({
  id: v.id,
  name: v.name,
  scope: scopeOf(v),
  teamId: v.teamId,
  filter: v.filter,
  canEdit: mayKeepView(db, viewer, v),
});

/** The views in a viewer's sidebar: their own, their teams', everyone's; admins see every team's too (they keep them). */
export function viewsFor(db: Db, viewer: Who) {
  return vq.listViewsFor(db, viewer.id, listTeamIdsOfAgent(db, viewer.id), hasRole(viewer.role, 'admin')).map((v) => sidebarView(db, viewer, v));
}

export function createSavedView(db: Db, viewer: Who, input: SavedViewData, now = Date.now()) {
  const keeper = keeperOf(db, viewer, input);
  return transact(db, (tx) => {
    const max = keeper.ownerAgentId === null ? MAX_SHARED_VIEWS : MAX_PERSONAL_VIEWS;
    if (vq.countSavedViews(tx, keeper.ownerAgentId) >= max) throw new DomainError('BAD_REQUEST', 'view_limit', { max });
    assertNameFree(tx, keeper, input.name);
    return sidebarView(tx, viewer, vq.insertSavedView(tx, { ...keeper, name: input.name, filter: input.filter, createdAt: now, updatedAt: now }));
  });
}

/** Renames, refilters or reshares a view; the viewer must keep it as it is and as it will be. */
export function updateSavedView(db: Db, viewer: Who, id: number, input: SavedViewData, now = Date.now()) {
  return transact(db, (tx) => {
    keptView(tx, viewer, id);
    const keeper = keeperOf(tx, viewer, input);
    assertNameFree(tx, keeper, input.name, id);
    return sidebarView(tx, viewer, vq.updateSavedViewRow(tx, id, { ...keeper, name: input.name, filter: input.filter, updatedAt: now }));
  });
}

export function deleteSavedView(db: Db, viewer: Who, id: number) {
  transact(db, (tx) => {
    keptView(tx, viewer, id);
    vq.deleteSavedViewRow(tx, id);
  });
}

/** Where the input puts the view, if the viewer may keep it there. */
function keeperOf(db: Queryable, viewer: Who, input: SavedViewData): vq.ViewKeeper {
  const keeper = { ownerAgentId: input.scope === 'personal' ? viewer.id : null, teamId: input.scope === 'team' ? input.teamId! : null };
  if (keeper.teamId !== null && !findTeam(db as Db, keeper.teamId)) throw new DomainError('BAD_REQUEST', 'team_not_found', { id: keeper.teamId });
  if (!mayKeepView(db, viewer, keeper)) throw new DomainError('FORBIDDEN', input.scope === 'team' ? 'view_team_leads_only' : 'view_everyone_admins_only');
  return keeper;
}

/** Whether the view is in the viewer's sidebar: the rule listViewsFor applies in SQL. */
function seesView(db: Queryable, viewer: Who, view: vq.ViewKeeper): boolean {
  if (view.ownerAgentId !== null) return view.ownerAgentId === viewer.id;
  return view.teamId === null || hasRole(viewer.role, 'admin') || listTeamIdsOfAgent(db as Db, viewer.id).includes(view.teamId);
}

/** A view the viewer keeps. One they cannot see does not exist for them; one they see but do not keep is FORBIDDEN. */
function keptView(db: Queryable, viewer: Who, id: number): vq.SavedViewRow {
  const view = vq.findSavedView(db, id);
  if (!view || !seesView(db, viewer, view)) throw new DomainError('NOT_FOUND', 'view_not_found', { id });
  if (!mayKeepView(db, viewer, view)) throw new DomainError('FORBIDDEN', view.teamId !== null ? 'view_team_leads_only' : 'view_everyone_admins_only');
  return view;
}

function assertNameFree(db: Queryable, keeper: vq.ViewKeeper, name: string, exceptId?: number) {
  const same = vq.findSavedViewByName(db, keeper, name);
  if (same && same.id !== exceptId) throw new DomainError('CONFLICT', 'view_name_taken', { name });
}
