'use client';

import { Fragment, useState, type ReactNode } from 'react';
import { selectedRecord } from '../selected-record';

/** The row of a settings page's records (numbers, bots, pages) as toggle buttons, with "+ new" at the end. */
export function ChannelPicker({
  items,
  selected,
  onSelect,
  newLabel,
}: {
  items: { id: number; label: string; detail?: string | null }[];
  selected: string;
  onSelect: (id: number | 'new') => void;
  newLabel: string;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {items.map((c) => (
        <button
          key={c.id}
          type="button"
          aria-pressed={selected === String(c.id)}
          onClick={() => onSelect(c.id)}
          className="rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm aria-pressed:border-brand-500 aria-pressed:bg-brand-50"
        >
          {c.label} {c.detail && <span className="text-slate-600">{c.detail}</span>}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={selected === 'new'}
        onClick={() => onSelect('new')}
        className="rounded-md border border-dashed border-slate-300 px-3 py-1.5 text-sm text-brand-700 aria-pressed:bg-brand-50"
      >
        + {newLabel}
      </button>
    </div>
  );
}

/**
 * A settings page for one kind of messenger channel: its title and intro, the connected ones to pick
 * from, and the form for the one picked (keyed by it, so picking another starts from its saved values).
 */
export function ChannelSettingsPage<T extends { id: number; name: string }>({
  title,
  intro,
  items,
  detail,
  newLabel,
  form,
}: {
  title: string;
  intro: string;
  items: T[] | undefined;
  detail: (c: T) => string | null | undefined;
  newLabel: string;
  form: (current: T | null, onSaved: (id: number) => void) => ReactNode;
}) {
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const current = selectedRecord(items, selected);
  const key = current ? String(current.id) : 'new';
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="text-sm text-slate-600">{intro}</p>
      <ChannelPicker
        items={(items ?? []).map((c) => ({ id: c.id, label: c.name, detail: detail(c) }))}
        selected={key}
        onSelect={setSelected}
        newLabel={newLabel}
      />
      {items && <Fragment key={key}>{form(current, setSelected)}</Fragment>}
    </div>
  );
}
