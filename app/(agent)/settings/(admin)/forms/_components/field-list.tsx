'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { ArrowDown, ArrowUp, EyeOff, GripVertical, Route } from 'lucide-react';
import { FIELD_TYPES, type Field, type FieldType } from '@/lib/forms/form-definition';
import { inlineControl, SmallButton } from './builder-inputs';

type Props = {
  fields: Field[];
  selected: string | null;
  fieldName: (f: Field) => string;
  onSelect: (key: string) => void;
  onMove: (from: number, to: number) => void;
  onAdd: (type: FieldType) => void;
  routingSelected: boolean;
  routingCount: number;
  onSelectRouting: () => void;
};

/** The form's fields in order: drag to reorder (or the arrow buttons, or Alt+↑/↓), click to edit. */
export function FieldList({ fields, selected, fieldName, onSelect, onMove, onAdd, routingSelected, routingCount, onSelectRouting }: Props) {
  const t = useTranslations('formBuilder');
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const item =
    'flex w-full items-center gap-1 rounded px-1.5 py-1 text-left text-sm aria-[current=true]:bg-brand-50 aria-[current=true]:text-brand-800 hover:bg-slate-100';
  return (
    <nav className="flex min-h-0 flex-col gap-2" aria-label={t('fields')}>
      <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('fields')}</h2>
      <p className="text-xs text-slate-500">{t('dragHint')}</p>
      <ol className="space-y-0.5" data-testid="builder-fields">
        {fields.map((f, i) => (
          <li
            key={f.key}
            draggable
            data-field-key={f.key}
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', f.key);
            }}
            onDragOver={(e) => {
              if (dragging === null) return;
              e.preventDefault();
              setOver(i);
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null && dragging !== i) onMove(dragging, i);
              setDragging(null);
              setOver(null);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
            className={`group flex items-center rounded ${over === i && dragging !== i ? 'ring-2 ring-brand-400' : ''} ${dragging === i ? 'opacity-50' : ''}`}
          >
            <GripVertical className="size-4 shrink-0 cursor-grab text-slate-500" aria-hidden />
            <button
              type="button"
              className={item}
              aria-current={selected === f.key}
              onClick={() => onSelect(f.key)}
              onKeyDown={(e) => {
                if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                e.preventDefault();
                const to = e.key === 'ArrowUp' ? i - 1 : i + 1;
                if (to >= 0 && to < fields.length) onMove(i, to);
              }}
            >
              <span className="min-w-0 flex-1 truncate">{fieldName(f)}</span>
              {f.hiddenByDefault && <EyeOff className="size-3.5 shrink-0 text-slate-500" aria-label={t('hiddenByDefault')} />}
              <span className="shrink-0 text-xs text-slate-600">{t(`types.${f.type}`)}</span>
            </button>
            <span className="flex opacity-0 group-focus-within:opacity-100 group-hover:opacity-100">
              <SmallButton aria-label={t('moveUp', { name: fieldName(f) })} disabled={i === 0} onClick={() => onMove(i, i - 1)}>
                <ArrowUp className="size-3.5" aria-hidden />
              </SmallButton>
              <SmallButton aria-label={t('moveDown', { name: fieldName(f) })} disabled={i === fields.length - 1} onClick={() => onMove(i, i + 1)}>
                <ArrowDown className="size-3.5" aria-hidden />
              </SmallButton>
            </span>
          </li>
        ))}
      </ol>
      <select
        aria-label={t('addField')}
        className={inlineControl}
        value=""
        onChange={(e) => {
          if (e.target.value) onAdd(e.target.value as FieldType);
        }}
      >
        <option value="">+ {t('addField')}</option>
        {FIELD_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`types.${type}`)}
          </option>
        ))}
      </select>
      <button type="button" className={`${item} mt-2 border-t border-slate-200 pt-2`} aria-current={routingSelected} onClick={onSelectRouting}>
        <Route className="size-4 text-slate-500" aria-hidden />
        <span className="flex-1">{t('routing')}</span>
        <span className="text-xs text-slate-500">{routingCount}</span>
      </button>
    </nav>
  );
}
