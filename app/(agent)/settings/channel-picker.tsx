'use client';

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
