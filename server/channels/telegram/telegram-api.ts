import type { TelegramSettings } from '@/lib/channel-settings/telegram';
import { PermanentDeliveryError, RetryLaterError } from '../channel-adapter';

/**
 * The Telegram Bot API calls we make (https://core.telegram.org/bots/api): every method is
 * `<base>/bot<token>/<method>` answering `{ ok, result }` or `{ ok: false, error_code, description,
 * parameters }`. The base URL comes from the channel's settings, so tests talk to a local server by the
 * same code path.
 */

const TIMEOUT_MS = 15_000;
type Answer<T> = { ok: boolean; result?: T; error_code?: number; description?: string; parameters?: { retry_after?: number } };

/** "Forbidden: bot was blocked by the user": the customer has stopped the bot. */
export const isBlockedByUser = (err: unknown) => err instanceof PermanentDeliveryError && /blocked by the user/i.test(err.message);

export async function telegramCall<T>(settings: TelegramSettings, token: string, method: string, body: Record<string, unknown> | FormData): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${settings.apiBaseUrl}/bot${token}/${method}`, {
      method: 'POST',
      headers: body instanceof FormData ? {} : { 'content-type': 'application/json' },
      body: body instanceof FormData ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new Error(`Telegram not reachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const answer = (await res.json().catch(() => ({ ok: false, description: `HTTP ${res.status}` }))) as Answer<T>;
  if (answer.ok && answer.result !== undefined) return answer.result;
  const code = answer.error_code ?? res.status;
  const text = `${code} ${answer.description ?? 'error'}`.slice(0, 500);
  if (code === 429) throw new RetryLaterError(text, (answer.parameters?.retry_after ?? 30) * 1000);
  if (code >= 400 && code < 500) throw new PermanentDeliveryError(text);
  throw new Error(text);
}

/** Where a received file can be downloaded (valid for an hour), and its size. */
export async function fileUrl(settings: TelegramSettings, token: string, fileId: string) {
  const file = await telegramCall<{ file_path?: string; file_size?: number }>(settings, token, 'getFile', { file_id: fileId });
  if (!file.file_path) throw new PermanentDeliveryError('Telegram gave no download path (files over 20 MB cannot be fetched by bots)');
  return { url: `${settings.apiBaseUrl}/file/bot${token}/${file.file_path}`, size: file.file_size ?? null };
}
