'use client';

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '@/app/_components/error-text';
import { useTranslations } from 'use-intl';
import { Pencil } from 'lucide-react';
import type { TicketFormAnswers } from '@/server/forms/get-ticket-form';
import type { Answers } from '@/lib/forms/form-definition';
import { evaluateForm, type FieldError } from '@/lib/forms/evaluate-form';
import { normalizeAnswers } from '@/lib/forms/form-data';
import { FormFields, useLocalizedText } from '@/app/_components/form-fields';
import { useTRPC } from '@/app/_components/trpc';

/** The answers a ticket was opened with; agents correct them under the same rules the customer had. */
export function FormAnswers({ ticketId, form }: { ticketId: number; form: TicketFormAnswers }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Answers | null>(null);
  const text = useLocalizedText();
  const save = useMutation(
    trpc.tickets.updateFormAnswers.mutationOptions({
      onSuccess: () => {
        setDraft(null);
        void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: ticketId }) });
      },
    }),
  );
  const definition = { ...form.definition, routing: [] };
  const heading = (
    <div className="mt-5 mb-1 flex items-center justify-between">
      <h3 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{t('customer.formAnswers', { form: form.form })}</h3>
      {!draft && (
        <button type="button" className="flex items-center gap-1 text-xs text-brand-700 hover:underline" onClick={() => setDraft(form.raw)}>
          <Pencil className="size-3" aria-hidden />
          {t('customer.editAnswers')}
        </button>
      )}
    </div>
  );

  if (!draft) {
    return (
      <section data-testid="form-answers">
        {heading}
        <dl className="space-y-1 text-xs">
          {form.answers.map((a) => (
            <div key={a.key}>
              <dt className="text-slate-500">{text(a.label)}</dt>
              <dd className="whitespace-pre-wrap text-slate-800">{a.value}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }

  const normalized = normalizeAnswers(definition, draft);
  const evaluation = evaluateForm(definition, normalized);
  const serverErrors = ((save.error?.data as { details?: { fieldErrors?: FieldError[] } } | undefined)?.details?.fieldErrors ?? []) as FieldError[];
  return (
    <section data-testid="form-answers">
      {heading}
      <form
        className="space-y-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            id: ticketId,
            answers: Object.fromEntries(evaluation.fields.filter((f) => f.visible && f.value !== undefined).map((f) => [f.key, f.value!])),
          });
        }}
      >
        <FormFields
          definition={definition}
          answers={draft}
          normalized={normalized}
          evaluation={evaluation}
          errors={[...evaluation.errors, ...serverErrors]}
          onChange={(key, v) => setDraft({ ...draft, [key]: v })}
          showHelp={false}
        />
        {save.error && !serverErrors.length && (
          <p role="alert" className="text-xs text-red-700">
            {errorText(save.error)}
          </p>
        )}
        <div className="flex gap-2">
          <button
            type="submit"
            disabled={save.isPending || evaluation.errors.length > 0}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {t('admin.save')}
          </button>
          <button type="button" className="rounded-md px-3 py-1.5 text-xs text-slate-600 hover:bg-slate-100" onClick={() => setDraft(null)}>
            {t('customer.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
