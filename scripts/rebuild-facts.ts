// Usage: npm run facts:rebuild [-- --file ./data/helpdesk.db]
// Folds every ticket's dashboard facts again from `ticket_events` alone (db/queries/ticket-facts.ts), 500
// tickets at a time, then the hourly rollups from those facts (db/queries/metric-rollups.ts), all in one
// transaction: the dashboard never reads half a rebuild.
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { openDatabase, transact } from '../db/client';
import { rebuildAllTicketFacts } from '../db/queries/ticket-facts';
import { rebuildRollups } from '../db/queries/metric-rollups';

const { values } = parseArgs({ options: { file: { type: 'string', default: './data/helpdesk.db' } } });
if (!fs.existsSync(values.file)) throw new Error(`${values.file} does not exist`);
const db = openDatabase(values.file);
const started = Date.now();
const tickets = transact(db, (tx) => {
  const n = rebuildAllTicketFacts(tx);
  rebuildRollups(tx);
  return n;
});
console.log(`Rebuilt the facts and rollups of ${tickets} tickets from their events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
db.$client.close();
