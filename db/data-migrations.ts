import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { rebuildAllTicketFacts, rebuildFactsOf } from './queries/ticket-facts';
import { rebuildRollups } from './queries/metric-rollups';
import type { Db } from './client';
import { textOfHtml } from '../lib/html-to-text';
import { previewOf } from '../lib/preview';

/**
 * Rewrites of stored rows that SQL migrations (drizzle-kit) cannot express with a check: each runs once,
 * in one transaction with its record in `data_migrations`, after the schema migrations. One that meets a
 * row it cannot convert throws naming the row, and the transaction leaves the database as it was; a
 * migration already recorded never runs again.
 */
type DataMigration = { name: string; run: (sqlite: Database.Database) => void };

export class DataMigrationError extends Error {}

const MIGRATIONS: DataMigration[] = [
  {
    // The `created` event held only the channel kind. It now carries what the ticket started with:
    // channel id, team, priority and assignee as they were at creation (the `from` of the first later
    // change of each, or the current value where none changed it since) and the form it came through.
    name: '2026-12-ticket-created-payload',
    run(sqlite) {
      const firstFrom = (type: string, column: string) => `CASE WHEN EXISTS (SELECT 1 FROM ticket_events c WHERE c.ticket_id = t.id AND c.type = '${type}')
        THEN (SELECT json_extract(c.data, '$.from') FROM ticket_events c WHERE c.ticket_id = t.id AND c.type = '${type}' ORDER BY c.created_at, c.id LIMIT 1)
        ELSE t.${column} END`;
      const bad = sqlite
        .prepare(
          `SELECT e.id, e.ticket_id AS ticketId FROM ticket_events e LEFT JOIN tickets t ON t.id = e.ticket_id LEFT JOIN channels ch ON ch.id = t.channel_id
           WHERE e.type = 'created' AND json_extract(e.data, '$.channelId') IS NULL AND ch.id IS NULL LIMIT 1`,
        )
        .get() as { id: number; ticketId: number } | undefined;
      if (bad) throw new DataMigrationError(`ticket event ${bad.id} (created) cannot be converted: ticket ${bad.ticketId} or its channel does not exist`);
      sqlite.exec(`
        UPDATE ticket_events SET data = (
          SELECT json_object(
            'channelId', t.channel_id,
            'channel', ch.kind,
            'teamId', ${firstFrom('team_changed', 'team_id')},
            'priority', ${firstFrom('priority_changed', 'priority')},
            'assigneeId', ${firstFrom('assignee_changed', 'assignee_id')},
            'formId', (SELECT s.form_id FROM form_submissions s WHERE s.ticket_id = t.id)
          )
          FROM tickets t JOIN channels ch ON ch.id = t.channel_id WHERE t.id = ticket_events.ticket_id
        )
        WHERE type = 'created' AND json_extract(data, '$.channelId') IS NULL`);
    },
  },
  {
    // A message's meta held email's headers at the top. Email's part now sits under `email`, beside the
    // channel-neutral `autoSubmitted`, so other channels add their own parts without reading email's.
    name: '2026-12-message-meta-email-part',
    run(sqlite) {
      const bad = sqlite.prepare(`SELECT id FROM messages WHERE meta IS NOT NULL AND (json_valid(meta) = 0 OR json_type(meta) <> 'object') LIMIT 1`).get() as
        { id: number } | undefined;
      if (bad) throw new DataMigrationError(`message ${bad.id} cannot be converted: its meta is not a JSON object`);
      sqlite.exec(`
        UPDATE messages SET meta = CASE
            WHEN json_extract(meta, '$.autoSubmitted') = 1 THEN json_object('autoSubmitted', json('true'), 'email', json_remove(meta, '$.autoSubmitted'))
            ELSE json_object('email', json_remove(meta, '$.autoSubmitted'))
          END
        WHERE meta IS NOT NULL AND json_type(meta, '$.email') IS NULL`);
    },
  },
  {
    // The dashboard's per-ticket facts (db/schema/ticket-facts.ts) start from the history already written;
    // from then on the event writer keeps them current.
    name: '2026-12-ticket-facts',
    run(sqlite) {
      rebuildAllTicketFacts(drizzle(sqlite, { schema }));
    },
  },
  {
    // The facts gained the CSAT scale's lower end: fold the histories again.
    name: '2026-12-ticket-facts-csat-min',
    run(sqlite) {
      rebuildAllTicketFacts(drizzle(sqlite, { schema }));
    },
  },
  {
    // Mail whose HTML sat inside multipart/related or /mixed without a text part was stored without
    // text: derive it from the stored HTML now (as new mail is), and the list preview of those tickets.
    name: '2026-12-html-only-mail-text',
    run(sqlite) {
      const rows = sqlite.prepare(`SELECT id, ticket_id AS ticketId, body_html AS html FROM messages WHERE body_text = '' AND body_html IS NOT NULL`).all() as {
        id: number;
        ticketId: number;
        html: string;
      }[];
      const setText = sqlite.prepare(`UPDATE messages SET body_text = ? WHERE id = ?`);
      const setPreview = sqlite.prepare(`UPDATE tickets SET preview = ? WHERE id = ? AND preview = ''`);
      for (const r of rows) {
        const text = textOfHtml(r.html);
        if (!text) continue;
        setText.run(text, r.id);
        setPreview.run(previewOf(text), r.ticketId);
      }
    },
  },
  {
    // Tickets from intake forms were filed under the form's email inbox ("via Email"), so the Web form
    // filter never found them: they move to a web-form channel answering through that inbox (one is
    // added where none exists), their `created` event and facts say so. Replies still go by email.
    name: '2026-12-form-tickets-web-form',
    run(sqlite) {
      const moved = sqlite
        .prepare(
          `SELECT t.id, t.channel_id AS inboxId, ch.default_team_id AS teamId FROM tickets t JOIN channels ch ON ch.id = t.channel_id
           WHERE ch.kind = 'email' AND EXISTS (SELECT 1 FROM form_submissions s WHERE s.ticket_id = t.id)`,
        )
        .all() as { id: number; inboxId: number; teamId: number | null }[];
      const webForms = sqlite
        .prepare(`SELECT id, json_extract(settings, '$.emailChannelId') AS inbox FROM channels WHERE kind = 'web_form' ORDER BY id`)
        .all() as {
        id: number;
        inbox: number | null;
      }[];
      const addWebForm = sqlite.prepare(
        `INSERT INTO channels (kind, name, settings, default_team_id, created_at) VALUES ('web_form', 'Web form', ?, ?, ?) RETURNING id`,
      );
      const channelFor = (inboxId: number, teamId: number | null) => {
        const found = webForms.find((c) => c.inbox === inboxId) ?? webForms.find((c) => c.inbox === null);
        if (found) return found.id;
        const { id } = addWebForm.get(JSON.stringify({ emailChannelId: inboxId }), teamId, Date.now()) as { id: number };
        webForms.push({ id, inbox: inboxId });
        return id;
      };
      const setChannel = sqlite.prepare(`UPDATE tickets SET channel_id = ? WHERE id = ?`);
      const setCreated = sqlite.prepare(
        `UPDATE ticket_events SET data = json_set(data, '$.channel', 'web_form', '$.channelId', ?) WHERE ticket_id = ? AND type = 'created'`,
      );
      for (const t of moved) {
        const channelId = channelFor(t.inboxId, t.teamId);
        setChannel.run(channelId, t.id);
        setCreated.run(channelId, t.id);
      }
      rebuildFactsOf(
        drizzle(sqlite, { schema }),
        moved.map((t) => t.id),
      );
    },
  },
  {
    // The dashboard reads hourly rollups of the facts: fold every ticket in once; the writers keep them current.
    name: '2026-12-metric-rollups',
    run(sqlite) {
      rebuildRollups(drizzle(sqlite, { schema }) as Db);
    },
  },
  {
    // Long value lists are cut into parts, and rows carry each list's count and sum (migration 0030 rebuilt the table empty): fold every ticket in again.
    name: '2026-12-rollup-lists',
    run(sqlite) {
      rebuildRollups(drizzle(sqlite, { schema }) as Db);
    },
  },
  {
    // SLA targets and surveys count in the rollups now (migration 0039 added their columns): fold every ticket in again.
    name: '2026-12-sla-survey-rollups',
    run(sqlite) {
      rebuildRollups(drizzle(sqlite, { schema }) as Db);
    },
  },
];

/** Applies the data migrations not yet recorded; returns the names applied now. */
export function runDataMigrations(sqlite: Database.Database): string[] {
  const applied = new Set((sqlite.prepare('SELECT name FROM data_migrations').all() as { name: string }[]).map((r) => r.name));
  const ran: string[] = [];
  for (const m of MIGRATIONS) {
    if (applied.has(m.name)) continue;
    sqlite.transaction(() => {
      try {
        m.run(sqlite);
      } catch (err) {
        throw new DataMigrationError(`Data migration ${m.name} stopped, nothing was changed: ${err instanceof Error ? err.message : String(err)}`);
      }
      sqlite.prepare('INSERT INTO data_migrations (name, applied_at) VALUES (?, ?)').run(m.name, Date.now());
    })();
    ran.push(m.name);
  }
  return ran;
}
