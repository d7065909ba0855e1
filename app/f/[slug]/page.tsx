import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getConfig } from '@/server/runtime-config';
import { getPublicForm } from '@/server/forms/public-form';
import { DomainError } from '@/server/errors/domain-error';
import { PublicFormView } from './public-form-view';
import { submitPublicForm } from './actions';

export const dynamic = 'force-dynamic';

/** A public intake form: works as a plain HTML form, and with JavaScript shows dependent fields live. */
export default async function PublicFormPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const form = getPublicForm(getDb(), slug, getConfig().sessionSecret);
    return <PublicFormView form={form} action={submitPublicForm} />;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}
