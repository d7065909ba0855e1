'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { TextField } from '@/app/_components/text-field';
import { CHANNEL_KINDS, PRIORITIES } from '@/lib/domain';
import type { SlaConditions } from '@/lib/sla-policy';
import { FormAnswerCondition } from './sla/form-answer-condition';

const box = 'min-w-0 space-y-2 rounded-md border border-slate-200 p-3';
const legend = 'px-1 text-sm font-medium text-slate-700';

/** Toggles a value in a list, keeping the list's own order. */
export const toggled = <T,>(list: readonly T[], value: T, on: boolean, order: readonly T[]) => order.filter((v) => (v === value ? on : list.includes(v)));

type Props = {
  conditions: SlaConditions;
  onChange: (c: SlaConditions) => void;
  /** The tags as typed (comma-separated); read into the list when the policy is saved. */
  tags: string;
  onTagsChange: (text: string) => void;
  problemAt: (path: string) => string | undefined | false;
};

/** Which tickets a policy covers (SLA and survey policies share the conditions): channel, priority, team, tags, a customer attribute, a form answer. */
export function TicketConditionsFieldset({ conditions, onChange, tags, onTagsChange, problemAt }: Props) {
  const t = useTranslations('slaAdmin');
  const tt = useTranslations();
  const trpc = useTRPC();
  const teams = useQuery(trpc.admin.teams.queryOptions());
  const cond = (patch: Partial<SlaConditions>) => onChange({ ...conditions, ...patch });
  return (
    <fieldset className={box}>
      <legend className={legend}>{t('conditions')}</legend>
      <p className="text-xs text-slate-500">{t('conditionsHint')}</p>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm" role="group" aria-label={tt('filters.channel')}>
        <span className="w-20 text-slate-500">{tt('filters.channel')}</span>
        {CHANNEL_KINDS.map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={conditions.channels.includes(k)}
              onChange={(e) => cond({ channels: toggled(conditions.channels, k, e.target.checked, CHANNEL_KINDS) })}
            />
            {tt(`channel.${k}`)}
          </label>
        ))}
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm" role="group" aria-label={t('priority')}>
        <span className="w-20 text-slate-500">{t('priority')}</span>
        {PRIORITIES.map((p) => (
          <label key={p} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={conditions.priorities.includes(p)}
              onChange={(e) => cond({ priorities: toggled(conditions.priorities, p, e.target.checked, PRIORITIES) })}
            />
            {tt(`priority.${p}`)}
          </label>
        ))}
      </div>
      {problemAt('conditions.priorities') && <p className="text-xs text-red-700">{problemAt('conditions.priorities')}</p>}
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm" role="group" aria-label={t('teams')}>
        <span className="w-20 text-slate-500">{t('teams')}</span>
        {(teams.data ?? []).map((team) => (
          <label key={team.id} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={conditions.teamIds.includes(team.id)}
              onChange={(e) => cond({ teamIds: e.target.checked ? [...conditions.teamIds, team.id] : conditions.teamIds.filter((x) => x !== team.id) })}
            />
            {team.name}
          </label>
        ))}
      </div>
      <div className="grid gap-2 sm:grid-cols-3">
        <TextField label={t('tags')} hint={t('tagsHint')} value={tags} onChange={(e) => onTagsChange(e.target.value)} />
        <TextField
          label={t('attributeKey')}
          value={conditions.customerAttribute?.key ?? ''}
          onChange={(e) => cond({ customerAttribute: e.target.value ? { key: e.target.value, value: conditions.customerAttribute?.value ?? '' } : null })}
        />
        <TextField
          label={t('attributeValue')}
          value={conditions.customerAttribute?.value ?? ''}
          disabled={!conditions.customerAttribute}
          onChange={(e) => conditions.customerAttribute && cond({ customerAttribute: { ...conditions.customerAttribute, value: e.target.value } })}
        />
      </div>
      <FormAnswerCondition
        value={conditions.formAnswer}
        onChange={(formAnswer) => cond({ formAnswer })}
        problem={problemAt('conditions.formAnswer.formId') || problemAt('conditions.formAnswer.field') || problemAt('conditions.formAnswer.value') || undefined}
      />
    </fieldset>
  );
}
