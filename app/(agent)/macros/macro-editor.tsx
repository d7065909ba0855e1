'use client';

import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { PRIORITIES, hasRole } from '@/lib/domain';
import { MAX_MACRO_TEXT, type MacroInput } from '@/lib/macros';
import { PLACEHOLDERS } from '@/lib/placeholders';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { useViewer } from '@/app/_components/viewer';
import { useLeaveGuard } from '@/app/_components/use-leave-guard';
import { TextField } from '@/app/_components/text-field';
import { SelectField } from '@/app/_components/select-field';
import { NamedOptions } from '@/app/_components/named-options';
import { SaveDeleteBar } from '../settings/save-delete-bar';
import { useDirectory } from '../inbox/_components/use-directory';

type Macro = inferRouterOutputs<AppRouter>['macros']['list'][number];
type Props = { macro: Macro | null; saved: boolean; onSaving: () => void; onSaved: (id: number) => void; onDeleted: () => void };

const SEND_STATUSES = ['open', 'pending', 'on_hold', 'solved'] as const;
const tagList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** What the form holds, as strings where the user types; `toInput` turns it into what the server takes. */
function draftOf(m: Macro | null, canShare: boolean) {
  const a = m?.actions ?? {};
  return {
    name: m?.name ?? '',
    shared: m?.shared ?? false,
    en: m?.text.en ?? '',
    de: m?.text.de ?? '',
    status: a.status ?? '',
    priority: a.priority ?? '',
    teamId: a.teamId ? String(a.teamId) : '',
    assignee: a.assignee === undefined ? '' : String(a.assignee),
    addTags: (a.addTags ?? []).join(', '),
    removeTags: (a.removeTags ?? []).join(', '),
    canShare,
  };
}
type Draft = ReturnType<typeof draftOf>;

function toInput(d: Draft): MacroInput {
  return {
    name: d.name,
    shared: d.shared,
    text: { en: d.en, de: d.de },
    actions: {
      ...(d.status ? { status: d.status as MacroInput['actions']['status'] } : {}),
      ...(d.priority ? { priority: d.priority as MacroInput['actions']['priority'] } : {}),
      ...(d.teamId ? { teamId: Number(d.teamId) } : {}),
      ...(d.assignee ? { assignee: d.assignee === 'me' || d.assignee === 'none' ? d.assignee : Number(d.assignee) } : {}),
      ...(tagList(d.addTags).length ? { addTags: tagList(d.addTags) } : {}),
      ...(tagList(d.removeTags).length ? { removeTags: tagList(d.removeTags) } : {}),
    },
  };
}

/**
 * One macro: its name, who sees it, its English and German text (placeholders inserted where the cursor is)
 * and what applying it sets. Leaving with unsaved changes asks first.
 */
export function MacroEditor({ macro, saved, onSaving, onSaved, onDeleted }: Props) {
  const t = useTranslations('macros');
  const tt = useTranslations();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const dir = useDirectory();
  const canShare = hasRole(viewer.role, 'lead');
  const [initial, setInitial] = useState(() => draftOf(macro, canShare));
  const [d, setD] = useState(initial);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const lastText = useRef<{ el: HTMLTextAreaElement; key: 'en' | 'de' } | null>(null);
  const dirty = JSON.stringify(d) !== JSON.stringify(initial);
  useLeaveGuard(dirty, t('leaveUnsaved'));

  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.macros.list.queryKey() });
  // What was saved becomes the baseline: the form is clean again and leaving no longer asks.
  const submitted = useRef(d);
  const onSuccess = (m: { id: number }) => {
    setInitial(submitted.current);
    refresh();
    onSaved(m.id);
  };
  const create = useMutation(trpc.macros.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.macros.update.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.macros.delete.mutationOptions({ onSuccess: () => (refresh(), onDeleted()) }));
  const saving = create.isPending || update.isPending;
  // A shared macro is the leads'; an agent reads it here but cannot change it.
  const readOnly = macro?.shared === true && !canShare;

  const insert = (placeholder: string) => {
    const target = lastText.current;
    if (!target) return;
    const { el, key } = target;
    const token = `{{${placeholder}}}`;
    const value = el.value.slice(0, el.selectionStart) + token + el.value.slice(el.selectionEnd);
    const caret = el.selectionStart + token.length;
    set({ [key]: value });
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(caret, caret);
    });
  };

  const textArea = (key: 'en' | 'de', label: string) => (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <textarea
        rows={6}
        value={d[key]}
        maxLength={MAX_MACRO_TEXT}
        disabled={readOnly}
        onChange={(e) => set({ [key]: e.target.value })}
        onFocus={(e) => (lastText.current = { el: e.currentTarget, key })}
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
    </label>
  );

  return (
    <form
      className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
      aria-label={macro ? macro.name : t('new')}
      onSubmit={(e) => {
        e.preventDefault();
        if (readOnly) return;
        onSaving();
        submitted.current = d;
        const input = toInput(d);
        if (macro) update.mutate({ id: macro.id, macro: input });
        else create.mutate(input);
      }}
    >
      <h2 className="text-base font-semibold">{macro ? macro.name : t('new')}</h2>
      {readOnly && <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">{t('sharedReadOnly')}</p>}
      <TextField label={t('name')} value={d.name} maxLength={80} required disabled={readOnly} onChange={(e) => set({ name: e.target.value })} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={d.shared} disabled={!canShare} onChange={(e) => set({ shared: e.target.checked })} />
        {t('shared')}
        {!canShare && <span className="text-xs text-slate-600">({t('sharedLeadsOnly')})</span>}
      </label>
      {textArea('de', t('textDe'))}
      {textArea('en', t('textEn'))}
      <div className="text-xs text-slate-600">
        <p className="mb-1">{t('placeholdersHint')}</p>
        <div className="flex flex-wrap gap-1">
          {PLACEHOLDERS.map((p) => (
            <button
              key={p}
              type="button"
              disabled={readOnly}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => insert(p)}
              className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 font-mono text-[11px] text-slate-700 hover:bg-slate-100"
              title={t(`placeholder.${p.replace('.', '_') as 'customer_name'}`)}
            >
              {`{{${p}}}`}
            </button>
          ))}
        </div>
      </div>
      <fieldset className="min-w-0 space-y-3 rounded-md border border-slate-200 p-3" disabled={readOnly}>
        <legend className="px-1 text-sm font-medium text-slate-700">{t('actions')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField label={t('status')} hint={t('statusHint')} value={d.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">{t('unchanged')}</option>
            {SEND_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tt(`status.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('priority')} value={d.priority} onChange={(e) => set({ priority: e.target.value })}>
            <option value="">{t('unchanged')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {tt(`priority.${p}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('team')} value={d.teamId} onChange={(e) => set({ teamId: e.target.value })}>
            <option value="">{t('unchanged')}</option>
            <NamedOptions items={dir.teams} />
          </SelectField>
          <SelectField label={t('assignee')} value={d.assignee} onChange={(e) => set({ assignee: e.target.value })}>
            <option value="">{t('unchanged')}</option>
            <option value="me">{t('assigneeMe')}</option>
            <option value="none">{t('assigneeNone')}</option>
            <NamedOptions items={dir.agents} />
          </SelectField>
          <TextField label={t('addTags')} hint={t('tagsHint')} value={d.addTags} onChange={(e) => set({ addTags: e.target.value })} />
          <TextField label={t('removeTags')} hint={t('tagsHint')} value={d.removeTags} onChange={(e) => set({ removeTags: e.target.value })} />
        </div>
      </fieldset>
      {(create.error ?? update.error ?? remove.error) && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errorText(create.error ?? update.error ?? remove.error)}
        </p>
      )}
      {!readOnly && (
        <SaveDeleteBar
          saving={saving}
          saved={saved && !dirty}
          labels={{ save: t('save'), saved: t('saved'), delete: t('delete') }}
          confirmDelete={t('confirmDelete', { name: macro?.name ?? '' })}
          onDelete={macro ? () => remove.mutate({ id: macro.id }) : undefined}
        />
      )}
    </form>
  );
}
