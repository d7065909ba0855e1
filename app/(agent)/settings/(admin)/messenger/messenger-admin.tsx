'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/app/_components/trpc';
import { TextField } from '@/app/_components/text-field';
import { DefaultTeamField } from '@/app/_components/default-team-field';
import { MESSENGER_DEFAULTS } from '@/lib/channel-settings/messenger';
import { ChannelSettingsPage } from '../channel-picker';
import { CallbackUrl, emptySecrets, outlineButton, ReopenDaysField, SaveBar, SecretFields, typedSecrets, WindowWarningField } from '../messenger-form-parts';

type Page = inferRouterOutputs<AppRouter>['messenger']['list'][number];
const SECRETS = ['pageAccessToken', 'appSecret', 'verifyToken'] as const;

/** Settings → Messenger: the connected Facebook pages, one form each, and a new one. */
export function MessengerAdmin() {
  const t = useTranslations('messengerAdmin');
  const trpc = useTRPC();
  const list = useQuery(trpc.messenger.list.queryOptions());
  return (
    <ChannelSettingsPage
      title={t('title')}
      intro={t('intro')}
      items={list.data}
      detail={(c) => c.pageId}
      newLabel={t('new')}
      form={(current, onSaved) => <MessengerForm page={current} onSaved={onSaved} />}
    />
  );
}

function MessengerForm({ page, onSaved }: { page: Page | null; onSaved: (id: number) => void }) {
  const t = useTranslations('messengerAdmin');
  const tw = useTranslations('whatsappAdmin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => ({
    name: page?.name ?? '',
    defaultTeamId: page?.defaultTeamId ?? null,
    pageId: page?.pageId ?? '',
    apiBaseUrl: page?.apiBaseUrl ?? MESSENGER_DEFAULTS.apiBaseUrl!,
    humanAgentTag: page?.humanAgentTag ?? MESSENGER_DEFAULTS.humanAgentTag!,
    windowWarningMinutes: page?.windowWarningMinutes ?? MESSENGER_DEFAULTS.windowWarningMinutes!,
    reopenDays: page?.reopenDays ?? MESSENGER_DEFAULTS.reopenDays!,
    ...emptySecrets(SECRETS),
  }));
  const save = useMutation(
    trpc.messenger.save.mutationOptions({
      onSuccess: (res) => {
        void queryClient.invalidateQueries({ queryKey: trpc.messenger.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.directory.all.queryKey() });
        setForm((f) => ({ ...f, ...emptySecrets(SECRETS) }));
        onSaved(res.id);
      },
    }),
  );
  const test = useMutation(trpc.messenger.test.mutationOptions());
  return (
    <form
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          ...form,
          id: page?.id ?? null,
          ...typedSecrets(SECRETS, form),
        });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={tw('name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <DefaultTeamField value={form.defaultTeamId} onChange={(defaultTeamId) => setForm({ ...form, defaultTeamId })} />
        <TextField label={t('pageId')} required inputMode="numeric" value={form.pageId} onChange={(e) => setForm({ ...form, pageId: e.target.value })} />
        <TextField
          label={tw('apiBaseUrl')}
          hint={tw('apiBaseUrlHint')}
          type="url"
          required
          value={form.apiBaseUrl}
          onChange={(e) => setForm({ ...form, apiBaseUrl: e.target.value })}
        />
        <WindowWarningField value={form.windowWarningMinutes} onChange={(windowWarningMinutes) => setForm({ ...form, windowWarningMinutes })} />
        <ReopenDaysField value={form.reopenDays} onChange={(reopenDays) => setForm({ ...form, reopenDays })} />
        <label className="flex items-start gap-2 text-sm sm:col-span-2">
          <input type="checkbox" className="mt-1" checked={form.humanAgentTag} onChange={(e) => setForm({ ...form, humanAgentTag: e.target.checked })} />
          <span>
            <span className="font-medium text-slate-700">{t('humanAgentTag')}</span>
            <span className="block text-xs text-slate-600">{t('humanAgentTagHint')}</span>
          </span>
        </label>
      </div>
      <SecretFields keys={SECRETS} label={(k) => t(k)} has={page?.has} values={form} onChange={(k, v) => setForm({ ...form, [k]: v })} />
      {page && <CallbackUrl url={page.webhookUrl} label={tw('webhookUrl')} hint={t('webhookHint')} />}
      <SaveBar
        saving={save.isPending}
        saved={save.isSuccess}
        error={save.error}
        answer={test.data}
        answerText={(a) => (a.ok ? tw('testOk', { answer: a.answer }) : tw('testFailed', { answer: a.answer }))}
      >
        {page && (
          <button type="button" onClick={() => test.mutate({ id: page.id })} className={outlineButton}>
            {tw('test')}
          </button>
        )}
      </SaveBar>
    </form>
  );
}
