// Usage: npm run seed -- --tickets 1000000 [--file ./data/bench.db] [--seed 42]
// Seeds demo data into an empty database file (created if missing).
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { openDatabase } from '../db/client';
import { DEMO_PASSWORD, generateDemoData } from '../db/seed/generate';
import { hashPassword } from '../server/auth/password';

const { values } = parseArgs({
  options: { tickets: { type: 'string', default: '1000' }, file: { type: 'string', default: './data/helpdesk.db' }, seed: { type: 'string', default: '42' } },
});
const tickets = Number(values.tickets);
if (!Number.isInteger(tickets) || tickets < 0) throw new Error(`--tickets must be a whole number, got ${values.tickets}`);
if (fs.existsSync(values.file)) throw new Error(`${values.file} exists; seeding writes only into a new database`);

const db = openDatabase(values.file);
const started = Date.now();
generateDemoData(db, {
  tickets,
  seed: Number(values.seed),
  passwordHash: await hashPassword(DEMO_PASSWORD),
  onProgress: (done) => {
    if (done % 100_000 === 0 || done === tickets) console.log(`${done} tickets (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  },
});
const counts = db.$client.prepare('select (select count(*) from tickets) t, (select count(*) from messages) m, (select count(*) from ticket_events) e').get();
console.log(`Seeded ${values.file} in ${((Date.now() - started) / 1000).toFixed(1)} s:`, counts);
db.$client.close();
