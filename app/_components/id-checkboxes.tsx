'use client';

/** A set of ids picked from named items as a row of checkboxes (an agent's teams, a team's members). */
export function IdCheckboxes({
  legend,
  items,
  selected,
  onChange,
}: {
  legend: string;
  items: readonly { id: number; name: string }[];
  selected: readonly number[];
  onChange: (ids: number[]) => void;
}) {
  return (
    <fieldset className="text-xs text-slate-700">
      <legend>{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
        {items.map((item) => (
          <label key={item.id} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={selected.includes(item.id)}
              onChange={(e) => onChange(e.target.checked ? [...selected, item.id] : selected.filter((x) => x !== item.id))}
            />
            {item.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
