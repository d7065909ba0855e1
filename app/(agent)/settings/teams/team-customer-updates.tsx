'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { LOCALES } from '@/lib/domain';
import { CUSTOMER_UPDATE_KINDS, UPDATE_PLACEHOLDERS, type CustomerUpdates } from '@/lib/customer-updates';

/** One team's progress messages to its customers: which are on, and their texts in both languages. */
export function TeamCustomerUpdates({ teamId, teamName }: { teamId: number; teamName: string }) {
  const trpc = useTRPC();
  const stored = useQuery(trpc.admin.teamCustomerUpdates.queryOptions({ id: teamId }));
  if (!stored.data) return null;
  return <Editor key={teamId} teamId={teamId} teamName={teamName} initial={stored.data} />;
}

function Editor({ teamId, teamName, initial }: { teamId: number; teamName: string; initial: CustomerUpdates }) {
  const t = useTranslations('admin.customerUpdates');
  const languages = useTranslations('surveyAdmin.languages');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [updates, setUpdates] = useState(initial);
  const save = useMutation(
    trpc.admin.setTeamCustomerUpdates.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.admin.teamCustomerUpdates.queryKey({ id: teamId }) }),
    }),
  );
  return (
    <form
      className="space-y-3 pt-2"
      aria-label={t('title', { team: teamName })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: teamId, updates });
      }}
    >
      <p className="text-xs text-slate-600">{t('hint', { placeholders: UPDATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ') })}</p>
      {CUSTOMER_UPDATE_KINDS.map((kind) => (
        <fieldset key={kind} className="space-y-2 rounded-md border border-slate-200 p-2">
          <legend className="px-1 text-sm">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={updates[kind].enabled}
                onChange={(e) => setUpdates({ ...updates, [kind]: { ...updates[kind], enabled: e.target.checked } })}
              />
              {t(`kind.${kind}`)}
            </label>
          </legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {LOCALES.map((l) => (
              <label key={l} className="block text-xs text-slate-700">
                {t('textIn', { language: languages(l) })}
                <textarea
                  rows={4}
                  maxLength={2000}
                  value={updates[kind].text[l]}
                  onChange={(e) => setUpdates({ ...updates, [kind]: { ...updates[kind], text: { ...updates[kind].text, [l]: e.target.value } } })}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
                />
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={save.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {t('save')}
        </button>
        {save.isSuccess && (
          <span role="status" className="text-sm text-emerald-700">
            {t('saved')}
          </span>
        )}
        {save.error && (
          <span role="alert" className="text-sm text-red-700">
            {errorText(save.error)}
          </span>
        )}
      </div>
    </form>
  );
}
