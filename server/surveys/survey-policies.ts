import { type Db, transact } from '@/db/client';
import * as sq from '@/db/queries/surveys';
import { listTeams } from '@/db/queries/agents';
import { findFormVersion, listForms } from '@/db/queries/forms';
import { validateSurveyPolicy, type SurveyProblem } from '@/lib/surveys/survey-policy';
import { en } from '@/lib/i18n/en';
import { fill } from '@/lib/i18n/fill';
import { DomainError } from '@/server/errors/domain-error';

/** The policies in the order they are tried, as the settings page lists them. */
export function listSurveyPolicies(db: Db) {
  return sq.listSurveyPolicies(db).map(({ definition, ...p }) => ({ ...p, ...definition }));
}

/**
 * Creates (no id) or replaces a policy after every check of lib/surveys/survey-policy.ts plus the
 * references only the server can see. Surveys already planned keep their job; when it runs it reads the
 * policy as it is then (turned off: skipped with that reason).
 */
export function saveSurveyPolicy(db: Db, id: number | null, input: unknown, now = Date.now()) {
  const checked = validateSurveyPolicy(input, {
    teamIds: new Set(listTeams(db).map((t) => t.id)),
    forms: new Map(listForms(db).map((f) => [f.id, findFormVersion(db, f.id, f.currentVersion)!.definition])),
  });
  const problems: SurveyProblem[] = checked.ok ? [] : [...checked.problems];
  if (checked.ok) {
    const name = checked.policy.name;
    const same = sq.listSurveyPolicies(db).find((p) => p.name.toLowerCase() === name.toLowerCase() && p.id !== id);
    if (same) problems.push({ path: 'name', code: 'name_taken', params: { name: same.name } });
  }
  if (!checked.ok || problems.length) refuse(problems);
  const { name, enabled, ...definition } = checked.policy;
  return transact(db, (tx) => {
    if (id === null) return { id: sq.insertSurveyPolicy(tx, { name, enabled, definition, now }).id };
    if (!sq.findSurveyPolicy(tx, id)) throw new DomainError('NOT_FOUND', 'survey_policy_not_found', { id });
    sq.updateSurveyPolicy(tx, id, { name, enabled, definition, now });
    return { id };
  });
}

export function reorderSurveyPolicies(db: Db, ids: number[]) {
  const existing = sq.listSurveyPolicies(db).map((p) => p.id);
  if (ids.length !== existing.length || new Set(ids).size !== ids.length || !existing.every((id) => ids.includes(id))) {
    throw new DomainError('BAD_REQUEST', 'survey_order_incomplete');
  }
  transact(db, (tx) => sq.setSurveyPolicyPositions(tx, ids));
}

/** Answers keep their question (stored with each survey sent); planned sends of the policy are skipped. */
export function deleteSurveyPolicy(db: Db, id: number) {
  if (!sq.findSurveyPolicy(db, id)) throw new DomainError('NOT_FOUND', 'survey_policy_not_found', { id });
  sq.deleteSurveyPolicy(db, id);
}

function refuse(problems: SurveyProblem[]): never {
  const texts = { ...en.slaProblems, ...en.surveyProblems } as Record<string, string>;
  const summary = problems.map((p) => `${p.path}: ${fill(texts[p.code] ?? p.code, p.params)}`).join('; ');
  throw new DomainError('BAD_REQUEST', 'survey_policy_invalid', { problems: summary }, { problems });
}
