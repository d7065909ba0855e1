import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInboundMail, verdictOf } from './check-inbound-mail';
import type { MailAuthentication } from '@/lib/mail-checks';
import { upstreamVerdict } from './upstream-verdict';

// A spamd that accepts connections and never answers: the check must give up, not hold the mail.
let silent: net.Server;
let silentPort = 0;
const held: net.Socket[] = [];
beforeAll(async () => {
  silent = net.createServer((s) => held.push(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentPort = (silent.address() as net.AddressInfo).port;
});
afterAll(async () => {
  for (const s of held) s.destroy();
  await new Promise((r) => silent.close(r));
});

const base = { SPAMD_PORT: 783, SPAMD_TIMEOUT_MS: 300, MAIL_AUTH: false, DNS_SERVERS: undefined, MAIL_AUTH_TIMEOUT_MS: 300 };
const arrival = { clientIp: '127.0.0.1', helo: 'mail.example', mailFrom: 'a@example.com' };
const raw = Buffer.from('From: a@example.com\r\nSubject: Hallo\r\n\r\nHallo\r\n');

describe('checks on arrival', () => {
  it('lets mail through unflagged when spamd takes too long or is down, and records why', async () => {
    const slow = await checkInboundMail(raw, null, arrival, { ...base, SPAMD_HOST: '127.0.0.1', SPAMD_PORT: silentPort });
    expect(slow).toMatchObject({ quarantine: null, dmarcFailed: false, checks: { spamd: { error: expect.stringMatching(/did not answer within 300 ms/) } } });
    const down = await checkInboundMail(raw, null, arrival, { ...base, SPAMD_HOST: '127.0.0.1', SPAMD_PORT: 1 });
    expect(down).toMatchObject({ quarantine: null, checks: { spamd: { error: expect.stringMatching(/ECONNREFUSED/) } } });
  });

  it('quarantines on an upstream verdict even without spamd', async () => {
    const verdict = upstreamVerdict((h) => (h === 'x-spam-flag' ? 'YES' : ''));
    expect(await checkInboundMail(raw, verdict, arrival, { ...base, SPAMD_HOST: undefined })).toMatchObject({
      quarantine: 'spam',
      checks: { upstream: { filter: 'spamassassin' } },
    });
  });

  it('checks SPF, DKIM and DMARC only when enabled and the client address is known (SMTP, not IMAP)', async () => {
    expect((await checkInboundMail(raw, null, arrival, { ...base, SPAMD_HOST: undefined, MAIL_AUTH: false })).checks).toEqual({});
    expect((await checkInboundMail(raw, null, { ...arrival, clientIp: null }, { ...base, SPAMD_HOST: undefined, MAIL_AUTH: true })).checks).toEqual({});
  });

  it('holds back spam and mail failing a DMARC policy that asks for it; a failing From is never trusted', () => {
    const auth = (dmarc: MailAuthentication['dmarc'], dmarcPolicy: string | null): MailAuthentication => ({
      spf: 'none',
      dkim: 'none',
      dmarc,
      dmarcPolicy,
      fromDomain: 'example.com',
    });
    const spamd = (spam: boolean) => ({ spam, score: spam ? 9 : 1, required: 5, rules: [] });
    expect(verdictOf({})).toMatchObject({ quarantine: null, dmarcFailed: false });
    expect(verdictOf({ spamd: spamd(true) })).toMatchObject({ quarantine: 'spam', dmarcFailed: false });
    expect(verdictOf({ spamd: spamd(false) })).toMatchObject({ quarantine: null });
    expect(verdictOf({ spamd: { error: 'timeout' } })).toMatchObject({ quarantine: null });
    expect(verdictOf({ auth: auth('fail', 'reject') })).toMatchObject({ quarantine: 'dmarc', dmarcFailed: true });
    expect(verdictOf({ auth: auth('fail', 'quarantine') })).toMatchObject({ quarantine: 'dmarc', dmarcFailed: true });
    expect(verdictOf({ auth: auth('fail', 'none') })).toMatchObject({ quarantine: null, dmarcFailed: true });
    expect(verdictOf({ auth: auth('pass', 'reject') })).toMatchObject({ quarantine: null, dmarcFailed: false });
    expect(verdictOf({ auth: auth('temperror', 'reject') })).toMatchObject({ quarantine: null, dmarcFailed: false });
    expect(verdictOf({ spamd: spamd(true), auth: auth('fail', 'reject') })).toMatchObject({ quarantine: 'spam', dmarcFailed: true });
  });

  it('reads positive verdicts only, from SpamAssassin and Rspamd headers', () => {
    const from = (headers: Record<string, string>) => upstreamVerdict((h) => headers[h] ?? '');
    expect(from({ 'x-spam-flag': '  YES' })).toEqual({ spam: true, score: null, filter: 'spamassassin', header: 'X-Spam-Flag' });
    expect(from({ 'x-spam-flag': 'NOYES', 'x-spam-status': 'No, score=1.0 tests=yes', 'x-spam': 'no yes', 'x-spamd-result': 'x default: True' })).toBeNull();
    expect(from({ 'x-spam-status': 'No, score=-1.0 tests=ALL_TRUSTED' })).toBeNull();
    expect(from({ 'x-rspamd-action': '  Add Header ', 'x-rspamd-score': ' 9.5 ' })).toEqual({
      spam: true,
      score: 9.5,
      filter: 'rspamd',
      header: 'X-Rspamd-Action',
    });
    expect(from({ 'x-spamd-result': 'default:True [16.20 /15.00];' })).toEqual({ spam: true, score: 16.2, filter: 'rspamd', header: 'X-Spamd-Result' });
    expect(from({ 'x-spamd-result': 'default: False [16.20 / 15.00];' })).toBeNull();
    expect(from({ 'x-spam': ' Yes', 'x-spamd-result': 'default: False [3.10 / 15.00];' })).toEqual({
      spam: true,
      score: 3.1,
      filter: 'rspamd',
      header: 'X-Spam',
    });
    expect(from({ 'x-spam-status': 'Yes, score=7.1 required=5.0 tests=X' })).toEqual({
      spam: true,
      score: 7.1,
      filter: 'spamassassin',
      header: 'X-Spam-Status',
    });
    expect(from({ 'x-spam-flag': 'NO', 'x-spam-status': 'No, score=-1.0' })).toBeNull();
    expect(from({ 'x-rspamd-action': 'no action', 'x-spamd-result': 'default: False [1.10 / 15.00];' })).toBeNull();
    expect(from({ 'x-rspamd-action': 'rewrite subject', 'x-rspamd-score': '8.5' })).toMatchObject({ filter: 'rspamd', score: 8.5 });
    expect(from({ 'x-spamd-result': 'default: True [16.20 / 15.00]; BAYES_SPAM(5.1)' })).toMatchObject({ filter: 'rspamd', score: 16.2 });
    expect(from({ 'x-spam': 'Yes' })).toMatchObject({ filter: 'rspamd', header: 'X-Spam' });
  });
});
