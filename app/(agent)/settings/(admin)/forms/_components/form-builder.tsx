'use client';

import { useLeaveGuard } from '@/app/_components/use-leave-guard';
import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '@/app/_components/error-text';
import { useMessages, useTranslations } from 'use-intl';
import { Copy, ExternalLink } from 'lucide-react';
import { field as fieldSchema, type Field, type FormDefinition } from '@/lib/forms/form-definition';
import { moveItem, newField, referencesTo, renameField, slugify } from '@/lib/forms/edit-definition';
import { problemText, validateDefinition, type ProblemTexts } from '@/lib/forms/validate-definition';
import { useTRPC } from '@/app/_components/trpc';
import { useLocalizedText } from '@/app/_components/form-fields';
import { LabeledInput, LabeledSelect } from './builder-inputs';
import { FieldList } from './field-list';
import { FieldEditor } from './field-editor';
import { RoutingEditor } from './routing-editor';
import { FormPreview } from './form-preview';

export type BuilderForm = {
  id: number | null;
  name: string;
  slug: string;
  channelId: number | null;
  currentVersion: number | null;
  definition: FormDefinition;
};

const KEY = fieldSchema.shape.key;

/** The form builder: fields (drag to reorder) | the selected field or the routing rules | live preview. */
export function FormBuilder({ initial }: { initial: BuilderForm }) {
  const t = useTranslations('formBuilder');
  const problemTexts = useMessages().formProblems as ProblemTexts;
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const text = useLocalizedText();
  const inboxes = useQuery(trpc.inboxes.listEmail.queryOptions());
  const [name, setName] = useState(initial.name);
  const [slug, setSlug] = useState(initial.slug);
  const [slugTouched, setSlugTouched] = useState(initial.id !== null);
  const [channelId, setChannelId] = useState(initial.channelId);
  const [def, setDef] = useState(initial.definition);
  const [formId, setFormId] = useState(initial.id);
  const [savedSlug, setSavedSlug] = useState(initial.slug);
  const [baseVersion, setBaseVersion] = useState(initial.currentVersion);
  const [dirty, setDirty] = useState(false);
  useLeaveGuard(dirty, t('leaveUnsaved'));
  const [selected, setSelected] = useState<string | 'routing' | null>(initial.definition.fields[0]?.key ?? null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  const edit = (next: FormDefinition) => {
    setDef(next);
    setDirty(true);
    setSavedVersion(null);
  };
  const fieldName = (f: Field) => text(f.label) || f.key;
  const checked = useMemo(() => validateDefinition(def), [def]);
  const problems = checked.ok ? [] : checked.problems;
  const channel = channelId ?? inboxes.data?.inboxes[0]?.id ?? null;

  const save = useMutation(
    trpc.forms.save.mutationOptions({
      onSuccess: (res) => {
        setDirty(false);
        setSavedVersion(res.version);
        setBaseVersion(res.version);
        setSavedSlug(slug);
        void queryClient.invalidateQueries({ queryKey: trpc.forms.list.queryKey() });
        // Refetched when the editor is next opened, not now: that would remount it mid-work.
        void queryClient.invalidateQueries({ queryKey: trpc.forms.get.queryKey({ id: res.id }), refetchType: 'none' });
        if (formId === null) {
          setFormId(res.id);
          // The address becomes the form's own without remounting the editor (Next keeps its router in step).
          window.history.replaceState(null, '', `/settings/forms/${res.id}`);
        }
      },
    }),
  );
  const duplicate = useMutation(trpc.forms.duplicate.mutationOptions({ onSuccess: (res) => router.push(`/settings/forms/${res.id}`) }));

  const current = def.fields.find((f) => f.key === selected);
  const updateField = (key: string, patch: Partial<Field>) => edit({ ...def, fields: def.fields.map((f) => (f.key === key ? { ...f, ...patch } : f)) });
  const rename = (from: string, to: string) => {
    if (!KEY.safeParse(to).success) return t('keyInvalid');
    if (def.fields.some((f) => f.key === to)) return t('keyTaken');
    edit(renameField(def, from, to));
    setSelected(to);
    return null;
  };

  return (
    <div className="flex h-full min-h-0 flex-col gap-3">
      <form
        className="flex flex-wrap items-end gap-3 border-b border-slate-200 pb-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!channel || !checked.ok) return;
          save.mutate({ id: formId, name, slug, channelId: channel, definition: def, ...(baseVersion ? { baseVersion } : {}) });
        }}
      >
        <LabeledInput
          className="w-56"
          label={t('formName')}
          required
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugTouched) setSlug(slugify(e.target.value));
            setDirty(true);
          }}
        />
        <label className="block text-xs">
          <span className="mb-0.5 block font-medium text-slate-600">{t('slug')}</span>
          <span className="flex items-center rounded border border-slate-300 bg-white text-sm">
            <span className="pl-2 text-slate-500" aria-hidden>
              /f/
            </span>
            <input
              className="w-44 rounded px-1 py-1"
              required
              pattern="[a-z0-9][a-z0-9\-]{0,59}"
              value={slug}
              onChange={(e) => {
                setSlug(e.target.value.toLowerCase());
                setSlugTouched(true);
                setDirty(true);
              }}
            />
          </span>
        </label>
        <LabeledSelect
          className="w-52"
          label={t('inbox')}
          value={channel ?? ''}
          onChange={(e) => {
            setChannelId(Number(e.target.value));
            setDirty(true);
          }}
        >
          {inboxes.data?.inboxes.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </LabeledSelect>
        <div className="ml-auto flex items-center gap-2">
          {formId !== null && baseVersion && <span className="text-xs text-slate-500">{t('version', { version: baseVersion })}</span>}
          {dirty && <span className="text-xs text-amber-700">{t('unsaved')}</span>}
          {savedVersion && !dirty && (
            <span role="status" className="text-xs text-emerald-700">
              {t('savedVersion', { version: savedVersion })}
            </span>
          )}
          {formId !== null && (
            <>
              <a
                className="flex items-center gap-1 rounded px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
                href={`/f/${savedSlug}`}
                target="_blank"
                rel="noreferrer"
              >
                <ExternalLink className="size-4" aria-hidden /> {t('open')}
              </a>
              <button
                type="button"
                className="flex items-center gap-1 rounded px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
                onClick={() => duplicate.mutate({ id: formId })}
              >
                <Copy className="size-4" aria-hidden /> {t('duplicate')}
              </button>
            </>
          )}
          <button
            type="submit"
            disabled={save.isPending || !checked.ok || !channel}
            className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {save.isPending ? t('saving') : t('save')}
          </button>
        </div>
        {(save.error || duplicate.error) && (
          <p role="alert" className="w-full rounded bg-red-50 px-3 py-1.5 text-sm text-red-800">
            {errorText(save.error ?? duplicate.error)}
          </p>
        )}
        {problems.length > 0 && (
          <div role="alert" className="w-full rounded bg-amber-50 px-3 py-1.5 text-sm text-amber-900" data-testid="builder-problems">
            {t('problems')}
            <ul className="list-disc pl-5">
              {problems.map((p, i) => (
                <li key={i}>{problemText(problemTexts, p)}</li>
              ))}
            </ul>
          </div>
        )}
      </form>
      <div className="grid min-h-0 flex-1 grid-cols-1 gap-4 lg:grid-cols-[15rem_minmax(0,1fr)_22rem]">
        <FieldList
          fields={def.fields}
          selected={current ? current.key : null}
          fieldName={fieldName}
          onSelect={setSelected}
          onMove={(from, to) => edit({ ...def, fields: moveItem(def.fields, from, to) })}
          onAdd={(type) => {
            const f = newField(
              type,
              def.fields.map((x) => x.key),
            );
            edit({ ...def, fields: [...def.fields, f] });
            setSelected(f.key);
          }}
          routingSelected={selected === 'routing'}
          routingCount={def.routing.length}
          onSelectRouting={() => setSelected('routing')}
        />
        <div className="min-h-0 overflow-y-auto pr-1">
          {selected === 'routing' ? (
            <RoutingEditor rules={def.routing} fields={def.fields} fieldName={fieldName} onChange={(routing) => edit({ ...def, routing })} />
          ) : current ? (
            <FieldEditor
              key={current.key}
              field={current}
              others={def.fields.filter((f) => f.key !== current.key)}
              fieldName={fieldName}
              onChange={(patch) => updateField(current.key, patch)}
              onRename={(to) => rename(current.key, to)}
              removeBlockedBy={referencesTo(def, current.key)}
              onRemove={() => {
                edit({ ...def, fields: def.fields.filter((f) => f.key !== current.key) });
                setSelected(null);
              }}
            />
          ) : (
            <p className="text-sm text-slate-500">{t('selectField')}</p>
          )}
        </div>
        <FormPreview definition={def} title={name} />
      </div>
    </div>
  );
}
