import type { Queryable } from '@/db/client';
import { findForm, findFormVersion } from '@/db/queries/forms';
import type { Answers, FormDefinition } from '@/lib/forms/form-definition';
import type { ChatSettings } from './chat-settings';
import type { Visitor } from './widget-visitor';

/** Asked when a channel has no intake form of its own: who is writing, and where to answer if they leave. */
export const BUILTIN_PRECHAT: FormDefinition = {
  version: 1,
  fields: [
    { key: 'name', type: 'text', label: { en: 'Your name', de: 'Ihr Name' }, required: false, hiddenByDefault: false, max: 100, rules: [] },
    {
      key: 'email',
      type: 'email',
      label: { en: 'Email (for our answer if you leave)', de: 'E-Mail (für unsere Antwort, falls Sie gehen)' },
      required: false,
      hiddenByDefault: false,
      rules: [],
    },
  ],
  routing: [],
};

export type Prechat = { form: { id: number; name: string } | null; version: number; definition: FormDefinition };

/** The channel's pre-chat form at its current version, or the built-in one. */
export function prechatOf(db: Queryable, settings: ChatSettings): Prechat {
  const form = settings.formId ? findForm(db, settings.formId) : undefined;
  if (!form) return { form: null, version: 1, definition: BUILTIN_PRECHAT };
  return { form: { id: form.id, name: form.name }, version: form.currentVersion, definition: findFormVersion(db, form.id, form.currentVersion)!.definition };
}

/** Answers an identify call already gave: email fields take the verified email, a "name" field the name. */
export function prefillFor(definition: FormDefinition, identified: Visitor['identified']): Answers {
  if (!identified) return {};
  const out: Answers = {};
  for (const f of definition.fields) {
    if (f.type === 'email') out[f.key] = identified.email;
    else if (f.key === 'name' && identified.name) out[f.key] = identified.name;
  }
  return out;
}
