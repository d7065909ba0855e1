import { cookies, headers } from 'next/headers';
import { getDb } from '@/db/client';
import { getConfig } from '@/server/runtime-config';
import { SESSION_COOKIE, validateSession, type Viewer } from './sessions';
import { LOCALE_COOKIE, resolveLocale } from '@/server/i18n/resolve-locale';

/** For server components: the signed-in agent of this request, or null. */
export async function getCurrentViewer(): Promise<Viewer | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return validateSession(getDb(), token, getConfig().SESSION_TTL_HOURS * 3600_000);
}

/** For server components: the UI language of this request. */
export async function getRequestLocale(viewer: Viewer | null) {
  const [c, h] = await Promise.all([cookies(), headers()]);
  return resolveLocale({ agentLocale: viewer?.locale, cookie: c.get(LOCALE_COOKIE)?.value, acceptLanguage: h.get('accept-language') });
}
