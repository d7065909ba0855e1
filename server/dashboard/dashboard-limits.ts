import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError } from '@/server/errors/domain-error';

/**
 * How often one signed-in agent may ask for dashboard figures: each panel scans a range of tickets, so a
 * script (or a stuck browser) looping on them would slow everyone's inbox. A page load asks for nine
 * panels; leads changing filters all day stay far below. Exports are heavier and fewer. Shared through
 * globalThis with Next's module copies.
 */
const registry = globalThis as unknown as { __helpdeskDashboardLimits?: { reads: RateLimiterMemory; exports: RateLimiterMemory } };
const limits = () =>
  (registry.__helpdeskDashboardLimits ??= {
    reads: new RateLimiterMemory({ points: 300, duration: 60 }),
    exports: new RateLimiterMemory({ points: 10, duration: 60 }),
  });

async function consume(limiter: RateLimiterMemory, key: string) {
  try {
    await limiter.consume(key);
  } catch {
    throw new DomainError('TOO_MANY_REQUESTS', 'dashboard_rate_limited');
  }
}

export const consumeDashboardRead = (agentId: number) => consume(limits().reads, String(agentId));
export const consumeDashboardExport = (agentId: number) => consume(limits().exports, String(agentId));
