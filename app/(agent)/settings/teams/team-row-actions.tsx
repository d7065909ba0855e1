'use client';

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useErrorText } from '@/app/_components/error-text';
import { useTRPC } from '@/app/_components/trpc';
import { IdCheckboxes } from '@/app/_components/id-checkboxes';

type Team = { id: number; name: string; memberIds: number[] };

/** A team's name (renamed in place), its members (chosen from all agents) and deleting it while unused; a lead gets the members only. */
export function TeamRowActions({ team, agents, canAdmin }: { team: Team; agents: { id: number; name: string }[]; canAdmin: boolean }) {
  const t = useTranslations('admin');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.admin.teams.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.admin.agents.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.directory.all.queryKey() });
  };
  const [name, setName] = useState(team.name);
  const [members, setMembers] = useState(team.memberIds);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const rename = useMutation(trpc.admin.renameTeam.mutationOptions({ onSuccess: refresh }));
  const setTeam = useMutation(trpc.admin.setTeamMembers.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.admin.deleteTeam.mutationOptions({ onSuccess: refresh }));
  const error = rename.error ?? setTeam.error ?? remove.error;
  return (
    <div className="space-y-3 pt-2">
      {canAdmin && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate({ id: team.id, name });
          }}
        >
          <label className="text-xs text-slate-700">
            <span className="mb-0.5 block">{t('teamName')}</span>
            <input
              className="rounded-md border border-slate-300 px-2 py-1 text-sm"
              required
              maxLength={80}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <button
            type="submit"
            disabled={rename.isPending || name.trim() === team.name}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50"
          >
            {t('rename')}
          </button>
        </form>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTeam.mutate({ id: team.id, agentIds: members });
        }}
      >
        <IdCheckboxes legend={t('members', { count: team.memberIds.length })} items={agents} selected={members} onChange={setMembers} />
        <button type="submit" disabled={setTeam.isPending} className="mt-2 rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100">
          {t('saveMembers')}
        </button>
      </form>
      {canAdmin && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {confirmDelete ? (
            <>
              <span>{t('confirmDeleteTeam', { team: team.name })}</span>
              <button type="button" className="rounded-md bg-red-700 px-2 py-1 text-white hover:bg-red-800" onClick={() => remove.mutate({ id: team.id })}>
                {t('deleteTeam')}
              </button>
              <button type="button" className="rounded-md px-2 py-1 hover:bg-slate-100" onClick={() => setConfirmDelete(false)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="rounded-md px-2 py-1 text-red-700 hover:bg-red-50" onClick={() => setConfirmDelete(true)}>
              {t('deleteTeam')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {errorText(error)}
        </p>
      )}
    </div>
  );
}
