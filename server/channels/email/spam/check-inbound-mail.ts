import type { Config } from '@/server/config';
import type { InboundChecks, UpstreamVerdict } from '@/lib/mail-checks';
import { authenticateMail } from './mail-auth';
import { spamdCheck } from './spamc';

/** Where the mail came from, as the SMTP conversation showed it (IMAP knows none of it). */
export type Arrival = { clientIp: string | null; helo: string | null; mailFrom: string | null };

export type InboundVerdict = {
  /** Kept on the message, so an agent sees why it was held back. */
  checks: InboundChecks;
  /** Held back from the default views (the Spam view shows it) and never acknowledged. */
  quarantine: 'spam' | 'dmarc' | null;
  /** DMARC failed: the From address is forged or mangled, so it proves nothing and threads on nothing weak. */
  dmarcFailed: boolean;
};

type CheckConfig = Pick<Config, 'SPAMD_HOST' | 'SPAMD_PORT' | 'SPAMD_TIMEOUT_MS' | 'MAIL_AUTH' | 'DNS_SERVERS' | 'MAIL_AUTH_TIMEOUT_MS'>;

/**
 * Runs the checks that apply (spamd when configured; SPF/DKIM/DMARC for mail over SMTP, where the
 * client's address is known) side by side. Any check that fails or takes too long is recorded and the
 * mail goes through unflagged by it: a broken filter never loses or delays mail beyond its time-out.
 */
export async function checkInboundMail(raw: Buffer, upstream: UpstreamVerdict | null, arrival: Arrival, config: CheckConfig): Promise<InboundVerdict> {
  const [spamd, auth] = await Promise.all([
    config.SPAMD_HOST
      ? spamdCheck({ host: config.SPAMD_HOST, port: config.SPAMD_PORT, timeoutMs: config.SPAMD_TIMEOUT_MS }, raw).catch((err: unknown) => ({
          error: err instanceof Error ? err.message : String(err),
        }))
      : undefined,
    config.MAIL_AUTH && arrival.clientIp
      ? authenticateMail(raw, {
          ip: arrival.clientIp,
          helo: arrival.helo,
          mailFrom: arrival.mailFrom,
          dnsServers: config.DNS_SERVERS,
          timeoutMs: config.MAIL_AUTH_TIMEOUT_MS,
        })
      : undefined,
  ]);
  return verdictOf({ ...(upstream ? { upstream } : {}), ...(spamd ? { spamd } : {}), ...(auth ? { auth } : {}) });
}

/** What the checks' findings mean for the mail: held back or not, and whether its From can be trusted. */
export function verdictOf(checks: InboundChecks): InboundVerdict {
  const { upstream, spamd, auth } = checks;
  const dmarcFailed = auth?.dmarc === 'fail';
  const spam = !!upstream || (!!spamd && 'spam' in spamd && spamd.spam);
  // A failing domain that asked for its failures to be held back (p=quarantine or p=reject) gets that.
  const dmarcQuarantine = dmarcFailed && (auth.dmarcPolicy === 'quarantine' || auth.dmarcPolicy === 'reject');
  return { checks, quarantine: spam ? 'spam' : dmarcQuarantine ? 'dmarc' : null, dmarcFailed };
}
