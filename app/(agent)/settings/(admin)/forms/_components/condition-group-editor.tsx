'use client';

import { useTranslations } from 'use-intl';
import { X } from 'lucide-react';
import { OPERATORS_BY_TYPE, type Condition, type ConditionGroup, type Field, type Operator } from '@/lib/forms/form-definition';
import { changeOperator, newCondition, retarget } from '@/lib/forms/edit-definition';
import { inlineControl, SmallButton } from './builder-inputs';
import { ValueInput } from './value-input';

type Props = {
  group: ConditionGroup;
  /** The fields a condition may read (a field's own rules never read the field itself). */
  fields: Field[];
  onChange: (g: ConditionGroup) => void;
  onRemove?: () => void;
  fieldName: (f: Field) => string;
};

const itemsOf = (g: ConditionGroup) => ('all' in g ? g.all : g.any);
const withItems = (g: ConditionGroup, items: (Condition | ConditionGroup)[]): ConditionGroup => ('all' in g ? { all: items } : { any: items });

/** "Match all/any of" a list of conditions and nested groups; operators offered fit each field's type. */
export function ConditionGroupEditor({ group, fields, onChange, onRemove, fieldName }: Props) {
  const t = useTranslations('formBuilder');
  const items = itemsOf(group);
  const setItem = (i: number, item: Condition | ConditionGroup) =>
    onChange(
      withItems(
        group,
        items.map((x, j) => (j === i ? item : x)),
      ),
    );
  const removeItem = (i: number) =>
    onChange(
      withItems(
        group,
        items.filter((_, j) => j !== i),
      ),
    );
  return (
    <div className="space-y-1 rounded border border-slate-200 bg-slate-50/60 p-2" role="group" aria-label={t('when')}>
      <div className="flex items-center gap-1 text-xs text-slate-600">
        <select
          aria-label={t('when')}
          className={inlineControl}
          value={'all' in group ? 'all' : 'any'}
          onChange={(e) => onChange(e.target.value === 'all' ? { all: items } : { any: items })}
        >
          <option value="all">{t('matchAll')}</option>
          <option value="any">{t('matchAny')}</option>
        </select>
        <SmallButton disabled={!fields.length} onClick={() => onChange(withItems(group, [...items, newCondition(fields[0]!)]))}>
          + {t('addCondition')}
        </SmallButton>
        <SmallButton disabled={!fields.length} onClick={() => onChange(withItems(group, [...items, { all: [newCondition(fields[0]!)] }]))}>
          + {t('addGroup')}
        </SmallButton>
        {onRemove && (
          <SmallButton className="ml-auto" aria-label={t('removeGroup')} onClick={onRemove}>
            <X className="size-3.5" aria-hidden />
          </SmallButton>
        )}
      </div>
      {items.map((item, i) =>
        'op' in item ? (
          <ConditionRow key={i} condition={item} fields={fields} fieldName={fieldName} onChange={(c) => setItem(i, c)} onRemove={() => removeItem(i)} />
        ) : (
          <div key={i} className="pl-3">
            <ConditionGroupEditor group={item} fields={fields} fieldName={fieldName} onChange={(g) => setItem(i, g)} onRemove={() => removeItem(i)} />
          </div>
        ),
      )}
    </div>
  );
}

function ConditionRow({
  condition: c,
  fields,
  fieldName,
  onChange,
  onRemove,
}: {
  condition: Condition;
  fields: Field[];
  fieldName: (f: Field) => string;
  onChange: (c: Condition) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('formBuilder');
  const target = fields.find((f) => f.key === c.field);
  const ops: readonly Operator[] = target ? OPERATORS_BY_TYPE[target.type] : [c.op];
  return (
    <div className="flex flex-wrap items-center gap-1" data-testid="condition">
      <select
        aria-label={t('field')}
        className={`${inlineControl} max-w-44`}
        value={c.field}
        onChange={(e) =>
          onChange(
            retarget(
              c,
              fields.find((f) => f.key === e.target.value)!,
            ),
          )
        }
      >
        {!target && <option value={c.field}>{c.field}</option>}
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {fieldName(f)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('operator')}
        className={inlineControl}
        value={c.op}
        onChange={(e) => onChange(changeOperator(c, e.target.value as Operator, target))}
      >
        {ops.map((op) => (
          <option key={op} value={op}>
            {t(`ops.${op}`)}
          </option>
        ))}
      </select>
      <ValueInput target={target} op={c.op} value={c.value} label={t('value')} onChange={(value) => onChange({ ...c, value })} />
      <SmallButton aria-label={t('removeCondition')} onClick={onRemove}>
        <X className="size-3.5" aria-hidden />
      </SmallButton>
    </div>
  );
}
