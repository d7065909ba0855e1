'use client';

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/app/_components/trpc';
import { TextField } from '@/app/_components/text-field';
import { DefaultTeamField } from '@/app/_components/default-team-field';
import { CallbackUrl, emptySecrets, outlineButton, ReopenDaysField, SaveBar, SecretFields, typedSecrets, WindowWarningField } from '../messenger-form-parts';
import { sourceKey, TEMPLATE_SOURCES, WHATSAPP_DEFAULTS, type TemplateSource, type WhatsappTemplate } from '@/lib/channel-settings/whatsapp';

type Channel = inferRouterOutputs<AppRouter>['whatsapp']['list'][number];
const SECRETS = ['accessToken', 'appSecret', 'verifyToken'] as const;

function initialForm(c: Channel | null) {
  return {
    name: c?.name ?? '',
    defaultTeamId: c?.defaultTeamId ?? null,
    phoneNumberId: c?.phoneNumberId ?? '',
    businessAccountId: c?.businessAccountId ?? WHATSAPP_DEFAULTS.businessAccountId!,
    apiBaseUrl: c?.apiBaseUrl ?? WHATSAPP_DEFAULTS.apiBaseUrl!,
    windowWarningMinutes: c?.windowWarningMinutes ?? WHATSAPP_DEFAULTS.windowWarningMinutes!,
    reopenDays: c?.reopenDays ?? WHATSAPP_DEFAULTS.reopenDays!,
    templates: (c?.templates ?? []) as WhatsappTemplate[],
    // Write-only: empty keeps what is stored.
    ...emptySecrets(SECRETS),
  };
}

/** One WhatsApp number: ids, write-only secrets, the webhook URL to give Meta, templates, and "test connection" with the platform's answer. */
export function WhatsappForm({ channel, onSaved }: { channel: Channel | null; onSaved: (id: number) => void }) {
  const t = useTranslations('whatsappAdmin');
  const tp = useTranslations('replyWindow.param');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => initialForm(channel));
  const save = useMutation(
    trpc.whatsapp.save.mutationOptions({
      onSuccess: (res) => {
        void queryClient.invalidateQueries({ queryKey: trpc.whatsapp.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.directory.all.queryKey() });
        setForm((f) => ({ ...f, ...emptySecrets(SECRETS) }));
        onSaved(res.id);
      },
    }),
  );
  const test = useMutation(trpc.whatsapp.test.mutationOptions());
  const setTemplate = (i: number, patch: Partial<WhatsappTemplate>) =>
    setForm({ ...form, templates: form.templates.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  return (
    <form
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          ...form,
          id: channel?.id ?? null,
          ...typedSecrets(SECRETS, form),
        });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t('name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <DefaultTeamField value={form.defaultTeamId} onChange={(defaultTeamId) => setForm({ ...form, defaultTeamId })} />
        <TextField
          label={t('phoneNumberId')}
          required
          inputMode="numeric"
          value={form.phoneNumberId}
          onChange={(e) => setForm({ ...form, phoneNumberId: e.target.value })}
        />
        <TextField
          label={t('businessAccountId')}
          inputMode="numeric"
          value={form.businessAccountId}
          onChange={(e) => setForm({ ...form, businessAccountId: e.target.value })}
        />
        <TextField
          label={t('apiBaseUrl')}
          hint={t('apiBaseUrlHint')}
          type="url"
          required
          value={form.apiBaseUrl}
          onChange={(e) => setForm({ ...form, apiBaseUrl: e.target.value })}
        />
        <div className="grid grid-cols-2 gap-3">
          <WindowWarningField value={form.windowWarningMinutes} onChange={(windowWarningMinutes) => setForm({ ...form, windowWarningMinutes })} />
          <ReopenDaysField value={form.reopenDays} onChange={(reopenDays) => setForm({ ...form, reopenDays })} />
        </div>
      </div>

      <SecretFields keys={SECRETS} label={(k) => t(k)} has={channel?.has} values={form} onChange={(k, v) => setForm({ ...form, [k]: v })} />

      {channel && <CallbackUrl url={channel.webhookUrl} label={t('webhookUrl')} hint={t('webhookHint')} />}

      <fieldset className="space-y-3 border-t border-slate-100 pt-4">
        <legend className="text-sm font-semibold">{t('templates')}</legend>
        <p className="text-xs text-slate-600">{t('templatesHint')}</p>
        {form.templates.map((tpl, i) => (
          <div key={i} className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="template">
            <div className="grid gap-2 sm:grid-cols-[1fr_8rem_auto]">
              <TextField label={t('templateName')} required value={tpl.name} onChange={(e) => setTemplate(i, { name: e.target.value })} />
              <TextField label={t('templateLanguage')} required value={tpl.language} onChange={(e) => setTemplate(i, { language: e.target.value })} />
              <button
                type="button"
                className="self-end rounded px-2 py-2 text-sm text-red-700 hover:bg-red-50"
                onClick={() => setForm({ ...form, templates: form.templates.filter((_, j) => j !== i) })}
              >
                {t('removeTemplate')}
              </button>
            </div>
            <label className="block text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t('templateBody')}</span>
              <textarea
                className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                rows={2}
                value={tpl.body}
                onChange={(e) => setTemplate(i, { body: e.target.value })}
              />
            </label>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              {tpl.parameters.map((p, n) => (
                <label key={n} className="flex items-center gap-1">
                  <span className="text-slate-600">{`{{${n + 1}}}`}</span>
                  <select
                    className="rounded border border-slate-300 px-1.5 py-1 text-sm"
                    value={p}
                    onChange={(e) => setTemplate(i, { parameters: tpl.parameters.map((x, m) => (m === n ? (e.target.value as TemplateSource) : x)) })}
                  >
                    {TEMPLATE_SOURCES.map((s) => (
                      <option key={s} value={s}>
                        {tp(sourceKey(s))}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              {tpl.parameters.length < 10 && (
                <button
                  type="button"
                  className="text-xs text-brand-700 hover:underline"
                  onClick={() => setTemplate(i, { parameters: [...tpl.parameters, 'customer.name'] })}
                >
                  + {t('addParameter', { placeholder: `{{${tpl.parameters.length + 1}}}` })}
                </button>
              )}
            </div>
          </div>
        ))}
        <button
          type="button"
          className="text-sm text-brand-700 hover:underline"
          onClick={() => setForm({ ...form, templates: [...form.templates, { name: '', language: 'de', body: '', parameters: [] }] })}
        >
          + {t('addTemplate')}
        </button>
      </fieldset>

      <SaveBar
        saving={save.isPending}
        saved={save.isSuccess}
        error={save.error}
        answer={test.data}
        answerText={(a) => (a.ok ? t('testOk', { answer: a.answer }) : t('testFailed', { answer: a.answer }))}
      >
        {channel && (
          <button type="button" onClick={() => test.mutate({ id: channel.id })} disabled={test.isPending} className={outlineButton}>
            {t('test')}
          </button>
        )}
      </SaveBar>
    </form>
  );
}
