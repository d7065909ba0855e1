import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError } from '@/server/errors/domain-error';

// Public submissions per client address: enough for an office behind one address, not for a flood.
// One limiter per process, shared by the tRPC procedure and the page's server action.
const registry = globalThis as unknown as { __helpdeskFormLimit?: RateLimiterMemory; __helpdeskSurveyLimit?: RateLimiterMemory };

export async function consumePublicSubmission(ip: string) {
  registry.__helpdeskFormLimit ??= new RateLimiterMemory({ points: 20, duration: 10 * 60 });
  try {
    await registry.__helpdeskFormLimit.consume(ip);
  } catch {
    throw new DomainError('TOO_MANY_REQUESTS', 'too_many_submissions');
  }
}

/**
 * Survey answers per client address (the page, the widget, the JSON endpoint): a tap is an answer and a
 * comment another, and an office shares one address, so more than forms; a flood still stops.
 */
export async function consumeSurveyAnswer(ip: string) {
  registry.__helpdeskSurveyLimit ??= new RateLimiterMemory({ points: 60, duration: 10 * 60 });
  try {
    await registry.__helpdeskSurveyLimit.consume(ip);
  } catch {
    throw new DomainError('TOO_MANY_REQUESTS', 'too_many_submissions');
  }
}
