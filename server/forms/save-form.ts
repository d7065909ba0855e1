import { type Db, transact } from '@/db/client';
import { findForm, findFormBySlug, insertForm, insertFormVersion } from '@/db/queries/forms';
import { findChannel } from '@/db/queries/inbound';
import { problemText, validateDefinition } from '@/lib/forms/validate-definition';
import { en } from '@/lib/i18n/en';
import { DomainError } from '@/server/errors/domain-error';

export type SaveFormInput = {
  id: number | null;
  slug: string;
  name: string;
  channelId: number;
  definition: unknown;
  /** The version the editor started from; a newer one means someone else saved meanwhile. */ baseVersion?: number;
};

/** Creates a form or adds a new version; refuses definitions the engine cannot run, naming the problems. */
export function saveForm(db: Db, input: SaveFormInput) {
  const checked = validateDefinition(input.definition);
  if (!checked.ok)
    throw new DomainError(
      'BAD_REQUEST',
      'form_definition_invalid',
      { problems: checked.problems.map((p) => problemText(en.formProblems, p)).join('; ') },
      { problems: checked.problems },
    );
  if (findChannel(db, input.channelId)?.kind !== 'email') throw new DomainError('BAD_REQUEST', 'form_needs_inbox');
  const sameSlug = findFormBySlug(db, input.slug);
  if (sameSlug && sameSlug.id !== input.id) throw new DomainError('CONFLICT', 'form_slug_taken', { slug: input.slug });
  const now = Date.now();
  return transact(db, (tx) => {
    if (input.id === null) return { id: insertForm(tx, { ...input, definition: checked.form, now }).id, version: 1 };
    const current = findForm(tx, input.id);
    if (!current) throw new DomainError('NOT_FOUND', 'form_not_found', { id: String(input.id) });
    if (input.baseVersion !== undefined && input.baseVersion !== current.currentVersion) {
      throw new DomainError('CONFLICT', 'form_saved_meanwhile', { version: current.currentVersion });
    }
    return insertFormVersion(tx, input.id, { ...input, definition: checked.form, now });
  });
}
