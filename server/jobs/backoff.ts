/**
 * Retry delays that double from `baseMs` up to `maxMs`: attempt 1 waits baseMs, attempt 2 twice that…
 * Shared by the outbox, IMAP polling and the durable jobs, so every retry in the process behaves alike.
 */
export function backoffMs(attempt: number, { baseMs, maxMs }: { baseMs: number; maxMs: number }): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
