'use client';

import { useQuery } from '@tanstack/react-query';
import { useErrorText } from '@/app/_components/error-text';
import { useTranslations } from 'use-intl';
import type { FormDefinition } from '@/lib/forms/form-definition';
import { useTRPC } from '@/app/_components/trpc';
import { FormBuilder } from './form-builder';

/** What a new form starts with: the email address every web-form ticket needs, and the message. */
const STARTER: FormDefinition = {
  version: 1,
  fields: [
    { key: 'email', type: 'email', label: { en: 'Email', de: 'E-Mail' }, required: true, hiddenByDefault: false, rules: [] },
    { key: 'message', type: 'long_text', label: { en: 'Your message', de: 'Ihre Nachricht' }, required: true, hiddenByDefault: false, rules: [] },
  ],
  routing: [],
};

export function FormEditorLoader({ id }: { id: number | null }) {
  const t = useTranslations('formBuilder');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const form = useQuery(trpc.forms.get.queryOptions({ id: id ?? 0 }, { enabled: id !== null, staleTime: Infinity }));
  if (id === null) return <FormBuilder initial={{ id: null, name: '', slug: '', channelId: null, currentVersion: null, definition: STARTER }} />;
  if (form.error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {errorText(form.error)}
      </p>
    );
  if (!form.data) return <p className="text-sm text-slate-500">{t('loading')}</p>;
  const { id: formId, name, slug, channelId, currentVersion, definition } = form.data;
  return <FormBuilder key={`${formId}-${currentVersion}`} initial={{ id: formId, name, slug, channelId, currentVersion, definition }} />;
}
