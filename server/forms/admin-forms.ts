import { type Db, type Queryable, transact } from '@/db/client';
import { findForm, findFormBySlug, findFormVersion, insertForm } from '@/db/queries/forms';
import { DomainError } from '@/server/errors/domain-error';

/** A form as the builder edits it: its settings and the current version's definition, routing included. */
export function getFormForEditing(db: Queryable, id: number) {
  const form = findForm(db, id);
  if (!form) throw new DomainError('NOT_FOUND', 'form_not_found', { id });
  return { ...form, definition: findFormVersion(db, form.id, form.currentVersion)!.definition };
}

/** A copy of the form's current version under a free slug ("kontakt-copy", "kontakt-copy-2", …), starting at version 1. */
export function duplicateForm(db: Db, id: number, now = Date.now()) {
  return transact(db, (tx) => {
    const source = getFormForEditing(tx, id);
    const base = `${source.slug.slice(0, 50)}-copy`;
    let slug = base;
    for (let n = 2; findFormBySlug(tx, slug); n++) slug = `${base}-${n}`;
    const row = insertForm(tx, { slug, name: `${source.name} (copy)`.slice(0, 100), channelId: source.channelId, definition: source.definition, now });
    return { id: row.id, slug };
  });
}
