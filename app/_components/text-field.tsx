/** A labelled input with an optional hint; the label wraps the input so clicking it focuses the field. */
export function TextField({ label, hint, className, ...input }: { label: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className={`block text-sm ${className ?? ''}`}>
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <input className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" {...input} />
      {hint && <span className="mt-1 block text-xs text-slate-500">{hint}</span>}
    </label>
  );
}
