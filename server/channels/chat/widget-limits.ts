import { RateLimiterMemory } from 'rate-limiter-flexible';
import { getConfig } from '@/server/runtime-config';
import { DomainError, type ServerErrorKey } from '@/server/errors/domain-error';

type Limiters = {
  visitor: RateLimiterMemory;
  ipMessages: RateLimiterMemory;
  ipConversations: RateLimiterMemory;
  transcripts: RateLimiterMemory;
  attributes: RateLimiterMemory;
};

// One set per process (shared with Next's module copies through globalThis), sized from the config.
const registry = globalThis as unknown as { __helpdeskWidgetLimits?: Limiters };

function limiters(): Limiters {
  const c = getConfig();
  registry.__helpdeskWidgetLimits ??= {
    visitor: new RateLimiterMemory({ points: c.WIDGET_VISITOR_MESSAGES_PER_MINUTE, duration: 60 }),
    ipMessages: new RateLimiterMemory({ points: c.WIDGET_IP_MESSAGES_PER_MINUTE, duration: 60 }),
    ipConversations: new RateLimiterMemory({ points: c.WIDGET_IP_CONVERSATIONS_PER_HOUR, duration: 3600 }),
    transcripts: new RateLimiterMemory({ points: 3, duration: 3600 }),
    // A site sets attributes when the page loads and when something changes, not in a loop.
    attributes: new RateLimiterMemory({ points: 20, duration: 60 }),
  };
  return registry.__helpdeskWidgetLimits;
}

async function take(limiter: RateLimiterMemory, key: string, error: ServerErrorKey) {
  try {
    await limiter.consume(key);
  } catch {
    throw new DomainError('TOO_MANY_REQUESTS', error);
  }
}

export async function consumeWidgetMessage(visitorId: string, ip: string) {
  await take(limiters().visitor, visitorId, 'sending_too_fast');
  await take(limiters().ipMessages, ip, 'network_too_many_messages');
}

export async function consumeWidgetConversation(ip: string) {
  await take(limiters().ipConversations, ip, 'network_too_many_conversations');
}

export async function consumeTranscript(visitorId: string) {
  await take(limiters().transcripts, visitorId, 'too_many_transcripts');
}

/** Whether a visitor's attribute update is within its rate; past it, updates are dropped quietly (the site's script sends them, not a person). */
export async function allowAttributeUpdate(visitorId: string): Promise<boolean> {
  try {
    await limiters().attributes.consume(visitorId);
    return true;
  } catch {
    return false;
  }
}
