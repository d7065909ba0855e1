'use client';

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '@/app/_components/error-text';
import { useTranslations } from 'use-intl';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/app/_components/trpc';
import { TextField } from '@/app/_components/text-field';
import { DefaultTeamField } from '@/app/_components/default-team-field';
import { DEFAULT_ACKNOWLEDGEMENT, EMAIL_DEFAULTS } from '@/lib/channel-settings/email';
import { LOCALES, type Locale } from '@/lib/domain';

type Inbox = inferRouterOutputs<AppRouter>['inboxes']['listEmail']['inboxes'][number];

const area = 'w-full rounded-md border border-slate-300 px-3 py-2 text-sm';

/** The inbox's saved settings, or for a new one the defaults the settings schema declares. Passwords start empty: blank keeps the stored one. */
function initialForm(inbox: Inbox | null) {
  const { hasPassword: _s, ...smtp } = inbox?.smtp ?? { hasPassword: false };
  const { hasPassword: _i, status: _status, ...imap } = inbox?.imap ?? { hasPassword: false, status: null };
  return {
    name: inbox?.name ?? '',
    address: inbox?.address ?? '',
    displayName: inbox?.displayName ?? EMAIL_DEFAULTS.displayName!,
    defaultTeamId: inbox?.defaultTeamId ?? null,
    signature: inbox?.signature ?? EMAIL_DEFAULTS.signature!,
    smtpOn: Boolean(inbox?.smtp),
    smtp: { ...EMAIL_DEFAULTS.smtp, ...smtp, pass: '' },
    imapOn: Boolean(inbox?.imap),
    imap: { ...EMAIL_DEFAULTS.imap, ...imap, pass: '' },
    acknowledgement: inbox?.acknowledgement ?? DEFAULT_ACKNOWLEDGEMENT,
    defaultLocale: inbox?.defaultLocale ?? EMAIL_DEFAULTS.defaultLocale!,
  };
}

/** One email inbox's settings, with "send test" reporting the relay's own answer. */
export function EmailInboxForm({ inbox, onSaved }: { inbox: Inbox | null; onSaved: (id: number) => void }) {
  const t = useTranslations('admin');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => initialForm(inbox));
  const [testTo, setTestTo] = useState('');
  const save = useMutation(
    trpc.inboxes.saveEmail.mutationOptions({
      onSuccess: (res) => {
        void queryClient.invalidateQueries({ queryKey: trpc.inboxes.listEmail.queryKey() });
        onSaved(res.id);
      },
    }),
  );
  const test = useMutation(trpc.inboxes.sendTest.mutationOptions());
  const smtp = (patch: Partial<typeof form.smtp>) => setForm({ ...form, smtp: { ...form.smtp, ...patch } });
  const imap = (patch: Partial<typeof form.imap>) => setForm({ ...form, imap: { ...form.imap, ...patch } });
  const imapStatus = inbox?.imap?.status;
  const ack = (patch: Partial<typeof form.acknowledgement>) => setForm({ ...form, acknowledgement: { ...form.acknowledgement, ...patch } });
  const ackText = (locale: Locale, patch: Partial<{ subject: string; body: string }>) =>
    ack({ texts: { ...form.acknowledgement.texts, [locale]: { ...form.acknowledgement.texts[locale], ...patch } } });

  return (
    <form
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-5"
      onSubmit={(e) => {
        e.preventDefault();
        const { smtpOn, imapOn, ...rest } = form;
        save.mutate({
          ...rest,
          id: inbox?.id ?? null,
          smtp: smtpOn ? { ...form.smtp, pass: form.smtp.pass || undefined } : null,
          imap: imapOn ? { ...form.imap, pass: form.imap.pass || undefined } : null,
        });
      }}
    >
      <div className="grid grid-cols-2 gap-3">
        <TextField label={t('inboxName')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <TextField label={t('address')} type="email" required value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} />
        <TextField label={t('displayName')} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        <DefaultTeamField value={form.defaultTeamId} onChange={(defaultTeamId) => setForm({ ...form, defaultTeamId })} />
      </div>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t('signature')}</span>
        <textarea className={area} rows={3} value={form.signature} onChange={(e) => setForm({ ...form, signature: e.target.value })} />
      </label>

      <fieldset className="space-y-3 border-t border-slate-100 pt-4">
        <legend className="text-sm font-semibold">{t('smtpTitle')}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.smtpOn} onChange={(e) => setForm({ ...form, smtpOn: e.target.checked })} />
          {t('smtpEnabled')}
        </label>
        {form.smtpOn && (
          <div className="grid grid-cols-[1fr_13rem] gap-3">
            <ServerFields kind="smtp" value={form.smtp} onChange={smtp} hasPassword={Boolean(inbox?.smtp?.hasPassword)} />
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-3 border-t border-slate-100 pt-4">
        <legend className="text-sm font-semibold">{t('imapTitle')}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.imapOn} onChange={(e) => setForm({ ...form, imapOn: e.target.checked })} />
          {t('imapEnabled')}
        </label>
        {form.imapOn && (
          <div className="grid grid-cols-[1fr_13rem] gap-3">
            <ServerFields kind="imap" value={form.imap} onChange={imap} hasPassword={Boolean(inbox?.imap?.hasPassword)} />
            <TextField
              label={t('imapInterval')}
              type="number"
              min={10}
              max={3600}
              value={form.imap.intervalSeconds}
              onChange={(e) => imap({ intervalSeconds: Number(e.target.value) })}
            />
            <TextField label={t('imapFolder')} required value={form.imap.folder} onChange={(e) => imap({ folder: e.target.value })} />
            <span />
            <label className="block text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t('imapAfter')}</span>
              <select
                className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                value={form.imap.afterImport}
                onChange={(e) => imap({ afterImport: e.target.value as 'mark_seen' | 'move' })}
              >
                <option value="mark_seen">{t('imapMarkSeen')}</option>
                <option value="move">{t('imapMove')}</option>
              </select>
            </label>
            {form.imap.afterImport === 'move' && (
              <TextField label={t('imapMoveTo')} required value={form.imap.moveTo} onChange={(e) => imap({ moveTo: e.target.value })} />
            )}
          </div>
        )}
        {imapStatus && (
          <p role="status" className={`text-xs ${imapStatus.lastError ? 'text-red-700' : 'text-slate-500'}`}>
            {imapStatus.lastError ? t('imapError', { error: imapStatus.lastError }) : t('imapOk', { count: imapStatus.imported })}
          </p>
        )}
      </fieldset>

      <fieldset className="space-y-3 border-t border-slate-100 pt-4">
        <legend className="text-sm font-semibold">{t('ackTitle')}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.acknowledgement.enabled} onChange={(e) => ack({ enabled: e.target.checked })} />
          {t('ackEnabled')}
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t('defaultLocale')}</span>
          <select
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            value={form.defaultLocale}
            onChange={(e) => setForm({ ...form, defaultLocale: e.target.value as Locale })}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`localeNames.${l}`)}
              </option>
            ))}
          </select>
          <span className="mt-1 block text-xs text-slate-600">{t('defaultLocaleHint')}</span>
        </label>
        {LOCALES.map((l) => (
          <fieldset key={l} className="space-y-2 rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-xs font-semibold text-slate-700">{t(`localeNames.${l}`)}</legend>
            <TextField
              label={t('ackSubject')}
              required
              value={form.acknowledgement.texts[l].subject}
              onChange={(e) => ackText(l, { subject: e.target.value })}
            />
            <label className="block text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t('ackBody')}</span>
              <textarea className={area} rows={4} required value={form.acknowledgement.texts[l].body} onChange={(e) => ackText(l, { body: e.target.value })} />
            </label>
          </fieldset>
        ))}
        <p className="text-xs text-slate-600">{t('ackHint')}</p>
      </fieldset>

      {save.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorText(save.error)}
        </p>
      )}
      {save.isSuccess && (
        <p role="status" className="text-sm text-emerald-700">
          {t('saved')}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4">
        <button type="submit" disabled={save.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t('save')}
        </button>
        {inbox && (
          <>
            <TextField className="ml-auto w-64" label={t('testTo')} type="email" value={testTo} onChange={(e) => setTestTo(e.target.value)} />
            <button
              type="button"
              disabled={!testTo || test.isPending}
              onClick={() => test.mutate({ id: inbox.id, to: testTo })}
              className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50 disabled:opacity-50"
            >
              {t('sendTest')}
            </button>
          </>
        )}
      </div>
      {test.data && (
        <p
          role="status"
          data-testid="smtp-test-result"
          className={`rounded-md px-3 py-2 text-sm ${test.data.ok ? 'bg-emerald-50 text-emerald-800' : 'bg-red-50 text-red-800'}`}
        >
          {t(test.data.ok ? 'testOk' : 'testFailed', { response: test.data.response })}
        </p>
      )}
      {test.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorText(test.error)}
        </p>
      )}
    </form>
  );
}

type ServerValue = { host: string; port: number; secure: boolean; user: string; pass: string };

/** Host, port, TLS, user and write-only password: the same five fields for the SMTP relay and the IMAP mailbox. */
function ServerFields({
  kind,
  value,
  onChange,
  hasPassword,
}: {
  kind: 'smtp' | 'imap';
  value: ServerValue;
  onChange: (patch: Partial<ServerValue>) => void;
  hasPassword: boolean;
}) {
  const t = useTranslations('admin');
  return (
    <>
      <TextField label={t(`${kind}Host`)} required value={value.host} onChange={(e) => onChange({ host: e.target.value })} />
      <TextField
        label={t(`${kind}Port`)}
        type="number"
        required
        min={1}
        max={65535}
        value={value.port}
        onChange={(e) => onChange({ port: Number(e.target.value) })}
      />
      <TextField
        label={t(`${kind}User`)}
        required={kind === 'imap'}
        autoComplete="off"
        value={value.user}
        onChange={(e) => onChange({ user: e.target.value })}
      />
      <label className="flex items-end gap-2 pb-2 text-sm">
        <input type="checkbox" checked={value.secure} onChange={(e) => onChange({ secure: e.target.checked })} />
        {t(`${kind}Secure`)}
      </label>
      <TextField
        label={t(`${kind}Pass`)}
        type="password"
        autoComplete="new-password"
        placeholder={hasPassword ? t('smtpPassKept') : ''}
        value={value.pass}
        onChange={(e) => onChange({ pass: e.target.value })}
      />
    </>
  );
}
