import { en } from '@/lib/i18n/en';
import { fill } from '@/lib/i18n/fill';

export type ServerErrorKey = keyof typeof en.serverErrors;
export type ErrorParams = Record<string, string | number>;

/**
 * An expected failure a user can act on. It carries a message key and its parameters, so every client
 * shows it in its reader's language (the agent UI, the widget, the public form); the English text is the
 * message for logs and for clients that know no keys. tRPC maps `code` to its HTTP status.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'FORBIDDEN' | 'CONFLICT' | 'TOO_MANY_REQUESTS',
    public readonly key: ServerErrorKey,
    public readonly params: ErrorParams = {},
    /** Machine-readable specifics for the client, e.g. field-level errors of a form. */
    public readonly details?: unknown,
  ) {
    super(fill(en.serverErrors[key], params));
    this.name = 'DomainError';
  }
}
