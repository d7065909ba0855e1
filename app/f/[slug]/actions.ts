'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { getConfig } from '@/server/runtime-config';
import { getPublicForm } from '@/server/forms/public-form';
import { submitForm } from '@/server/forms/submit-form';
import { DomainError } from '@/server/errors/domain-error';
import { answersFromFormData } from '@/lib/forms/form-data';
import type { FieldError } from '@/lib/forms/evaluate-form';
import type { Answers } from '@/lib/forms/form-definition';
import { findTicket } from '@/db/queries/tickets';
import { consumePublicSubmission } from '@/server/forms/submission-limit';
import { CLIENT_IP_HEADER } from '@/server/http/client-ip';
import { uploadedFiles } from '@/server/forms/uploaded-files';
import { getRequestLocale } from '@/server/auth/current-viewer';
import { catalogs } from '@/lib/i18n';
import { fill } from '@/lib/i18n/fill';

export type PublicFormState =
  | { status: 'idle' }
  | { status: 'sent'; ticketNumber: number }
  | { status: 'error'; message: string; fieldErrors: FieldError[]; answers: Answers; token: string; version: number };

/** The form's server action: the same path with and without JavaScript. */
export async function submitPublicForm(_prev: PublicFormState, data: FormData): Promise<PublicFormState> {
  const db = getDb();
  const secret = getConfig().sessionSecret;
  const slug = String(data.get('slug') ?? '');
  // The visitor's language, as the page chose it: refusals are said in it.
  const locale = await getRequestLocale(null);
  const texts = catalogs[locale].serverErrors;
  let current;
  try {
    current = getPublicForm(db, slug, secret);
  } catch {
    return { status: 'error', message: texts.public_form_not_found, fieldErrors: [], answers: {}, token: '', version: 0 };
  }
  const answers = answersFromFormData(current.definition, data);
  try {
    await consumePublicSubmission((await headers()).get(CLIENT_IP_HEADER) ?? 'unknown');
    const files = await uploadedFiles(current.definition, data);
    const { ticketId } = await submitForm(
      db,
      {
        slug,
        version: Number(data.get('version')),
        answers,
        token: String(data.get('token') ?? ''),
        honeypot: String(data.get('website') ?? ''),
        files,
        locale,
      },
      secret,
    );
    return { status: 'sent', ticketNumber: findTicket(db, ticketId)!.number };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const details = err.details as { fieldErrors?: FieldError[] } | undefined;
    // A fresh token and the current version, so the corrected form can be sent again. Browsers never
    // refill a file input, so file answers are dropped and the engine asks for the files again.
    const kept = Object.fromEntries(Object.entries(answers).filter(([k]) => current.definition.fields.find((f) => f.key === k)?.type !== 'file'));
    return {
      status: 'error',
      message: fill(texts[err.key], err.params),
      fieldErrors: details?.fieldErrors ?? [],
      answers: kept,
      token: current.token,
      version: current.version,
    };
  }
}
