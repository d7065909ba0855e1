'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/app/_components/trpc';
import { ChannelSettingsPage } from '../channel-picker';
import { CallbackUrl, outlineButton, ReopenDaysField, SaveBar } from '../messenger-form-parts';
import { TextField } from '@/app/_components/text-field';
import { DefaultTeamField } from '@/app/_components/default-team-field';
import { TELEGRAM_DEFAULTS } from '@/lib/channel-settings/telegram';

type Bot = inferRouterOutputs<AppRouter>['telegram']['list'][number];

/** Settings → Telegram: the bots, one form each, and a new one. */
export function TelegramAdmin() {
  const t = useTranslations('telegramAdmin');
  const trpc = useTRPC();
  const list = useQuery(trpc.telegram.list.queryOptions());
  return (
    <ChannelSettingsPage
      title={t('title')}
      intro={t('intro')}
      items={list.data}
      detail={(c) => c.botUsername && `@${c.botUsername}`}
      newLabel={t('new')}
      form={(current, onSaved) => <TelegramForm bot={current} onSaved={onSaved} />}
    />
  );
}

function TelegramForm({ bot, onSaved }: { bot: Bot | null; onSaved: (id: number) => void }) {
  const t = useTranslations('telegramAdmin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => ({
    name: bot?.name ?? '',
    defaultTeamId: bot?.defaultTeamId ?? null,
    apiBaseUrl: bot?.apiBaseUrl ?? TELEGRAM_DEFAULTS.apiBaseUrl!,
    reopenDays: bot?.reopenDays ?? TELEGRAM_DEFAULTS.reopenDays!,
    botToken: '',
  }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.telegram.list.queryKey() });
  const save = useMutation(
    trpc.telegram.save.mutationOptions({
      onSuccess: (res) => {
        refresh();
        void queryClient.invalidateQueries({ queryKey: trpc.directory.all.queryKey() });
        setForm((f) => ({ ...f, botToken: '' }));
        onSaved(res.id);
      },
    }),
  );
  const test = useMutation(trpc.telegram.test.mutationOptions({ onSuccess: refresh }));
  const connect = useMutation(trpc.telegram.connectWebhook.mutationOptions());
  const answer = connect.data ?? test.data;
  return (
    <form
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...form, id: bot?.id ?? null, botToken: form.botToken || undefined });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t('name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <DefaultTeamField value={form.defaultTeamId} onChange={(defaultTeamId) => setForm({ ...form, defaultTeamId })} />
        <TextField
          label={t('botToken')}
          type="password"
          autoComplete="off"
          required={!bot?.hasBotToken}
          hint={bot?.hasBotToken ? t('kept') : t('botTokenHint')}
          value={form.botToken}
          onChange={(e) => setForm({ ...form, botToken: e.target.value })}
        />
        <ReopenDaysField value={form.reopenDays} onChange={(reopenDays) => setForm({ ...form, reopenDays })} />
        <TextField
          className="sm:col-span-2"
          label={t('apiBaseUrl')}
          hint={t('apiBaseUrlHint')}
          type="url"
          required
          value={form.apiBaseUrl}
          onChange={(e) => setForm({ ...form, apiBaseUrl: e.target.value })}
        />
      </div>
      {bot && <CallbackUrl url={bot.webhookUrl} label={t('webhookUrl')} hint={t('webhookHint')} />}
      <SaveBar
        saving={save.isPending}
        saved={save.isSuccess}
        error={save.error}
        answer={answer}
        answerText={(a) => (a.ok ? t('answerOk', { answer: a.answer }) : t('answerFailed', { answer: a.answer }))}
      >
        {bot && (
          <>
            <button type="button" onClick={() => connect.mutate({ id: bot.id })} className={outlineButton}>
              {t('connect')}
            </button>
            <button type="button" onClick={() => test.mutate({ id: bot.id })} className={outlineButton}>
              {t('test')}
            </button>
          </>
        )}
      </SaveBar>
    </form>
  );
}
