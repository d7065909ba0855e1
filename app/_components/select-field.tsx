/** A labelled select with an optional hint, the counterpart of TextField. */
export function SelectField({ label, hint, className, children, ...select }: { label: string; hint?: string } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label className={`block text-sm ${className ?? ''}`}>
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" {...select}>
        {children}
      </select>
      {hint && <span className="mt-1 block text-xs text-slate-500">{hint}</span>}
    </label>
  );
}
