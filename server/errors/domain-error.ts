/** An expected failure a user can act on; tRPC maps `code` to its HTTP status and shows `message`. */
export class DomainError extends Error {
  constructor(
    public readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'FORBIDDEN' | 'CONFLICT' | 'TOO_MANY_REQUESTS',
    message: string,
    /** Machine-readable specifics for the client, e.g. field-level errors of a form. */
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
