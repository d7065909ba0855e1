type Resolve = (name: string, rrtype: string) => Promise<unknown>;

/**
 * A cache in front of the resolver the mail checks use: most mail comes from a few domains, and SPF,
 * DKIM and DMARC ask several names per message. Answers are kept `ttlMs`; "no such name" and "no such
 * record" answers `negativeTtlMs` (they are answers too); other failures (time-outs) are not kept.
 * Concurrent asks for the same name share one query. Oldest entries go first past `max`.
 */
export function cachedResolver(resolve: Resolve, { ttlMs = 5 * 60_000, negativeTtlMs = 60_000, max = 10_000, now = () => Date.now() } = {}): Resolve {
  const cache = new Map<string, { until: number; answer: Promise<unknown> }>();
  return (name, rrtype) => {
    const key = `${rrtype} ${name.toLowerCase()}`;
    const hit = cache.get(key);
    if (hit && hit.until > now()) return hit.answer;
    const answer = resolve(name, rrtype);
    const entry = { until: Infinity, answer };
    cache.delete(key);
    cache.set(key, entry);
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    answer.then(
      () => (entry.until = now() + ttlMs),
      (err: { code?: string }) => {
        if (err?.code === 'ENOTFOUND' || err?.code === 'ENODATA') entry.until = now() + negativeTtlMs;
        else if (cache.get(key) === entry) cache.delete(key);
      },
    );
    return answer;
  };
}
