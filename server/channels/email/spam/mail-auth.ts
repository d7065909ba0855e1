import { Resolver } from 'node:dns/promises';
import { authenticate } from 'mailauth';
import type { AuthResult, MailAuthentication } from '@/lib/mail-checks';
import { cachedResolver } from './dns-cache';

export type MailAuthOptions = { ip: string; helo: string | null; mailFrom: string | null; dnsServers?: string[]; timeoutMs: number };

type Resolve = (name: string, rrtype: string) => Promise<unknown>;
const resolvers = new Map<string, Resolve>();
/** One cached resolver per server list, so tests and deployments point the checks at their DNS (these machines have none of their own). */
function resolverFor(servers: string[] | undefined, timeoutMs: number): Resolve {
  const key = `${servers?.join(',') ?? ''}|${timeoutMs}`;
  let resolve = resolvers.get(key);
  if (!resolve) {
    const resolver = new Resolver({ timeout: Math.max(100, Math.floor(timeoutMs / 2)), tries: 2 });
    if (servers?.length) resolver.setServers(servers);
    resolvers.set(key, (resolve = cachedResolver((name, rrtype) => resolver.resolve(name, rrtype))));
  }
  return resolve;
}

const normalise = (r: string | undefined): AuthResult => (r === 'temperr' ? 'temperror' : ((r as AuthResult | undefined) ?? 'none'));

/**
 * Checks a message's SPF (the connecting address against the MAIL FROM domain), DKIM signatures and
 * DMARC (alignment with the From domain) with mailauth. A check that cannot finish in time counts as
 * a temporary error, never as a failure: mail is never refused or hidden because DNS was slow.
 */
export async function authenticateMail(raw: Buffer, opts: MailAuthOptions): Promise<MailAuthentication> {
  const resolver = resolverFor(opts.dnsServers, opts.timeoutMs);
  const timedOut: MailAuthentication = { spf: 'temperror', dkim: 'temperror', dmarc: 'temperror', dmarcPolicy: null, fromDomain: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<MailAuthentication>((resolve) => (timer = setTimeout(() => resolve(timedOut), opts.timeoutMs)));
  const check = authenticate(raw, {
    ip: opts.ip,
    helo: opts.helo ?? undefined,
    sender: opts.mailFrom ?? undefined,
    mta: 'helpdesk',
    disableArc: true,
    disableBimi: true,
    resolver: resolver as (name: string, rrtype: string) => Promise<string[][] | string[]>,
  }).then(
    (res): MailAuthentication => {
      const dkim = res.dkim.results ?? [];
      return {
        spf: normalise(res.spf ? res.spf.status.result : 'none'),
        // The best signature counts: one valid signature is enough.
        dkim: dkim.some((d) => d.status.result === 'pass') ? 'pass' : dkim.length ? normalise(dkim[0]!.status.result) : 'none',
        dmarc: normalise(res.dmarc ? res.dmarc.status.result : 'none'),
        dmarcPolicy: res.dmarc ? res.dmarc.policy || null : null,
        fromDomain: res.dkim.headerFrom?.[0]?.split('@').pop()?.toLowerCase() ?? null,
      };
    },
    (): MailAuthentication => timedOut,
  );
  try {
    return await Promise.race([check, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
