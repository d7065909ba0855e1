'use client';

import { useTranslations } from 'use-intl';

type KeyedError = { message: string; data?: unknown };

/**
 * Says a server refusal in the agent's language: tRPC errors carry the message key and parameters of
 * the server's DomainError (its English text is the fallback, as for input the server could not parse).
 */
export function useErrorText() {
  const t = useTranslations('serverErrors');
  return (error: KeyedError | null | undefined): string => {
    if (!error) return '';
    const data = (error.data ?? {}) as { key?: unknown; params?: Record<string, string | number> };
    return typeof data.key === 'string' && t.has(data.key as never) ? t(data.key as never, (data.params ?? {}) as never) : error.message;
  };
}
