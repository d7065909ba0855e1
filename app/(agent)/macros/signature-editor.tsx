'use client';

import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { useLeaveGuard } from '@/app/_components/use-leave-guard';

const MAX = 2000;

/** The agent's own signature under their public email replies, in English and German; the customer's language picks one. */
export function SignatureEditor() {
  const t = useTranslations('signature');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const saved = useQuery(trpc.auth.signature.queryOptions());
  const [draft, setDraft] = useState<{ en: string; de: string } | null>(null);
  useEffect(() => {
    if (saved.data && draft === null) setDraft(saved.data);
  }, [saved.data, draft]);
  const save = useMutation(
    trpc.auth.setSignature.mutationOptions({
      onSuccess: (s) => {
        setDraft(s);
        queryClient.setQueryData(trpc.auth.signature.queryKey(), s);
      },
    }),
  );
  const dirty = draft !== null && saved.data !== undefined && (draft.en !== saved.data.en || draft.de !== saved.data.de);
  useLeaveGuard(dirty, t('leaveUnsaved'));
  if (!draft) return null;
  return (
    <section aria-labelledby="signature-title" className="max-w-6xl space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="signature-title" className="text-base font-semibold">
        {t('title')}
      </h2>
      <p className="text-xs text-slate-600">{t('hint', { name: '{{agent.name}}' })}</p>
      <form
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft);
        }}
      >
        {(['de', 'en'] as const).map((l) => (
          <label key={l} className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t(l)}</span>
            <textarea
              rows={4}
              maxLength={MAX}
              value={draft[l]}
              onChange={(e) => setDraft({ ...draft, [l]: e.target.value })}
              className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
            />
          </label>
        ))}
        <div className="flex items-center gap-3 sm:col-span-2">
          <button
            type="submit"
            disabled={!dirty || save.isPending}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {t('save')}
          </button>
          {save.isSuccess && !dirty && (
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
    </section>
  );
}
