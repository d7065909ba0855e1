import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Db } from '@/db/client';
import { splitPlusAddress } from './email-settings';
import { emailInboxes, receiveEmail, UnparseableMailError } from './receive-email';

export type SmtpListener = { port: number; close: () => Promise<void> };

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * Inbound SMTP for the email inboxes. `250` is answered only after the message is committed; a failure
 * on our side answers `451` so the sending server retries; unknown recipients get `550`, oversized
 * mail `552`, mail that cannot be parsed at all `554`.
 */
export function startSmtpListener(opts: { db: Db; host: string; port: number; maxBytes: number; log: (line: string) => void }): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: 'helpdesk',
    banner: 'Helpdesk inbound mail',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: opts.maxBytes,
    logger: false,
    // A slow or stuck client must not hold a connection forever.
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    onRcptTo(address, _session, callback) {
      if (emailInboxes(opts.db).has(splitPlusAddress(address.address).base)) return callback();
      callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err) => callback(smtpError(451, `4.3.0 ${err.message}`)));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 Message exceeds the ${Math.round(opts.maxBytes / 1024 / 1024)} MB limit`));
        const envelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          clientIp: session.remoteAddress.replace(/^::ffff:/, ''),
          helo: session.hostNameAppearsAs || null,
        };
        receiveEmail(opts.db, Buffer.concat(chunks), envelope).then(
          (result) => callback(null, result.kind === 'ingested' ? `2.0.0 Stored as ticket ${result.ticketId}` : `2.0.0 Accepted (${result.kind})`),
          (err: unknown) => {
            if (err instanceof UnparseableMailError) return callback(smtpError(554, `5.6.0 Message could not be parsed: ${err.message}`));
            opts.log(`smtp: storing a message failed: ${err instanceof Error ? err.stack : String(err)}`);
            callback(smtpError(451, '4.3.0 Temporary failure storing the message, try again later'));
          },
        );
      });
    },
  });
  server.on('error', (err) => opts.log(`smtp: ${err.message}`));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      const address = server.server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : opts.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
