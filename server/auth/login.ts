import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/db/client';
import { findAgentByEmail } from '@/db/queries/agents';
import { DomainError } from '@/server/errors/domain-error';
import { verifyPassword, hashPassword } from './password';
import { createSession } from './sessions';

// Two limits: per client address (spraying many accounts) and per account (guessing one password from
// many addresses). An attempt takes its point before the password is checked (consume is atomic), so a
// burst of concurrent attempts cannot all pass a check made before any of them counted; a successful
// sign-in gives the address its point back and clears the account's count.
const perIp = new RateLimiterMemory({ points: 30, duration: 15 * 60 });
const perAccount = new RateLimiterMemory({ points: 8, duration: 15 * 60 });

// Verifying against a fixed hash when the account does not exist keeps response times equal, so the
// login form does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

export async function login(db: Db, input: { email: string; password: string; ip: string }, ttlMs: number) {
  const email = input.email.trim().toLowerCase();
  for (const [limiter, key] of [
    [perIp, input.ip],
    [perAccount, email],
  ] as const) {
    try {
      await limiter.consume(key);
    } catch (res) {
      if (res instanceof Error) throw res;
      throw new DomainError('TOO_MANY_REQUESTS', 'too_many_sign_in_attempts', { minutes: Math.ceil((res as RateLimiterRes).msBeforeNext / 60_000) });
    }
  }

  const agent = findAgentByEmail(db, email);
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = await verifyPassword(input.password, agent?.passwordHash ?? (await dummyHash));
  if (!agent || !ok || !agent.active) throw new DomainError('BAD_REQUEST', 'wrong_credentials');
  await Promise.all([perIp.reward(input.ip, 1), perAccount.delete(email)]);
  return { agent, ...createSession(db, agent.id, ttlMs) };
}
