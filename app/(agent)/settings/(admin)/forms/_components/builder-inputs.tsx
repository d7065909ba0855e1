'use client';

// Dense labelled controls for the form builder; the label wraps the control so clicking it focuses it.

const control = 'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm';

export function LabeledInput({ label, className, ...input }: { label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className={`block text-xs ${className ?? ''}`}>
      <span className="mb-0.5 block font-medium text-slate-600">{label}</span>
      <input className={control} {...input} />
    </label>
  );
}

export function LabeledSelect({ label, className, children, ...select }: { label: string } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label className={`block text-xs ${className ?? ''}`}>
      <span className="mb-0.5 block font-medium text-slate-600">{label}</span>
      <select className={control} {...select}>
        {children}
      </select>
    </label>
  );
}

export function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** A small unlabeled control inside a rule row; `aria-label` names it for screen readers. */
export const inlineControl = 'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm';

export function SmallButton({ className, ...button }: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" className={`rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-40 ${className ?? ''}`} {...button} />
  );
}
