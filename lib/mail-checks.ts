/** What the checks on an inbound email's arrival found; stored on the message and shown to agents. */

/** What a filter in front of us (SpamAssassin, Rspamd, a provider's filter) said about a message. */
export type UpstreamVerdict = { spam: true; score: number | null; filter: 'spamassassin' | 'rspamd'; header: string };

/** SpamAssassin's verdict on one message, as spamd reports it. */
export type SpamdVerdict = { spam: boolean; score: number; required: number; rules: string[] };

export type AuthResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy' | 'skipped';

/** SPF, DKIM and DMARC as checked on arrival. */
export type MailAuthentication = { spf: AuthResult; dkim: AuthResult; dmarc: AuthResult; dmarcPolicy: string | null; fromDomain: string | null };

export type InboundChecks = {
  upstream?: UpstreamVerdict;
  spamd?: SpamdVerdict | { error: string };
  auth?: MailAuthentication;
};
