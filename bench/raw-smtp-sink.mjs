// Baseline for bench/smtp-ingest.bench.ts: smtp-server + mailparser, the same libraries our listener
// uses, but no database. Prints its port on stdout.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => simpleParser(Buffer.concat(chunks)).then(() => callback(), callback));
  },
});
server.listen(0, '127.0.0.1', () => console.log(`port ${server.server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
