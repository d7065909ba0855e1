import type { UpstreamVerdict } from '@/lib/mail-checks';

/**
 * Reads the verdict headers an upstream filter adds. Only a positive verdict counts: anyone can write
 * "X-Spam-Flag: NO" into a message, but nobody marks their own mail as spam, so a "no" here never
 * spares a message our own checks.
 */
export function upstreamVerdict(header: (name: string) => string): UpstreamVerdict | null {
  const number = (s: string | undefined) => (s && Number.isFinite(Number(s)) ? Number(s) : null);
  const saStatus = header('x-spam-status');
  const saScore = number(saStatus.match(/score=(-?[\d.]+)/i)?.[1]);
  if (/^\s*yes\b/i.test(header('x-spam-flag'))) return { spam: true, score: saScore, filter: 'spamassassin', header: 'X-Spam-Flag' };
  if (/^\s*yes\b/i.test(saStatus)) return { spam: true, score: saScore, filter: 'spamassassin', header: 'X-Spam-Status' };

  // Rspamd: its action (milter headers) or its result line "default: True [15.20 / 15.00]".
  const rspamdScore = number(header('x-rspamd-score').trim()) ?? number(header('x-spamd-result').match(/\[\s*(-?[\d.]+)\s*\//)?.[1]);
  const action = header('x-rspamd-action').trim().toLowerCase();
  if (['add header', 'rewrite subject', 'reject'].includes(action)) return { spam: true, score: rspamdScore, filter: 'rspamd', header: 'X-Rspamd-Action' };
  if (/^\s*default:\s*true\b/i.test(header('x-spamd-result'))) return { spam: true, score: rspamdScore, filter: 'rspamd', header: 'X-Spamd-Result' };
  if (/^\s*yes\b/i.test(header('x-spam'))) return { spam: true, score: rspamdScore, filter: 'rspamd', header: 'X-Spam' };
  return null;
}
