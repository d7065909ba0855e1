import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type SinkMail = { raw: string; parsed: ParsedMail; rcptTo: string[] };

/**
 * A local SMTP server standing in for the customer's mail provider in tests: it accepts everything on
 * 127.0.0.1 and keeps what it received. `rejectWith` makes it answer an error instead.
 */
export async function startSmtpSink() {
  const mails: SinkMail[] = [];
  const waiters: { match: (m: SinkMail) => boolean; resolve: (m: SinkMail) => void }[] = [];
  let rejectWith: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (rejectWith) return callback(Object.assign(new Error(rejectWith.message), { responseCode: rejectWith.code }));
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = { raw, parsed: await simpleParser(raw), rcptTo: session.envelope.rcptTo.map((r) => r.address) };
        mails.push(mail);
        for (const w of waiters.filter((w) => w.match(mail))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(mail);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    mails,
    reject(code: number, message: string) {
      rejectWith = { code, message };
    },
    accept() {
      rejectWith = null;
    },
    /** Resolves with the first received mail that matches, waiting up to `ms`. */
    waitFor(match: (m: SinkMail) => boolean, ms = 10_000): Promise<SinkMail> {
      const found = mails.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching mail reached the sink')), ms);
        waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
