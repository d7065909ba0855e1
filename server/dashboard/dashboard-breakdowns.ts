import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agents, tags, teams } from '@/db/schema';
import { breakdown, type BreakdownRow, type Dimension } from '@/db/queries/metrics-breakdowns';
import { findFormVersion, listForms } from '@/db/queries/forms';
import type { LocalizedText } from '@/lib/forms/form-definition';
import type { DashboardScope } from './dashboard-scope';

/**
 * A breakdown with its groups named: teams, agents and tags by name; form answers by the form, the
 * field's label and the option's label (in both languages, the page picks); channels and priorities stay
 * keys for the page to translate. Contact reasons are the tag and form-answer breakdowns.
 */
export type NamedBreakdownRow = BreakdownRow & {
  label: string | null;
  fieldLabel: LocalizedText | null;
  optionLabel: LocalizedText | null;
  form: string | null;
  /** With `compare`: the group's tickets in the period before (its trend); null when not asked. */
  previousN: number | null;
};

type SelectField = { formId: number; form: string; key: string; label: LocalizedText; options: Map<string, LocalizedText> };

function selectFieldsOfForms(db: Db): SelectField[] {
  return listForms(db).flatMap((form) =>
    (findFormVersion(db, form.id, form.currentVersion)?.definition.fields ?? [])
      .filter((f) => f.type === 'select')
      .map((f) => ({ formId: form.id, form: form.name, key: f.key, label: f.label, options: new Map((f.options ?? []).map((o) => [o.value, o.label])) })),
  );
}

const namesOf = (db: Db, table: typeof teams | typeof agents | typeof tags, ids: number[]) =>
  new Map(
    ids.length
      ? db
          .select({ id: table.id, name: table.name })
          .from(table)
          .where(inArray(table.id, ids))
          .all()
          .map((r) => [r.id, r.name])
      : [],
  );

export function namedBreakdown(db: Db, scope: DashboardScope, dimension: Dimension, compare = false): NamedBreakdownRow[] {
  const fields = dimension === 'form_answer' ? selectFieldsOfForms(db) : [];
  const keys = [...new Set(fields.map((f) => f.key))];
  const rows = breakdown(db, scope.current, dimension, keys);
  const groupOf = (r: BreakdownRow) => `${r.formId}|${r.field}|${r.key}`;
  const before = compare ? new Map(breakdown(db, scope.before, dimension, keys, { durations: false }).map((r) => [groupOf(r), r.n])) : null;
  const previousN = (r: BreakdownRow) => (before ? (before.get(groupOf(r)) ?? 0) : null);
  const table = dimension === 'team' ? teams : dimension === 'agent' ? agents : dimension === 'tag' ? tags : null;
  const names = table
    ? namesOf(
        db,
        table,
        rows.flatMap((r) => (typeof r.key === 'number' ? [r.key] : [])),
      )
    : new Map<number, string>();
  return rows.flatMap((r): NamedBreakdownRow[] => {
    if (dimension === 'form_answer') {
      const field = fields.find((f) => f.formId === r.formId && f.key === r.field);
      // An answer to a field that is no longer a select in the form's current version: not a reason any more.
      if (!field) return [];
      return [
        {
          ...r,
          label: String(r.key),
          form: field.form,
          fieldLabel: field.label,
          optionLabel: field.options.get(String(r.key)) ?? null,
          previousN: previousN(r),
        },
      ];
    }
    return [
      { ...r, label: typeof r.key === 'number' ? (names.get(r.key) ?? null) : null, form: null, fieldLabel: null, optionLabel: null, previousN: previousN(r) },
    ];
  });
}
