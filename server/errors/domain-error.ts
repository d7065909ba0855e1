/** An expected failure a user can act on; tRPC maps `code` to its HTTP status and shows `message`. */
export class DomainError extends Error {
  constructor(
    public readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'FORBIDDEN' | 'CONFLICT',
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
