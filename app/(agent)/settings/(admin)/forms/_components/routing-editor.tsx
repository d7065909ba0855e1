'use client';

import { useTranslations } from 'use-intl';
import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import type { Field, RoutingRule } from '@/lib/forms/form-definition';
import { moveItem, newCondition } from '@/lib/forms/edit-definition';
import { NamedOptions, idOrNull } from '@/app/_components/named-options';
import { useDirectory } from '@/app/(agent)/inbox/_components/use-directory';
import { Check, LabeledInput, LabeledSelect, SmallButton } from './builder-inputs';
import { ConditionGroupEditor } from './condition-group-editor';

type Props = { rules: RoutingRule[]; fields: Field[]; fieldName: (f: Field) => string; onChange: (rules: RoutingRule[]) => void };

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Ordered routing rules: conditions on the answers set team, priority, assignee and tags of the new ticket. */
export function RoutingEditor({ rules, fields, fieldName, onChange }: Props) {
  const t = useTranslations('formBuilder');
  const tp = useTranslations('priority');
  const { teams, agents } = useDirectory();
  const set = (i: number, rule: RoutingRule) => onChange(rules.map((r, j) => (j === i ? rule : r)));
  const setOutcome = (i: number, patch: Partial<RoutingRule['set']>) => {
    const next = { ...rules[i]!.set, ...patch };
    for (const k of Object.keys(next) as (keyof typeof next)[]) if (next[k] === undefined) delete next[k];
    set(i, { ...rules[i]!, set: next });
  };
  return (
    <section className="space-y-3" aria-label={t('routing')}>
      <h2 className="text-sm font-semibold">{t('routing')}</h2>
      <p className="text-xs text-slate-500">{t('routingHint')}</p>
      {!rules.length && <p className="text-sm text-slate-500">{t('noRouting')}</p>}
      {rules.map((rule, i) => (
        <div key={rule.id} className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="routing-rule">
          <div className="flex items-end gap-1">
            <LabeledInput className="flex-1" label={t('ruleName')} value={rule.name} onChange={(e) => set(i, { ...rule, name: e.target.value })} />
            <SmallButton aria-label={t('moveUp', { name: rule.name })} disabled={i === 0} onClick={() => onChange(moveItem(rules, i, i - 1))}>
              <ArrowUp className="size-3.5" aria-hidden />
            </SmallButton>
            <SmallButton aria-label={t('moveDown', { name: rule.name })} disabled={i === rules.length - 1} onClick={() => onChange(moveItem(rules, i, i + 1))}>
              <ArrowDown className="size-3.5" aria-hidden />
            </SmallButton>
            <SmallButton aria-label={t('remove')} onClick={() => onChange(rules.filter((_, j) => j !== i))}>
              <Trash2 className="size-3.5" aria-hidden />
            </SmallButton>
          </div>
          <ConditionGroupEditor group={rule.when} fields={fields} fieldName={fieldName} onChange={(when) => set(i, { ...rule, when })} />
          <div className="grid grid-cols-2 gap-2 lg:grid-cols-4">
            <LabeledSelect
              label={t('setTeam')}
              value={rule.set.teamId ?? ''}
              onChange={(e) => setOutcome(i, { teamId: idOrNull(e.target.value) ?? undefined })}
            >
              <option value="">{t('unchanged')}</option>
              <NamedOptions items={teams} />
            </LabeledSelect>
            <LabeledSelect
              label={t('setPriority')}
              value={rule.set.priority ?? ''}
              onChange={(e) => setOutcome(i, { priority: (e.target.value || undefined) as RoutingRule['set']['priority'] })}
            >
              <option value="">{t('unchanged')}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {tp(p)}
                </option>
              ))}
            </LabeledSelect>
            <LabeledSelect
              label={t('setAssignee')}
              value={rule.set.assigneeId ?? ''}
              onChange={(e) => setOutcome(i, { assigneeId: idOrNull(e.target.value) ?? undefined })}
            >
              <option value="">{t('unchanged')}</option>
              <NamedOptions items={agents} />
            </LabeledSelect>
            <LabeledInput
              label={t('setTags')}
              placeholder={t('listHint')}
              defaultValue={rule.set.tags?.join(', ') ?? ''}
              onBlur={(e) => {
                const tags = [
                  ...new Set(
                    e.target.value
                      .split(',')
                      .map((s) => s.trim().toLowerCase())
                      .filter(Boolean),
                  ),
                ];
                setOutcome(i, { tags: tags.length ? tags : undefined });
              }}
            />
          </div>
          <Check label={t('continue')} checked={rule.continue} onChange={(c) => set(i, { ...rule, continue: c })} />
        </div>
      ))}
      <SmallButton
        className="border border-dashed border-slate-300"
        disabled={!fields.length}
        onClick={() =>
          onChange([
            ...rules,
            {
              id: `rule-${Date.now().toString(36)}`,
              name: `${t('routing')} ${rules.length + 1}`,
              when: { all: [newCondition(fields[0]!)] },
              set: {},
              continue: false,
            },
          ])
        }
      >
        + {t('addRoutingRule')}
      </SmallButton>
    </section>
  );
}
