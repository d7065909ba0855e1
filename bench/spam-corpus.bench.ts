// How many spam messages get no acknowledgement, and how many legitimate ones still get one.
// Usage: npm run bench:spam -- --spam DIR --ham DIR [--limit 2000]
// DIR holds one RFC 5322 message per file (the layout of public corpora such as SpamAssassin's).
// Starts a real spamd (stock rules, --local: no network tests) and the built server with SPAMD_HOST set,
// replays every message over SMTP, and counts from the database which ones were acknowledged.
// Targets (issue #12): ≥ 60 % of spam without an acknowledgement, ≥ 98 % of ham with one.
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import Database from 'better-sqlite3';
import { waitForLine, spawnBuiltServer } from './support';
import { startSpamd } from '../server/testing/spamd';

const { values } = parseArgs({ options: { spam: { type: 'string' }, ham: { type: 'string' }, limit: { type: 'string', default: '2000' } } });
if (!values.spam || !values.ham) {
  console.error('Usage: npm run bench:spam -- --spam DIR --ham DIR [--limit N]   (one message per file)');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
if (!fs.existsSync(path.join(root, 'dist/server/index.js'))) throw new Error('Run `npm run build` first: the benchmark measures the built server.');
const files = (dir: string) =>
  fs
    .readdirSync(dir)
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile())
    .sort()
    .slice(0, Number(values.limit));

const spamd = await startSpamd();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-spam-bench-'));
const child = spawnBuiltServer(root, dataDir, { SPAMD_HOST: spamd.host, SPAMD_PORT: String(spamd.port), MAIL_AUTH: 'false' });
const port = Number((await waitForLine(child, /Inbound email \(SMTP\) on port (\d+)/))[1]);
const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: 4 });

/** Replays one corpus; returns, per message, whether its ticket was acknowledged (null: not stored as a new ticket). */
async function replay(list: string[], label: string) {
  const db = new Database(path.join(dataDir, 'helpdesk.db'), { readonly: true });
  let acked = 0;
  let stored = 0;
  for (const [i, file] of list.entries()) {
    // A fresh Message-ID per message: corpora repeat some, and a repeat would be stored once.
    const raw = fs
      .readFileSync(file)
      .toString('latin1')
      .replace(/^Message-ID:.*(\r?\n[ \t].*)*\r?\n/im, '');
    const id = `<${label}-${i}@corpus.bench>`;
    const res = await transport
      .sendMail({ envelope: { from: `sender${i}@corpus.bench`, to: ['support@demo.local'] }, raw: Buffer.from(`Message-ID: ${id}\r\n${raw}`, 'latin1') })
      .catch(() => null);
    if (!res) continue;
    const row = db.prepare('select t.id from messages m join tickets t on t.id = m.ticket_id where m.channel_message_id = ?').get(id) as
      { id: number } | undefined;
    if (!row) continue;
    stored++;
    if (db.prepare("select 1 from ticket_events where ticket_id = ? and type = 'acknowledgement_sent'").get(row.id)) acked++;
  }
  db.close();
  return { total: list.length, stored, acked };
}

const spam = await replay(files(values.spam), 'spam');
const ham = await replay(files(values.ham), 'ham');
const pct = (n: number, of: number) => (of ? ((100 * n) / of).toFixed(1) : '–');
console.log(
  `spam: ${spam.total} messages, ${spam.stored} stored, ${spam.stored - spam.acked} without acknowledgement (${pct(spam.stored - spam.acked, spam.stored)} %, target ≥ 60 %)`,
);
console.log(`ham:  ${ham.total} messages, ${ham.stored} stored, ${ham.acked} acknowledged (${pct(ham.acked, ham.stored)} %, target ≥ 98 %)`);
transport.close();
child.kill('SIGTERM');
await spamd.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
