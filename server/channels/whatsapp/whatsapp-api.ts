import type { WhatsappSettings } from '@/lib/channel-settings/whatsapp';
import { PermanentDeliveryError, RetryLaterError } from '../channel-adapter';

/**
 * The WhatsApp Cloud API calls we make (Graph API, https://developers.facebook.com/docs/whatsapp/cloud-api):
 * send a message, look up a media file, read the number for "test connection". The base URL comes from
 * the channel's settings, so tests and staging talk to a local server by the same code path.
 */

const TIMEOUT_MS = 15_000;

/** Graph error codes that retrying cannot fix: the window closed, the recipient, the token, the template. */
const PERMANENT = new Set([
  10, 100, 190, 200, 131008, 131009, 131021, 131026, 131030, 131031, 131047, 131051, 131052, 131053, 132000, 132001, 132005, 132007, 132012, 132015, 132016,
  133010,
]);
/** Rate limits (throughput, pair rate, spam rate, application and account limits): retry later. */
const RATE_LIMITED = new Set([4, 613, 80007, 130429, 131048, 131056]);
const DEFAULT_RETRY_AFTER_MS = 60_000;

type GraphErrorBody = { error?: { message?: string; code?: number; error_data?: { details?: string } } };

/** The platform's words for a failure, e.g. `131047 Re-engagement message: More than 24 hours have passed…`. */
export function graphErrorText(code: number | null, message: string, details?: string) {
  const title = message.replace(/^\(#\d+\)\s*/, '');
  return `${code ?? 'HTTP'} ${title}${details && details !== title ? `: ${details}` : ''}`.slice(0, 500);
}

async function graph(settings: WhatsappSettings, token: string, path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<unknown> {
  let res: Response;
  const form = init.body instanceof FormData;
  try {
    res = await fetch(`${settings.apiBaseUrl}/${path}`, {
      method: init.method,
      headers: { authorization: `Bearer ${token}`, ...(init.body && !form ? { 'content-type': 'application/json' } : {}) },
      body: form ? (init.body as FormData) : init.body ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    // Network trouble or a timeout: worth another try.
    throw new Error(`WhatsApp API not reachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const body = (await res.json().catch(() => ({}))) as GraphErrorBody;
  if (res.ok) return body;
  const code = body.error?.code ?? null;
  const text = graphErrorText(code, body.error?.message ?? `HTTP ${res.status}`, body.error?.error_data?.details);
  if (res.status === 429 || (code !== null && RATE_LIMITED.has(code))) {
    const seconds = Number(res.headers.get('retry-after'));
    throw new RetryLaterError(text, seconds > 0 ? seconds * 1000 : DEFAULT_RETRY_AFTER_MS);
  }
  if ((code !== null && PERMANENT.has(code)) || (res.status >= 400 && res.status < 500)) throw new PermanentDeliveryError(text);
  throw new Error(text);
}

/** Sends one message (text, template, media) to a WhatsApp user; returns the platform's message id (wamid). */
export async function sendWhatsapp(settings: WhatsappSettings, token: string, to: string, message: Record<string, unknown>): Promise<string> {
  const answer = (await graph(settings, token, `${settings.phoneNumberId}/messages`, {
    method: 'POST',
    body: { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message },
  })) as { messages?: { id?: string }[] };
  const id = answer.messages?.[0]?.id;
  if (!id) throw new Error('The WhatsApp API accepted the message but named no message id');
  return id;
}

/** Uploads one of the agent's files for sending (the Cloud API sends media by the id it returns). */
export async function uploadMedia(settings: WhatsappSettings, token: string, file: { blob: Blob; filename: string; contentType: string }): Promise<string> {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', file.contentType);
  form.set('file', file.blob, file.filename);
  const answer = (await graph(settings, token, `${settings.phoneNumberId}/media`, { method: 'POST', body: form })) as { id?: string };
  if (!answer.id) throw new Error('The WhatsApp API took the file but named no media id');
  return answer.id;
}

/** Where a received media file can be downloaded (a short-lived URL that wants the same token), and its size. */
export async function mediaInfo(settings: WhatsappSettings, token: string, mediaId: string) {
  const info = (await graph(settings, token, encodeURIComponent(mediaId), { method: 'GET' })) as { url?: string; mime_type?: string; file_size?: number };
  if (!info.url) throw new PermanentDeliveryError(`The WhatsApp API gave no download address for media ${mediaId}`);
  return { url: info.url, mimeType: info.mime_type ?? 'application/octet-stream', size: info.file_size ?? null };
}

/** "Test connection": the number as the platform knows it, or the platform's error in its words. */
export async function describeNumber(settings: WhatsappSettings, token: string): Promise<{ ok: true; answer: string } | { ok: false; answer: string }> {
  try {
    const n = (await graph(settings, token, `${settings.phoneNumberId}?fields=display_phone_number,verified_name,quality_rating`, { method: 'GET' })) as {
      display_phone_number?: string;
      verified_name?: string;
      quality_rating?: string;
    };
    return { ok: true, answer: [n.verified_name, n.display_phone_number, n.quality_rating && `quality ${n.quality_rating}`].filter(Boolean).join(' · ') };
  } catch (err) {
    return { ok: false, answer: err instanceof Error ? err.message : String(err) };
  }
}
