import type { Answers, FormDefinition, RoutingRule } from './form-definition';
import { evaluateGroup } from './conditions';

export type RoutingOutcome = { set: RoutingRule['set']; matched: { id: string; name: string }[] };

/**
 * Routing on the stored answers when the ticket is created: rules in order, the first match wins
 * unless it says continue, in which case later matches add to it (and win where they overlap; tags
 * accumulate). The matched rules are returned so the ticket event can say which one decided.
 */
export function routeAnswers(form: FormDefinition, answers: Answers): RoutingOutcome {
  const outcome: RoutingOutcome = { set: {}, matched: [] };
  for (const rule of form.routing) {
    if (!evaluateGroup(rule.when, answers)) continue;
    const tags = [...new Set([...(outcome.set.tags ?? []), ...(rule.set.tags ?? [])])];
    outcome.set = { ...outcome.set, ...rule.set, ...(tags.length ? { tags } : {}) };
    outcome.matched.push({ id: rule.id, name: rule.name });
    if (!rule.continue) break;
  }
  return outcome;
}
