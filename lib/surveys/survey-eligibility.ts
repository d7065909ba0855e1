import type { SkipReason } from './survey-policy';

/** What the send job knows about a ticket when its survey is due (server/surveys/send-survey.ts gathers it). */
export type SurveyFacts = {
  policyEnabled: boolean;
  /** Still solved (or closed) in the cycle the survey was planned for. */
  stillSolvedInCycle: boolean;
  /** The customer wrote anywhere (this ticket or a new one) after it was solved. */
  customerWroteSince: boolean;
  isSpam: boolean;
  /** The ticket came from a robot (an auto-reply, a bulk mail). */
  automatic: boolean;
  publicAgentReplies: number;
  /** The last public reply never reached the customer (a bounce, a refused message). */
  lastReplyFailed: boolean;
  optedOut: boolean;
  /** When this customer was last sent a survey (any ticket), null: never. */
  lastSurveyedAt: number | null;
  quietDays: number;
  now: number;
};

const DAY = 24 * 3600_000;

/**
 * Whether a planned survey still goes out, and if not, the one reason recorded on the ticket. The order
 * is the order of questions a person would ask: is it still wanted at all, is it about a real
 * conversation, may we ask this customer now. Reachability on the channel is checked after this.
 */
export function surveySkipReason(f: SurveyFacts): SkipReason | null {
  if (!f.policyEnabled) return 'policy_disabled';
  if (!f.stillSolvedInCycle) return 'reopened';
  if (f.customerWroteSince) return 'customer_wrote_again';
  if (f.isSpam) return 'spam';
  if (f.automatic) return 'automatic';
  if (f.publicAgentReplies === 0) return 'no_agent_reply';
  if (f.lastReplyFailed) return 'bounced';
  if (f.optedOut) return 'opted_out';
  if (f.quietDays > 0 && f.lastSurveyedAt !== null && f.now - f.lastSurveyedAt < f.quietDays * DAY) return 'recently_surveyed';
  return null;
}
