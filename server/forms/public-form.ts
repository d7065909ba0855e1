import type { Db } from '@/db/client';
import { findFormBySlug, findFormVersion } from '@/db/queries/forms';
import { DomainError } from '@/server/errors/domain-error';
import { issueFormToken } from './form-token';

/** What a public form page needs: the current fields and rules (routing stays internal) and a fill token. */
export function getPublicForm(db: Db, slug: string, secret: string) {
  const form = findFormBySlug(db, slug);
  if (!form) throw new DomainError('NOT_FOUND', 'public_form_not_found');
  const { routing: _routing, ...definition } = findFormVersion(db, form.id, form.currentVersion)!.definition;
  return { name: form.name, slug: form.slug, version: form.currentVersion, definition, token: issueFormToken(secret, Date.now()) };
}
export type PublicForm = ReturnType<typeof getPublicForm>;
