'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useErrorText } from '@/app/_components/error-text';
import { useTranslations } from 'use-intl';
import { Copy, ExternalLink, Plus } from 'lucide-react';
import { useTRPC } from '@/app/_components/trpc';

export function FormsList() {
  const t = useTranslations('formBuilder');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const forms = useQuery(trpc.forms.list.queryOptions());
  const duplicate = useMutation(trpc.forms.duplicate.mutationOptions({ onSuccess: (res) => router.push(`/settings/forms/${res.id}`) }));
  return (
    <div className="max-w-3xl space-y-4">
      <div className="flex items-center">
        <h1 className="text-lg font-semibold">{t('forms')}</h1>
        <Link
          href="/settings/forms/new"
          className="ml-auto flex items-center gap-1 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          <Plus className="size-4" aria-hidden /> {t('newForm')}
        </Link>
      </div>
      {forms.data && !forms.data.length && <p className="text-sm text-slate-500">{t('noForms')}</p>}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="forms-list">
        {forms.data?.map((f) => (
          <li key={f.id} className="flex items-center gap-3 px-3 py-2">
            <Link href={`/settings/forms/${f.id}`} className="font-medium hover:underline">
              {f.name}
            </Link>
            <span className="font-mono text-xs text-slate-500">/f/{f.slug}</span>
            <span className="text-xs text-slate-500">{t('version', { version: f.currentVersion })}</span>
            <span className="ml-auto flex gap-1">
              <a
                className="rounded p-1 text-slate-500 hover:bg-slate-100"
                href={`/f/${f.slug}`}
                target="_blank"
                rel="noreferrer"
                aria-label={`${t('open')}: ${f.name}`}
              >
                <ExternalLink className="size-4" aria-hidden />
              </a>
              <button
                type="button"
                className="rounded p-1 text-slate-500 hover:bg-slate-100"
                aria-label={`${t('duplicate')}: ${f.name}`}
                onClick={() => duplicate.mutate({ id: f.id })}
              >
                <Copy className="size-4" aria-hidden />
              </button>
            </span>
          </li>
        ))}
      </ul>
      {duplicate.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorText(duplicate.error)}
        </p>
      )}
    </div>
  );
}
