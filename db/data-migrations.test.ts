import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './client';
import { runDataMigrations } from './data-migrations';
import { parseTicketEvent } from '../lib/ticket-events';

let db: Db;
const sql = () => db.$client;
const NAME = '2026-12-ticket-created-payload';
const META = '2026-12-message-meta-email-part';
const FACTS = '2026-12-ticket-facts';
const FACTS_CSAT_MIN = '2026-12-ticket-facts-csat-min';
const HTML_TEXT = '2026-12-html-only-mail-text';
const FORM_TICKETS = '2026-12-form-tickets-web-form';
const ROLLUPS = '2026-12-metric-rollups';
const ROLLUP_LISTS = '2026-12-rollup-lists';
const SLA_SURVEY_ROLLUPS = '2026-12-sla-survey-rollups';

/** A database as an older version left it: schema current, the payload migration not yet applied. */
beforeEach(() => {
  db = openDatabase(':memory:');
  sql().prepare('DELETE FROM data_migrations').run();
  sql().exec(`
    INSERT INTO teams (id, name, time_zone, created_at) VALUES (1, 'Support', 'Europe/Berlin', 0), (2, 'Billing', 'Europe/Berlin', 0);
    INSERT INTO agents (id, email, name, password_hash, role, active, created_at) VALUES (5, 'a@x', 'A', 'h', 'agent', 1, 0);
    INSERT INTO channels (id, kind, name, settings, default_team_id, created_at) VALUES (3, 'email', 'Mail', '{}', 1, 0);
    INSERT INTO customers (id, name, created_at) VALUES (1, 'C', 0);
    INSERT INTO tickets (id, number, subject, status, priority, channel_id, customer_id, assignee_id, team_id, created_at, updated_at, last_activity_at)
      VALUES (10, 1010, 'unchanged', 'open', 'high', 3, 1, NULL, 1, 100, 100, 100), (11, 1011, 'changed later', 'open', 'urgent', 3, 1, 5, 2, 100, 300, 300);
    INSERT INTO messages (id, ticket_id, author_kind, body_text, meta, created_at) VALUES
      (20, 10, 'customer', 'mail', '{"subject":"Hi","from":{"address":"c@x"},"cc":[{"address":"d@x"}],"checks":{"spam":{"score":1}}}', 100),
      (21, 10, 'customer', 'auto-reply', '{"subject":"Away","from":{"address":"c@x"},"autoSubmitted":true}', 110),
      (22, 10, 'customer', 'chat', NULL, 120);
    INSERT INTO messages (id, ticket_id, author_kind, body_text, body_html, created_at) VALUES
      (23, 11, 'customer', '', '<p>Guten Tag,</p><p>das Gerät ist <b>defekt</b>.</p><img src="cid:x">', 310),
      (24, 11, 'customer', 'Text part', '<p>HTML part</p>', 320);
    INSERT INTO ticket_events (ticket_id, type, actor_kind, actor_agent_id, data, created_at) VALUES
      (10, 'created', 'customer', NULL, '{"channel":"email"}', 100),
      (11, 'created', 'customer', NULL, '{"channel":"email"}', 100),
      (11, 'priority_changed', 'agent', 5, '{"from":"normal","to":"high"}', 200),
      (11, 'priority_changed', 'agent', 5, '{"from":"high","to":"urgent"}', 250),
      (11, 'team_changed', 'system', NULL, '{"from":null,"to":2}', 200),
      (11, 'assignee_changed', 'agent', 5, '{"from":null,"to":5}', 300);`);
});

const created = (ticketId: number) =>
  JSON.parse((sql().prepare("SELECT data FROM ticket_events WHERE ticket_id = ? AND type = 'created'").get(ticketId) as { data: string }).data);

describe('the created-event payload migration', () => {
  it('fills in what each ticket started with, from the first later change or the current value', () => {
    expect(runDataMigrations(sql())).toEqual([NAME, META, FACTS, FACTS_CSAT_MIN, HTML_TEXT, FORM_TICKETS, ROLLUPS, ROLLUP_LISTS, SLA_SURVEY_ROLLUPS]);
    expect(created(10)).toEqual({ channelId: 3, channel: 'email', teamId: 1, priority: 'high', assigneeId: null, formId: null });
    expect(created(11)).toEqual({ channelId: 3, channel: 'email', teamId: null, priority: 'normal', assigneeId: null, formId: null });
    expect(parseTicketEvent('created', created(11))).toMatchObject({ ok: true });
  });

  it('runs once: a second start changes nothing', () => {
    runDataMigrations(sql());
    sql().prepare('UPDATE ticket_events SET data = \'{"channel":"email"}\' WHERE ticket_id = 10 AND type = \'created\'').run();
    expect(runDataMigrations(sql())).toEqual([]);
    expect(created(10)).toEqual({ channel: 'email' });
  });

  it('stops on a row it cannot convert, names it, and leaves every row as it was', () => {
    sql().pragma('foreign_keys = OFF');
    sql()
      .prepare(
        "INSERT INTO ticket_events (id, ticket_id, type, actor_kind, data, created_at) VALUES (999, 4242, 'created', 'customer', '{\"channel\":\"chat\"}', 1)",
      )
      .run();
    sql().pragma('foreign_keys = ON');
    expect(() => runDataMigrations(sql())).toThrow(
      /Data migration 2026-12-ticket-created-payload stopped, nothing was changed: ticket event 999 \(created\) cannot be converted: ticket 4242 or its channel does not exist/,
    );
    expect(created(10)).toEqual({ channel: 'email' });
    expect(sql().prepare('SELECT count(*) AS n FROM data_migrations').get()).toEqual({ n: 0 });
  });
});

const metaOf = (id: number) => JSON.parse((sql().prepare('SELECT meta FROM messages WHERE id = ?').get(id) as { meta: string | null }).meta ?? 'null');

describe('the message meta migration', () => {
  it("moves email's headers under `email` and keeps automatic mail marked at the top", () => {
    runDataMigrations(sql());
    expect(metaOf(20)).toEqual({ email: { subject: 'Hi', from: { address: 'c@x' }, cc: [{ address: 'd@x' }], checks: { spam: { score: 1 } } } });
    expect(metaOf(21)).toEqual({ autoSubmitted: true, email: { subject: 'Away', from: { address: 'c@x' } } });
    expect(metaOf(22)).toBeNull();
  });

  it('stops on a meta that is not a JSON object, names the message, and changes nothing', () => {
    sql().prepare("UPDATE messages SET meta = '[1]' WHERE id = 22").run();
    expect(() => runDataMigrations(sql())).toThrow(
      /Data migration 2026-12-message-meta-email-part stopped, nothing was changed: message 22 cannot be converted/,
    );
    expect(metaOf(20)).toMatchObject({ subject: 'Hi' });
    expect(sql().prepare('SELECT name FROM data_migrations').all()).toEqual([{ name: NAME }]);
  });
});

describe('the ticket facts migration', () => {
  it('folds the dashboard facts of every ticket from the history already written', () => {
    runDataMigrations(sql());
    const facts = sql()
      .prepare('SELECT ticket_id AS ticketId, priority, team_id AS teamId, assignee_id AS assigneeId FROM ticket_facts ORDER BY ticket_id')
      .all();
    expect(facts).toEqual([
      { ticketId: 10, priority: 'high', teamId: 1, assigneeId: null },
      { ticketId: 11, priority: 'urgent', teamId: 2, assigneeId: 5 },
    ]);
  });
});

describe('the HTML-only mail text migration', () => {
  it('derives the text of mail stored without one from its HTML, and the empty list preview', () => {
    runDataMigrations(sql());
    const text = (id: number) => (sql().prepare('SELECT body_text AS t FROM messages WHERE id = ?').get(id) as { t: string }).t;
    expect(text(23)).toBe('Guten Tag,\n\ndas Gerät ist defekt.');
    expect(text(24)).toBe('Text part');
    expect(sql().prepare('SELECT preview FROM tickets WHERE id = 11').get()).toEqual({ preview: 'Guten Tag, das Gerät ist defekt.' });
  });
});

describe('the form tickets migration', () => {
  it('files tickets from forms under a web-form channel answering through their inbox, history and facts included', () => {
    sql().exec(`
      INSERT INTO intake_forms (id, slug, name, channel_id, current_version, created_at, updated_at) VALUES (7, 'kontakt', 'Kontakt', 3, 1, 0, 0);
      INSERT INTO intake_form_versions (form_id, version, definition, created_at) VALUES (7, 1, '{"fields":[]}', 0);
      INSERT INTO form_submissions (ticket_id, form_id, version, answers, created_at) VALUES (11, 7, 1, '{}', 100);`);
    runDataMigrations(sql());
    const channel = sql().prepare('SELECT c.id, c.kind, c.settings FROM tickets t JOIN channels c ON c.id = t.channel_id WHERE t.id = ?');
    const web = channel.get(11) as { id: number; kind: string; settings: string };
    expect(web).toMatchObject({ kind: 'web_form' });
    expect(JSON.parse(web.settings)).toEqual({ emailChannelId: 3 });
    expect(created(11)).toMatchObject({ channel: 'web_form', channelId: web.id });
    expect(sql().prepare('SELECT channel FROM ticket_facts WHERE ticket_id = 11').get()).toEqual({ channel: 'web_form' });
    // A ticket without a form stays where it was.
    expect(channel.get(10)).toMatchObject({ id: 3, kind: 'email' });
  });
});

describe('the metric rollups migration', () => {
  it("folds every ticket's facts in once, nothing left pending", () => {
    runDataMigrations(sql());
    const rows = sql().prepare("SELECT cohort, key, hour, n FROM metric_rollups WHERE dim = 'team' AND span = 1 ORDER BY key").all();
    // Both tickets were created in the first hour of 1970, and count under their current teams (1 and 2).
    expect(rows).toEqual([
      { cohort: 'created', key: '1', hour: 0, n: 1 },
      { cohort: 'created', key: '2', hour: 0, n: 1 },
    ]);
    expect(sql().prepare('SELECT count(*) AS n FROM rollup_pending').get()).toEqual({ n: 0 });
  });
});

describe('the rollup lists migration', () => {
  it('folds again the rollups that schema migration 0030 emptied', () => {
    runDataMigrations(sql());
    const rows = () => sql().prepare("SELECT cohort, key, n FROM metric_rollups WHERE dim = 'team' AND span = 24 ORDER BY key").all();
    const before = rows();
    expect(before).toHaveLength(2);
    sql().exec(`DELETE FROM metric_rollups; DELETE FROM data_migrations WHERE name = '${ROLLUP_LISTS}'`);
    expect(runDataMigrations(sql())).toEqual([ROLLUP_LISTS]);
    expect(rows()).toEqual(before);
  });
});

describe('the SLA and survey rollups migration', () => {
  it('folds the SLA targets and surveys of tickets rolled up before they counted', () => {
    runDataMigrations(sql());
    sql().exec(`
      INSERT INTO ticket_sla_targets (ticket_id, target, cycle, policy_id, policy_name, clock, target_ms, started_at, pauses, state, due_at)
        VALUES (10, 'first_response', 1, 1, 'Standard', 'calendar', 3600000, 100, '[]', 'running', 7200000);
      INSERT INTO survey_requests (id, ticket_id, cycle, customer_id, channel_id, channel_kind, question, locale, team_id, sent_at, answerable_until)
        VALUES (1, 11, 1, 1, 3, 'email', '{"type":"nps"}', 'de', 2, 3600000, 9999999);
      INSERT INTO survey_answers (request_id, type, score, scale_min, scale_max, source, submission_key, created_at)
        VALUES (1, 'nps', 10, 0, 10, 'page', 'k1', 3600001);
      DELETE FROM rollup_pending; DELETE FROM data_migrations WHERE name = '${SLA_SURVEY_ROLLUPS}'`);
    const rows = () =>
      sql()
        .prepare(
          "SELECT cohort, hour, n, sla_met, answered, promoters FROM metric_rollups WHERE dim = 'team' AND span = 1 AND cohort IN ('sla', 'nps') ORDER BY cohort",
        )
        .all();
    expect(rows()).toEqual([]);
    expect(runDataMigrations(sql())).toEqual([SLA_SURVEY_ROLLUPS]);
    expect(rows()).toEqual([
      { cohort: 'nps', hour: 1, n: 1, sla_met: 0, answered: 1, promoters: 1 },
      { cohort: 'sla', hour: 2, n: 1, sla_met: 0, answered: 0, promoters: 0 },
    ]);
  });
});
