'use client';

import { useTranslations } from 'use-intl';
import { parseMessageRef } from '@/lib/i18n/message-ref';

/**
 * Shows a text the server stored as a message ref (lib/i18n/message-ref.ts) in the reader's language;
 * a plain stored text (older rows, a mail server's own answer) stays as it is.
 */
export function useStoredText(namespace: 'serverErrors' | 'message.deliveryErrors') {
  const t = useTranslations(namespace);
  return (stored: string): string => {
    const ref = parseMessageRef(stored);
    return ref && t.has(ref.key as never) ? t(ref.key as never, ref.params as never) : stored;
  };
}
