import type { MessengerSettings } from '@/lib/channel-settings/messenger';
import { PermanentDeliveryError, RetryLaterError } from '../channel-adapter';
import { graphErrorText } from '../whatsapp/whatsapp-api';

/**
 * The Messenger Platform calls we make (Graph API, https://developers.facebook.com/docs/messenger-platform):
 * the Send API (`POST /me/messages`), a sender's public profile, and the page for "test connection".
 * The base URL comes from the channel's settings, so tests talk to a local server by the same code path.
 */

const TIMEOUT_MS = 15_000;
/** Outside the window, the user cannot be reached, the token or permissions, bad parameters. */
const PERMANENT = new Set([10, 100, 190, 200, 230, 551, 2018001, 2018108, 2018278]);
/** Application, page and call-volume limits. */
const RATE_LIMITED = new Set([4, 17, 32, 613]);

type GraphErrorBody = { error?: { message?: string; code?: number; error_subcode?: number } };

async function graph(settings: MessengerSettings, token: string, path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  const form = body instanceof FormData;
  try {
    res = await fetch(`${settings.apiBaseUrl}/${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, ...(body && !form ? { 'content-type': 'application/json' } : {}) },
      body: form ? (body as FormData) : body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new Error(`Messenger API not reachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const answer = (await res.json().catch(() => ({}))) as GraphErrorBody;
  if (res.ok) return answer;
  const code = answer.error?.error_subcode && PERMANENT.has(answer.error.error_subcode) ? answer.error.error_subcode : (answer.error?.code ?? null);
  const text = graphErrorText(answer.error?.code ?? null, answer.error?.message ?? `HTTP ${res.status}`);
  if (res.status === 429 || (code !== null && RATE_LIMITED.has(code))) {
    const seconds = Number(res.headers.get('retry-after'));
    throw new RetryLaterError(text, seconds > 0 ? seconds * 1000 : 60_000);
  }
  if ((code !== null && PERMANENT.has(code)) || (res.status >= 400 && res.status < 500)) throw new PermanentDeliveryError(text);
  throw new Error(text);
}

/** Sends a file to a person as an attachment (uploaded with the message as `filedata`); returns the message id. */
export async function sendMessengerFile(
  settings: MessengerSettings,
  token: string,
  envelope: Record<string, unknown>,
  file: { blob: Blob; filename: string; photo: boolean },
): Promise<string> {
  const form = new FormData();
  for (const [k, v] of Object.entries(envelope)) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  form.set('message', JSON.stringify({ attachment: { type: file.photo ? 'image' : 'file', payload: { is_reusable: false } } }));
  form.set('filedata', file.blob, file.filename);
  return sendMessenger(settings, token, form);
}

/** Sends a message to a person (their page-scoped id); returns the platform's message id. */
export async function sendMessenger(settings: MessengerSettings, token: string, body: Record<string, unknown> | FormData): Promise<string> {
  const answer = (await graph(settings, token, 'me/messages', body)) as { message_id?: string };
  if (!answer.message_id) throw new Error('The Send API accepted the message but named no message id');
  return answer.message_id;
}

/** The sender's name as their public profile gives it to the page (null if the profile is not readable). */
export async function senderName(settings: MessengerSettings, token: string, psid: string): Promise<string | null> {
  try {
    const p = (await graph(settings, token, `${encodeURIComponent(psid)}?fields=first_name,last_name`)) as { first_name?: string; last_name?: string };
    return [p.first_name, p.last_name].filter(Boolean).join(' ') || null;
  } catch {
    return null;
  }
}

export async function describePage(settings: MessengerSettings, token: string): Promise<{ ok: boolean; answer: string }> {
  try {
    const page = (await graph(settings, token, 'me?fields=id,name')) as { id?: string; name?: string };
    return { ok: true, answer: `${page.name ?? '?'} (${page.id ?? '?'})` };
  } catch (err) {
    return { ok: false, answer: err instanceof Error ? err.message : String(err) };
  }
}
