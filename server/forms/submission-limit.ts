import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError } from '@/server/errors/domain-error';

// Public submissions per client address: enough for an office behind one address, not for a flood.
// One limiter per process, shared by the tRPC procedure and the page's server action.
const registry = globalThis as unknown as { __helpdeskFormLimit?: RateLimiterMemory };

export async function consumePublicSubmission(ip: string) {
  registry.__helpdeskFormLimit ??= new RateLimiterMemory({ points: 20, duration: 10 * 60 });
  try {
    await registry.__helpdeskFormLimit.consume(ip);
  } catch {
    throw new DomainError('TOO_MANY_REQUESTS', 'too_many_submissions');
  }
}
