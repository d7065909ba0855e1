/** A download refused or abandoned (too large, too slow, an error answer): the reason is shown with the message. */
export class DownloadRefused extends Error {}

/**
 * Fetches a platform's file with limits: at most `maxBytes` (refused from the declared length, or
 * abandoned once the stream passes it) and `timeoutMs` for the whole download, so one slow file never
 * holds the queue.
 */
export async function fetchBounded(
  url: string,
  o: { headers?: Record<string, string>; maxBytes: number; timeoutMs: number },
): Promise<{ body: Buffer; contentType: string }> {
  let res: Response;
  try {
    res = await fetch(url, { headers: o.headers, signal: AbortSignal.timeout(o.timeoutMs), redirect: 'follow' });
  } catch (err) {
    throw new DownloadRefused(
      err instanceof Error && err.name === 'TimeoutError' ? `took longer than ${o.timeoutMs / 1000} s` : `could not be fetched (${String(err)})`,
    );
  }
  if (!res.ok) throw new DownloadRefused(`the platform answered ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > o.maxBytes) {
    await res.body?.cancel();
    throw new DownloadRefused(`is larger than ${Math.round(o.maxBytes / 1024 / 1024)} MB`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > o.maxBytes) throw new DownloadRefused(`is larger than ${Math.round(o.maxBytes / 1024 / 1024)} MB`);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof DownloadRefused) throw err;
    throw new DownloadRefused(
      err instanceof Error && err.name === 'TimeoutError' ? `took longer than ${o.timeoutMs / 1000} s` : `was cut off (${String(err)})`,
    );
  }
  return { body: Buffer.concat(chunks), contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
}
