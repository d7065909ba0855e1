'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/app/_components/trpc';
import { TextField } from '@/app/_components/text-field';
import { SelectField } from '@/app/_components/select-field';
import { NamedOptions, idOrNull } from '@/app/_components/named-options';
import { CHAT_WIDGET_DEFAULTS } from '@/lib/channel-settings/chat';

export type ChatWidget = inferRouterOutputs<AppRouter>['chatWidgets']['list'][number];

const select = 'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

const DEFAULTS = { name: 'Website-Chat', defaultTeamId: null as number | null, ...CHAT_WIDGET_DEFAULTS };

/** One widget's settings, its snippet, and the identity secret behind an explicit reveal. */
export function ChatWidgetForm({ widget, onCreated }: { widget: ChatWidget | null; onCreated: (id: number) => void }) {
  const t = useTranslations('chatAdmin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teams = useQuery(trpc.admin.teams.queryOptions());
  const forms = useQuery(trpc.forms.list.queryOptions());
  const inboxes = useQuery(trpc.inboxes.listEmail.queryOptions());
  const calendars = useQuery(trpc.calendars.list.queryOptions());
  const [v, setV] = useState(() => {
    if (!widget) return DEFAULTS;
    const { id: _id, publicToken: _token, snippet: _snippet, ...rest } = widget;
    return { ...DEFAULTS, ...rest, greeting: { ...rest.greeting }, launcherText: { ...rest.launcherText } };
  });
  const [origins, setOrigins] = useState(v.allowedOrigins.join('\n'));
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.chatWidgets.list.queryKey() });
  const input = () => ({ ...v, allowedOrigins: origins.split(/\s+/).filter(Boolean) });
  const create = useMutation(trpc.chatWidgets.create.mutationOptions({ onSuccess: (r) => (refresh(), onCreated(r.id)) }));
  const update = useMutation(trpc.chatWidgets.update.mutationOptions({ onSuccess: refresh }));
  const reveal = useMutation(trpc.chatWidgets.revealSecret.mutationOptions({ onSuccess: (r) => setSecret(r.identitySecret) }));
  const rotate = useMutation(trpc.chatWidgets.rotateSecret.mutationOptions({ onSuccess: (r) => setSecret(r.identitySecret) }));
  const error = create.error ?? update.error ?? reveal.error ?? rotate.error;
  const text = (key: 'greeting' | 'launcherText', lang: 'en' | 'de', label: string) => (
    <TextField
      label={label}
      value={v[key][lang] ?? ''}
      required={lang === 'en'}
      onChange={(e) => setV({ ...v, [key]: { ...v[key], [lang]: e.target.value } })}
    />
  );

  return (
    <div className="space-y-4">
      {widget && (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-sm font-semibold">{t('snippet')}</h2>
          <div className="flex items-start gap-2">
            <code className="block flex-1 rounded bg-slate-100 p-2 font-mono text-xs break-all" data-testid="widget-snippet">
              {widget.snippet}
            </code>
            <button
              type="button"
              className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50"
              onClick={() => void navigator.clipboard.writeText(widget.snippet).then(() => setCopied(true))}
            >
              {copied ? t('copied') : t('copy')}
            </button>
          </div>
          <a
            className="mt-2 inline-block text-sm text-brand-700 underline"
            href={`/widget/demo?channel=${encodeURIComponent(widget.publicToken)}`}
            target="_blank"
            rel="noreferrer"
          >
            {t('demo')}
          </a>
        </section>
      )}
      <form
        className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (widget) update.mutate({ id: widget.id, ...input() });
          else create.mutate(input());
        }}
      >
        <TextField label={t('name')} required value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
        <SelectField label={t('defaultTeam')} value={v.defaultTeamId ?? ''} onChange={(e) => setV({ ...v, defaultTeamId: idOrNull(e.target.value) })}>
          <option value="">{t('noTeam')}</option>
          <NamedOptions items={teams.data ?? []} />
        </SelectField>
        {text('greeting', 'en', t('greetingEn'))}
        {text('greeting', 'de', t('greetingDe'))}
        {text('launcherText', 'en', t('launcherEn'))}
        {text('launcherText', 'de', t('launcherDe'))}
        <TextField
          label={t('color')}
          type="color"
          value={v.color}
          onChange={(e) => setV({ ...v, color: e.target.value })}
          className="[&_input]:h-10 [&_input]:p-1"
        />
        <SelectField label={t('position')} value={v.position} onChange={(e) => setV({ ...v, position: e.target.value as 'left' | 'right' })}>
          <option value="right">{t('right')}</option>
          <option value="left">{t('left')}</option>
        </SelectField>
        <SelectField label={t('defaultLocale')} value={v.defaultLocale} onChange={(e) => setV({ ...v, defaultLocale: e.target.value as 'en' | 'de' })}>
          <option value="de">Deutsch</option>
          <option value="en">English</option>
        </SelectField>
        <TextField
          label={t('expectedReply')}
          type="number"
          min={1}
          max={10080}
          value={v.expectedReplyMinutes}
          onChange={(e) => setV({ ...v, expectedReplyMinutes: Number(e.target.value) })}
        />
        <SelectField
          label={t('businessHours')}
          hint={t('businessHoursHint')}
          value={v.calendarId ?? ''}
          onChange={(e) => setV({ ...v, calendarId: idOrNull(e.target.value) })}
        >
          <option value="">{t('alwaysOpen')}</option>
          <NamedOptions items={calendars.data ?? []} />
        </SelectField>
        <SelectField label={t('prechatForm')} value={v.formId ?? ''} onChange={(e) => setV({ ...v, formId: idOrNull(e.target.value) })}>
          <option value="">{t('builtinForm')}</option>
          <NamedOptions items={forms.data ?? []} />
        </SelectField>
        <SelectField
          label={t('emailInbox')}
          hint={t('emailInboxHint')}
          value={v.emailChannelId ?? ''}
          onChange={(e) => setV({ ...v, emailChannelId: idOrNull(e.target.value) })}
        >
          <option value="">{t('firstInbox')}</option>
          <NamedOptions items={inboxes.data?.inboxes ?? []} />
        </SelectField>
        <SelectField
          label={t('unverified')}
          value={v.unverifiedIdentity}
          onChange={(e) => setV({ ...v, unverifiedIdentity: e.target.value as 'anonymous' | 'refuse' })}
        >
          <option value="anonymous">{t('keepAnonymous')}</option>
          <option value="refuse">{t('refuse')}</option>
        </SelectField>
        <label className="col-span-2 block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t('allowedOrigins')}</span>
          <textarea className={`${select} font-mono`} rows={3} value={origins} onChange={(e) => setOrigins(e.target.value)} aria-describedby="origins-hint" />
          <span id="origins-hint" className="mt-1 block text-xs text-slate-500">
            {t('allowedOriginsHint')}
          </span>
        </label>
        <div className="col-span-2 flex items-center gap-3">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('save')}
          </button>
          {update.isSuccess && (
            <span role="status" className="text-sm text-emerald-700">
              {t('saved')}
            </span>
          )}
          {error && (
            <span role="alert" className="text-sm text-red-700">
              {error.message}
            </span>
          )}
        </div>
      </form>
      {widget && (
        <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="mb-1 font-semibold">{t('secretTitle')}</h2>
          <p className="mb-2 text-slate-600">{t('secretHint')}</p>
          <pre tabIndex={0} className="mb-2 overflow-x-auto rounded bg-slate-100 p-2 text-xs">{`// Node.js, on your server:
const signature = crypto.createHmac('sha256', SECRET)
  .update(email.toLowerCase() + '\\n' + (externalId ?? ''))
  .digest('hex');`}</pre>
          {secret && (
            <code className="mb-2 block rounded bg-amber-50 p-2 font-mono text-xs break-all" data-testid="identity-secret">
              {secret}
            </code>
          )}
          <div className="flex gap-2">
            <button type="button" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50" onClick={() => reveal.mutate({ id: widget.id })}>
              {t('reveal')}
            </button>
            <button
              type="button"
              className="rounded border border-red-300 px-2 py-1 text-red-700 hover:bg-red-50"
              onClick={() => window.confirm(t('rotateConfirm')) && rotate.mutate({ id: widget.id })}
            >
              {t('rotate')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
