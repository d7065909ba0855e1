'use client';

import { useMemo, useState } from 'react';
import { useMessages, useTranslations } from 'use-intl';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';
import { TextField } from '@/app/_components/text-field';
import { SelectField } from '@/app/_components/select-field';
import { NamedOptions, idOrNull } from '@/app/_components/named-options';
import { PAUSABLE_STATUSES, SLA_TARGETS, slaConditionsSchema, slaProblemText, validateSlaPolicy, type SlaConditions, type SlaProblem } from '@/lib/sla-policy';
import { cellsOf, targetsOf, type TargetCells } from '@/lib/sla-policy-draft';
import { SlaTargetsTable } from './sla-targets-table';
import { TicketConditionsFieldset, toggled } from '../ticket-conditions-fieldset';
import { PolicyForm, PolicyFormFooter } from '../policy-form';

export type Policy = inferRouterOutputs<AppRouter>['slaPolicies']['list'][number];

// min-w-0: a fieldset is as wide as its widest content otherwise, and the targets table would push the page sideways on a phone.
const box = 'min-w-0 space-y-2 rounded-md border border-slate-200 p-3';
const legend = 'px-1 text-sm font-medium text-slate-700';

/**
 * One SLA policy: which tickets it covers, its targets per priority, what pauses them. Checked as the
 * admin types with the same rules the server applies (lib/sla-policy.ts); the server adds what only it
 * can check (the calendar's hours, teams and forms that exist) and names those problems the same way.
 */
type Props = { policy: Policy | null; saved: boolean; onSaving: () => void; onSaved: (id: number) => void; onDeleted: () => void };

export function SlaPolicyEditor({ policy, saved, onSaving, onSaved, onDeleted }: Props) {
  const t = useTranslations('slaAdmin');
  const tt = useTranslations();
  const texts = useMessages().slaProblems as Parameters<typeof slaProblemText>[0];
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const calendars = useQuery(trpc.calendars.list.queryOptions());
  const [name, setName] = useState(policy?.name ?? '');
  const [enabled, setEnabled] = useState(policy?.enabled ?? true);
  const [calendarId, setCalendarId] = useState<number | null>(policy?.calendarId ?? calendars.data?.[0]?.id ?? null);
  const [conditions, setConditions] = useState<SlaConditions>(policy?.conditions ?? slaConditionsSchema.parse({}));
  const [tags, setTags] = useState((policy?.conditions.tags ?? []).join(', '));
  const [cells, setCells] = useState<TargetCells>(() => cellsOf(policy?.targets));
  const [pauses, setPauses] = useState(policy?.pauses ?? { pending: [...SLA_TARGETS], on_hold: [] });
  const [tried, setTried] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.slaPolicies.list.queryKey() });
  const save = useMutation(trpc.slaPolicies.save.mutationOptions({ onSuccess: (r) => (refresh(), onSaved(r.id)) }));
  const remove = useMutation(trpc.slaPolicies.delete.mutationOptions({ onSuccess: () => (refresh(), onDeleted()) }));

  const draft = useMemo(() => {
    const read = targetsOf(cells);
    const input = {
      name,
      enabled,
      calendarId,
      conditions: {
        ...conditions,
        tags: tags
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      },
      targets: read.targets,
      pauses,
    };
    const checked = validateSlaPolicy(input);
    return { input, problems: [...read.problems, ...(checked.ok ? [] : checked.problems)] };
  }, [cells, name, enabled, calendarId, conditions, tags, pauses]);
  const serverProblems = ((save.error?.data as { details?: { problems?: SlaProblem[] } } | undefined)?.details?.problems ?? []) as SlaProblem[];
  const problems = tried ? [...draft.problems, ...serverProblems] : serverProblems;
  const problemAt = (path: string) =>
    problems.find((p) => p.path === path) &&
    problems
      .filter((p) => p.path === path)
      .map((p) => slaProblemText(texts, p))
      .join(' ');

  return (
    <PolicyForm
      label={policy ? policy.name : t('new')}
      problems={draft.problems.length}
      onTried={() => setTried(true)}
      onSave={() => (onSaving(), save.mutate({ id: policy?.id ?? null, policy: draft.input }))}
    >
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end">
        <div>
          <TextField
            label={t('name')}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(problemAt('name'))}
          />
          {problemAt('name') && <p className="mt-1 text-xs text-red-700">{problemAt('name')}</p>}
        </div>
        <div>
          <SelectField
            label={t('calendar')}
            value={calendarId ?? ''}
            onChange={(e) => setCalendarId(idOrNull(e.target.value))}
            aria-invalid={Boolean(problemAt('calendarId'))}
          >
            <option value="">{t('noCalendar')}</option>
            <NamedOptions items={calendars.data ?? []} />
          </SelectField>
          {problemAt('calendarId') && <p className="mt-1 text-xs text-red-700">{problemAt('calendarId')}</p>}
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {t('enabled')}
        </label>
      </div>

      <TicketConditionsFieldset conditions={conditions} onChange={setConditions} tags={tags} onTagsChange={setTags} problemAt={problemAt} />

      <fieldset className={box}>
        <legend className={legend}>{t('targets')}</legend>
        <SlaTargetsTable cells={cells} onChange={setCells} problemAt={problemAt} />
        {problemAt('targets') && <p className="text-xs text-red-700">{problemAt('targets')}</p>}
      </fieldset>

      <fieldset className={box}>
        <legend className={legend}>{t('pauses')}</legend>
        {PAUSABLE_STATUSES.map((s) => (
          <div key={s} className="flex flex-wrap gap-x-4 gap-y-1 text-sm" role="group" aria-label={t('pausesWhile', { status: tt(`status.${s}`) })}>
            <span className="w-40 text-slate-500">{t('pausesWhile', { status: tt(`status.${s}`) })}</span>
            {SLA_TARGETS.map((k) => (
              <label key={k} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={pauses[s].includes(k)}
                  onChange={(e) => setPauses({ ...pauses, [s]: toggled(pauses[s], k, e.target.checked, SLA_TARGETS) })}
                />
                {tt(`sla.target.${k}`)}
              </label>
            ))}
          </div>
        ))}
        <p className="text-xs text-slate-500">{t('pausesHint')}</p>
      </fieldset>

      <PolicyFormFooter
        problems={{ title: t('problems'), items: problems.map((p) => slaProblemText(texts, p)), testId: 'sla-problems' }}
        error={(save.error && serverProblems.length === 0) || remove.error ? errorText(save.error ?? remove.error) : null}
        saving={save.isPending}
        saved={saved}
        labels={{ save: t('save'), saved: t('saved'), delete: t('delete') }}
        confirmDelete={policy ? t('confirmDelete', { name: policy.name }) : undefined}
        onDelete={policy ? () => remove.mutate({ id: policy.id }) : undefined}
      />
    </PolicyForm>
  );
}
