'use client';

import type { AnswerValue, Field } from '@/lib/forms/form-definition';
import type { FieldState } from '@/lib/forms/evaluate-form';

const input =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm aria-invalid:border-red-500 read-only:bg-slate-50 read-only:text-slate-600';

export type FormFieldProps = {
  field: Field;
  state: FieldState;
  readOnly: boolean;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue) => void;
  label: string;
  help: string;
  placeholder: string;
  optionLabel: (v: string) => string;
  error: string | null;
  requiredLabel: string;
};

/** One intake-form field as the engine says it is now (visible, required, offered options); used by the public form and the agent sidebar. */
export function FormFieldInput({ field: f, state, readOnly, value, onChange, label, help, placeholder, optionLabel, error, requiredLabel }: FormFieldProps) {
  const id = `f_${f.key}`;
  const described = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    readOnly,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    'aria-required': state.required || undefined,
  };
  const heading = (
    <>
      {label}
      {state.required && <span className="ml-1 text-xs font-normal text-slate-500">({requiredLabel})</span>}
    </>
  );
  let control: React.ReactNode;
  switch (f.type) {
    case 'long_text':
      control = (
        <textarea
          {...common}
          rows={5}
          className={input}
          placeholder={placeholder}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'select':
      control = (
        <select {...common} className={input} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {(state.options ?? []).map((o) => (
            <option key={o} value={o}>
              {optionLabel(o)}
            </option>
          ))}
        </select>
      );
      break;
    case 'multi_select': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset aria-describedby={described}>
          <legend className="mb-1 text-sm font-medium text-slate-700">{heading}</legend>
          {(state.options ?? []).map((o) => (
            <label key={o} className="flex items-center gap-2 py-0.5 text-sm">
              <input
                type="checkbox"
                name={id}
                value={o}
                checked={chosen.includes(o)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o))}
              />
              {optionLabel(o)}
            </label>
          ))}
          <Hints id={id} help={help} error={error} />
        </fieldset>
      );
    }
    case 'file':
      // A file input cannot be set from state; the engine follows the names of the files chosen.
      control = (
        <input
          id={id}
          name={id}
          type="file"
          multiple={(f.max ?? 1) > 1}
          aria-invalid={common['aria-invalid']}
          aria-describedby={described}
          aria-required={common['aria-required']}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
          onChange={(e) => onChange([...(e.target.files ?? [])].map((file) => file.name))}
        />
      );
      break;
    case 'checkbox':
      return (
        <div>
          <label className="flex items-center gap-2 text-sm">
            <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
            {heading}
          </label>
          <Hints id={id} help={help} error={error} />
        </div>
      );
    default: {
      const type = f.type === 'number' ? 'text' : f.type === 'phone' ? 'tel' : f.type === 'text' ? 'text' : f.type;
      control = (
        <input
          {...common}
          type={type}
          inputMode={f.type === 'number' ? 'decimal' : undefined}
          className={input}
          placeholder={placeholder}
          value={value === undefined || value === null ? '' : String(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    }
  }
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {heading}
      </label>
      {control}
      <Hints id={id} help={help} error={error} />
    </div>
  );
}

function Hints({ id, help, error }: { id: string; help: string; error: string | null }) {
  return (
    <>
      {help && (
        <p id={`${id}-help`} className="mt-1 text-xs text-slate-500">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
