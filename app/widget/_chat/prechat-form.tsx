/** @jsxImportSource preact */
import type { AnswerValue, Answers, Field, FormDefinition } from '@/lib/forms/form-definition';
import { evaluateForm, type FieldError } from '@/lib/forms/evaluate-form';
import { normalizeAnswers } from '@/lib/forms/form-data';
import type { WidgetLocale } from '@/lib/widget-events';
import { fill, type Texts } from './i18n';
import { chatMessageField, withChatMessage } from '@/lib/forms/chat-message-field';

type Props = {
  form: Pick<FormDefinition, 'fields' | 'version'>;
  /** Answers identify already gave: sent along, not asked again. */
  prefill: Answers;
  answers: Answers;
  errors: FieldError[];
  locale: WidgetLocale;
  t: Texts;
  onChange: (key: string, value: AnswerValue) => void;
};

/** The channel's intake form before the first message, live from the same engine the server checks with. */
export function PrechatFields({ form, prefill, answers, errors, locale, t, onChange }: Props) {
  const definition = { ...form, routing: [] };
  const evaluation = evaluateForm(definition, normalizeAnswers(definition, { ...answers, ...prefill }));
  const text = (l: Field['label'] | undefined) => (l ? (locale === 'de' && l.de) || l.en : '');
  const optionLabel = (f: Field, value: string) => text(f.options?.find((x) => x.value === value)?.label) || value;
  return (
    <div class="fields">
      {form.fields.map((f) => {
        const s = evaluation.byKey.get(f.key)!;
        // The chat box below answers the form's message field: not asked twice.
        if (!s.visible || f.type === 'file' || prefill[f.key] !== undefined || f.key === chatMessageField(form.fields)) return null;
        const id = `pf_${f.key}`;
        const error = errors.find((e) => e.field === f.key);
        const value = answers[f.key];
        const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-e` : undefined };
        const set = (v: AnswerValue) => onChange(f.key, v);
        let control;
        if (f.type === 'select') {
          control = (
            <select {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => set(e.currentTarget.value)}>
              <option value="">—</option>
              {(s.options ?? []).map((o) => (
                <option key={o} value={o}>
                  {optionLabel(f, o)}
                </option>
              ))}
            </select>
          );
        } else if (f.type === 'multi_select' || f.type === 'checkbox') {
          const chosen = Array.isArray(value) ? value : [];
          control =
            f.type === 'checkbox' ? (
              <input {...common} type="checkbox" checked={value === true} onChange={(e) => set(e.currentTarget.checked)} />
            ) : (
              <span class="choices">
                {(s.options ?? []).map((o) => (
                  <label key={o}>
                    <input
                      type="checkbox"
                      checked={chosen.includes(o)}
                      onChange={(e) => set(e.currentTarget.checked ? [...chosen, o] : chosen.filter((x) => x !== o))}
                    />
                    {optionLabel(f, o)}
                  </label>
                ))}
              </span>
            );
        } else if (f.type === 'long_text') {
          control = <textarea {...common} rows={3} value={typeof value === 'string' ? value : ''} onInput={(e) => set(e.currentTarget.value)} />;
        } else {
          const type = (f.type === 'phone' ? 'tel' : f.type === 'number' ? 'text' : f.type) as 'text';
          control = (
            <input
              {...common}
              type={type}
              inputMode={f.type === 'number' ? 'decimal' : undefined}
              value={value == null ? '' : String(value)}
              placeholder={text(f.placeholder)}
              onInput={(e) => set(e.currentTarget.value)}
            />
          );
        }
        return (
          <div class="field" key={f.key}>
            <label for={id}>
              {text(f.label)}
              {s.required && <small> ({t.required})</small>}
            </label>
            {control}
            {error && (
              <p class="error" id={`${id}-e`}>
                {fill(t.errors[error.code], { limit: error.limit ?? '' })}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** What the engine finds wrong before anything is sent (the server checks the same again); `message`: the chat box's text. */
export function prechatErrors(form: Pick<FormDefinition, 'fields' | 'version'>, answers: Answers, prefill: Answers, message = '') {
  const definition = { ...form, routing: [] };
  return evaluateForm(definition, normalizeAnswers(definition, { ...withChatMessage(form.fields, answers, message), ...prefill })).errors;
}
