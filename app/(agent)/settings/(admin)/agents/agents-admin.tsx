'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '@/app/_components/error-text';
import { useTranslations } from 'use-intl';
import { ROLES, type Role } from '@/lib/domain';
import { useTRPC } from '@/app/_components/trpc';
import { useViewer } from '@/app/_components/viewer';
import { TextField } from '@/app/_components/text-field';
import { IdCheckboxes } from '@/app/_components/id-checkboxes';
import { AgentEditor } from './agent-editor';

const input = 'rounded-md border border-slate-300 px-2 py-1.5 text-sm';
const EMPTY = { name: '', email: '', password: '', role: 'agent' as Role, teamIds: [] as number[] };

export function AgentsAdmin() {
  const t = useTranslations('admin');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const agents = useQuery(trpc.admin.agents.queryOptions());
  const teams = useQuery(trpc.admin.teams.queryOptions());
  // Teams list their members: they change with an agent's teams.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.admin.agents.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.teams.queryKey() }),
    ]);
  const update = useMutation(trpc.admin.updateAgent.mutationOptions({ onSuccess: refresh }));
  const create = useMutation(
    trpc.admin.createAgent.mutationOptions({
      onSuccess: () => {
        void refresh();
        setForm(EMPTY);
      },
    }),
  );
  const [form, setForm] = useState(EMPTY);
  const [editing, setEditing] = useState<number | null>(null);
  const editingAgent = agents.data?.find((a) => a.id === editing);
  // A role change waits for a confirmation: it changes what the agent may do at once.
  const [roleChange, setRoleChange] = useState<{ id: number; name: string; role: Role } | null>(null);

  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-lg font-semibold">{t('agents')}</h1>
      {/* On a phone the address sits under the name and the table scrolls inside itself, never the page. */}
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full bg-white text-sm">
          <thead className="bg-slate-50 text-left text-xs text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium">{t('name')}</th>
              <th className="hidden px-3 py-2 font-medium sm:table-cell">{t('email')}</th>
              <th className="px-3 py-2 font-medium">{t('role')}</th>
              <th className="px-3 py-2 font-medium">{t('teams')}</th>
              <th className="px-3 py-2 font-medium">
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {agents.data?.map((a) => (
              <tr key={a.id} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  {a.name}
                  <span className="block text-xs text-slate-600 sm:hidden">{a.email}</span>
                </td>
                <td className="hidden px-3 py-2 text-slate-600 sm:table-cell">{a.email}</td>
                <td className="px-3 py-2">
                  <select
                    aria-label={`${t('role')} ${a.name}`}
                    className={input}
                    value={a.role}
                    disabled={a.id === viewer.id}
                    onChange={(e) => setRoleChange({ id: a.id, name: a.name, role: e.target.value as Role })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-3 py-2 text-xs text-slate-600">{a.teamIds.map((id) => teams.data?.find((x) => x.id === id)?.name).join(', ')}</td>
                <td className="flex gap-1 px-3 py-2">
                  <button
                    type="button"
                    aria-expanded={editing === a.id}
                    className="rounded border border-slate-200 px-2 py-1 text-xs hover:bg-slate-50"
                    onClick={() => setEditing(editing === a.id ? null : a.id)}
                  >
                    {t('edit')}
                  </button>
                  <button
                    type="button"
                    disabled={a.id === viewer.id}
                    className="rounded border border-slate-200 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-40"
                    onClick={() => update.mutate({ id: a.id, active: !a.active })}
                  >
                    {a.active ? t('deactivate') : t('activate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editingAgent && (
        <section aria-labelledby="agent-editor" className="rounded-lg border border-slate-200">
          <h2 id="agent-editor" className="px-3 pt-3 text-sm font-semibold">
            {t('editAgent', { name: editingAgent.name })}
          </h2>
          <AgentEditor
            key={editingAgent.id}
            agent={editingAgent}
            teams={teams.data ?? []}
            onDone={() => {
              setEditing(null);
              void refresh();
            }}
          />
        </section>
      )}
      {roleChange && (
        <div
          role="alertdialog"
          aria-labelledby="role-change"
          className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
        >
          <span id="role-change">{t('confirmRole', { name: roleChange.name, role: t(`roles.${roleChange.role}`) })}</span>
          <button
            type="button"
            className="rounded-md bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700"
            onClick={() => {
              update.mutate({ id: roleChange.id, role: roleChange.role });
              setRoleChange(null);
            }}
          >
            {t('confirm')}
          </button>
          <button type="button" className="rounded-md px-3 py-1 text-sm text-slate-700 hover:bg-amber-100" onClick={() => setRoleChange(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {update.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorText(update.error)}
        </p>
      )}

      <form
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(form);
        }}
      >
        <h2 className="text-sm font-semibold">{t('newAgent')}</h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label={t('name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <TextField label={t('email')} type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          <TextField
            label={t('password')}
            type="password"
            minLength={10}
            required
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t('role')}</span>
            <select className={`${input} block w-full py-2`} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <IdCheckboxes legend={t('teams')} items={teams.data ?? []} selected={form.teamIds} onChange={(teamIds) => setForm({ ...form, teamIds })} />
        {create.error && (
          <p role="alert" className="text-sm text-red-700">
            {errorText(create.error)}
          </p>
        )}
        <button type="submit" disabled={create.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {t('create')}
        </button>
      </form>
    </div>
  );
}
