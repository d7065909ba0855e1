import { randomBytes } from 'node:crypto';
import type { Db } from '../client';
import { createRandom, type Random } from './random';
import { AGENT_REPLIES, CITIES, CUSTOMER_FOLLOW_UPS, DEMO_MACROS, FIRST_NAMES, INTERNAL_NOTES, LAST_NAMES, SNOOZE_REASONS, TOPICS } from './texts';
import type { ChannelKind, TicketStatus, Priority } from '../../lib/domain';
import { ticketEvent, type NewTicketEvent } from '../../lib/ticket-events';
import { previewOf } from '../../lib/preview';
import { indexAllRows } from '../queries/search-index';
import { rebuildAllTicketFacts } from '../queries/ticket-facts';
import { foldPendingRollups } from '../queries/metric-rollups';
import { analyzeDatabase } from '../analyze';
import { TZDate } from '@date-fns/tz';
import { businessHoursAt, type BusinessCalendar } from '../../lib/business-hours';
import { elapsedMs } from '../../lib/sla-clock';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_CHAT_TOKEN = 'demo-website-chat';

export const DEMO_AGENTS = [
  { email: 'admin@demo.local', name: 'Alex Admin', role: 'admin', teams: [0, 1, 2] },
  { email: 'lena@demo.local', name: 'Lena Lehmann', role: 'lead', teams: [0] },
  { email: 'jana@demo.local', name: 'Jana Berger', role: 'agent', teams: [0] },
  { email: 'tom@demo.local', name: 'Tom Fischer', role: 'agent', teams: [0, 2] },
  { email: 'sam@demo.local', name: 'Sam Carter', role: 'agent', teams: [1] },
  { email: 'mehmet@demo.local', name: 'Mehmet Yilmaz', role: 'agent', teams: [1] },
  { email: 'claire@demo.local', name: 'Claire Dupont', role: 'lead', teams: [2] },
  { email: 'nils@demo.local', name: 'Nils Hansen', role: 'agent', teams: [2] },
] as const;

const TEAMS = ['Kundenservice', 'Billing', 'Reklamationen'];
const CHANNELS: { kind: ChannelKind; name: string; weight: number; settings?: object }[] = [
  { kind: 'email', name: 'support@demo.local', weight: 45, settings: { address: 'support@demo.local', displayName: 'Demo Support' } },
  // The demo widget's public token is fixed so the demo page and the README can name it; its identity
  // secret is random per database (an admin sees it in Settings → Chat widgets).
  {
    kind: 'chat',
    name: 'Website-Chat',
    weight: 25,
    settings: { publicToken: DEMO_CHAT_TOKEN, identitySecret: randomBytes(32).toString('hex'), allowedOrigins: [] },
  },
  // Not connected (no token or secrets): replies fail visibly until an admin enters them in Settings → WhatsApp.
  {
    kind: 'whatsapp',
    name: 'WhatsApp +49 30 1234567',
    weight: 12,
    settings: {
      phoneNumberId: '100000000000001',
      templates: [
        {
          name: 'ticket_update',
          language: 'de',
          body: 'Hallo {{1}}, es gibt Neuigkeiten zu Ihrer Anfrage #{{2}}. Antworten Sie einfach auf diese Nachricht.',
          parameters: ['customer.first_name', 'ticket.number'],
        },
      ],
    },
  },
  { kind: 'messenger', name: 'Facebook Messenger', weight: 8 },
  { kind: 'telegram', name: 'Telegram @demo_support', weight: 4 },
  { kind: 'web_form', name: 'Kontaktformular', weight: 6 },
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type SeedOptions = { tickets: number; seed?: number; now?: number; passwordHash: string; onProgress?: (done: number) => void };

/** Nationwide public holidays in Germany, for the demo business-hours calendar. */
const GERMAN_HOLIDAYS = [
  ['2026-01-01', 'Neujahr'],
  ['2026-04-03', 'Karfreitag'],
  ['2026-04-06', 'Ostermontag'],
  ['2026-05-01', 'Tag der Arbeit'],
  ['2026-05-14', 'Christi Himmelfahrt'],
  ['2026-05-25', 'Pfingstmontag'],
  ['2026-10-03', 'Tag der Deutschen Einheit'],
  ['2026-12-25', '1. Weihnachtstag'],
  ['2026-12-26', '2. Weihnachtstag'],
  ['2027-01-01', 'Neujahr'],
  ['2027-03-26', 'Karfreitag'],
  ['2027-03-29', 'Ostermontag'],
  ['2027-05-01', 'Tag der Arbeit'],
  ['2027-05-06', 'Christi Himmelfahrt'],
  ['2027-05-17', 'Pfingstmontag'],
  ['2027-10-03', 'Tag der Deutschen Einheit'],
  ['2027-12-25', '1. Weihnachtstag'],
  ['2027-12-26', '2. Weihnachtstag'],
].map(([date, name]) => ({ date: date!, name: name! }));

/**
 * Demo data: agents, teams, channels, customers with identities and multi-channel tickets spread over
 * 90 days, with a consistent event history (created, replies, notes, status changes, reopens).
 * Written with raw prepared statements in chunked transactions: a million tickets take minutes.
 */
export function generateDemoData(db: Db, opts: SeedOptions) {
  const sqlite = db.$client;
  const rnd = createRandom(opts.seed ?? 42);
  const now = opts.now ?? Date.now();
  const start = now - 90 * DAY;

  const teamIds = TEAMS.map((name) =>
    Number(sqlite.prepare('insert into teams (name, time_zone, created_at) values (?, ?, ?)').run(name, 'Europe/Berlin', start).lastInsertRowid),
  );
  const agentIds = DEMO_AGENTS.map((a) => {
    const id = Number(
      sqlite
        .prepare('insert into agents (email, name, password_hash, role, active, created_at) values (?, ?, ?, ?, 1, ?)')
        .run(a.email, a.name, opts.passwordHash, a.role, start).lastInsertRowid,
    );
    for (const t of a.teams) sqlite.prepare('insert into agent_teams (agent_id, team_id) values (?, ?)').run(id, teamIds[t]);
    return id;
  });
  writeDemoMacros(sqlite, teamIds, start);
  const channelIds = CHANNELS.map((c) =>
    Number(
      sqlite
        .prepare('insert into channels (kind, name, settings, default_team_id, created_at) values (?, ?, ?, ?, ?)')
        .run(c.kind, c.name, JSON.stringify(c.settings ?? {}), teamIds[0], start).lastInsertRowid,
    ),
  );
  const hours: BusinessCalendar = {
    timeZone: 'Europe/Berlin',
    periods: [1, 2, 3, 4, 5].map((day) => ({ day, from: '08:00', to: '18:00' })),
    holidays: GERMAN_HOLIDAYS,
  };
  const calendar = sqlite
    .prepare('insert into calendars (name, time_zone, periods, holidays, created_at, updated_at) values (?, ?, ?, ?, ?, ?)')
    .run('Support Berlin (Mo–Fr 8–18)', hours.timeZone, JSON.stringify(hours.periods), JSON.stringify(hours.holidays), start, start);
  const calendarId = Number(calendar.lastInsertRowid);
  const took = (from: number, at: number) => ({ calendarMs: at - from, businessMs: elapsedMs(hours, from, at), calendarId, policyId: null });
  // The teams keep these hours: SLA emails to their agents wait for them.
  sqlite.prepare('update teams set calendar_id = ?').run(calendar.lastInsertRowid);
  const tagIds = new Map(
    ['reklamation', 'lieferung', 'rechnung', 'konto', 'retoure', 'vip', 'dringend'].map((t) => [
      t,
      Number(sqlite.prepare('insert into tags (name) values (?)').run(t).lastInsertRowid),
    ]),
  );

  const insCustomer = sqlite.prepare('insert into customers (name, email, email_verified, created_at) values (?, ?, 1, ?)');
  const insAttribute = sqlite.prepare('insert into customer_attributes (customer_id, key, value, updated_at) values (?, ?, ?, ?)');
  const insIdentity = sqlite.prepare('insert into customer_identities (customer_id, kind, external_id, created_at) values (?, ?, ?, ?)');
  const insTicket = sqlite.prepare(`insert into tickets (number, subject, status, priority, channel_id, customer_id, assignee_id, team_id,
    created_at, updated_at, last_activity_at, last_customer_message_at, preview, first_response_at, first_solved_at, last_solved_at, reopen_count)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insMessage =
    sqlite.prepare(`insert into messages (ticket_id, author_kind, author_agent_id, author_customer_id, is_internal, body_text, body_html, delivery_state, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insEvent = sqlite.prepare('insert into ticket_events (ticket_id, type, actor_kind, actor_agent_id, data, created_at) values (?, ?, ?, ?, ?, ?)');
  const insTag = sqlite.prepare('insert or ignore into ticket_tags (ticket_id, tag_id) values (?, ?)');
  const setSnooze = sqlite.prepare('update tickets set snoozed_until = ?, snooze_reason = ? where id = ?');
  // The job that brings a snoozed ticket back (kind and id as server/tickets/snooze-ticket.ts plans them).
  const insSnoozeJob = sqlite.prepare(`insert into jobs (id, kind, payload, run_at, state, attempts, created_at, updated_at)
    values ('snooze:' || ?, 'snooze', ?, ?, 'queued', 0, ?, ?)`);

  type Customer = { id: number; lang: 'de' | 'en'; first: string; identities: Map<ChannelKind, string> };
  const customers: Customer[] = [];
  const customerCount = Math.max(1, Math.ceil(opts.tickets / 3));

  const newCustomer = (i: number): Customer => {
    const lang = rnd.chance(0.6) ? 'de' : 'en';
    const first = rnd.pick(FIRST_NAMES[lang]);
    const last = rnd.pick(LAST_NAMES[lang]);
    const email = `${ascii(first)}.${ascii(last)}${i}@${lang === 'de' ? 'beispiel.de' : 'example.com'}`;
    const id = Number(insCustomer.run(`${first} ${last}`, email, start).lastInsertRowid);
    const attributes = { city: rnd.pick(CITIES[lang]), plan: rnd.pick(['Basic', 'Plus', 'Business']), language: lang };
    for (const [key, value] of Object.entries(attributes)) insAttribute.run(id, key, value, start);
    insIdentity.run(id, 'email', email, start);
    return { id, lang, first, identities: new Map([['email', email]]) };
  };

  const identityFor = (c: Customer, kind: ChannelKind, i: number) => {
    if (kind === 'chat' || kind === 'web_form' || c.identities.has(kind)) return;
    const ext = kind === 'whatsapp' ? `+49${1500000000 + i}` : `${kind}-${c.id}-${i}`;
    insIdentity.run(c.id, kind, ext, start);
    c.identities.set(kind, ext);
  };

  const CHUNK = 5000;
  let number = 1000;
  for (let done = 0; done < opts.tickets;) {
    const n = Math.min(CHUNK, opts.tickets - done);
    sqlite.transaction(() => {
      for (let k = 0; k < n; k++) {
        const i = done + k;
        // Reuse customers so profiles show several tickets across channels.
        const c =
          customers.length < customerCount && (customers.length === 0 || rnd.chance(0.45))
            ? (customers.push(newCustomer(customers.length)), customers[customers.length - 1]!)
            : rnd.pick(customers);
        const chIndex = rnd.weighted(CHANNELS.map((ch, idx) => [idx, ch.weight] as const));
        identityFor(c, CHANNELS[chIndex]!.kind, i);
        writeTicket(rnd, c, chIndex, ++number, createdAtFor(rnd, start, now, i, opts.tickets));
      }
    })();
    done += n;
    opts.onProgress?.(done);
  }
  // Without tickets there is no history to have been online for (test databases build their own).
  if (opts.tickets > 0) writePresence(sqlite, agentIds, start, now, rnd);
  indexAllRows(db);
  // The history was written in bulk, past the event writer: the dashboard's facts are folded from it once.
  rebuildAllTicketFacts(db);
  foldPendingRollups(db);
  analyzeDatabase(db);

  function writeTicket(r: Random, c: Customer, chIndex: number, num: number, createdAt: number) {
    const topic = r.pick(TOPICS);
    const lang = c.lang;
    const vars = { order: `A-${r.int(100000, 999999)}`, name: c.first, amount: String(r.int(19, 899)), agent: '' };
    const subject = fill(r.pick(topic[lang].subject), vars);
    const firstBody = fill(r.pick(topic[lang].body), vars);
    const teamIdx = topic.tag === 'rechnung' ? 1 : topic.tag === 'reklamation' ? 2 : 0;
    const teamAgents = DEMO_AGENTS.map((a, idx) => ({ a, idx })).filter(({ a }) => (a.teams as readonly number[]).includes(teamIdx));
    const assigneeIdx = r.pick(teamAgents).idx;
    vars.agent = DEMO_AGENTS[assigneeIdx]!.name.split(' ')[0]!;
    const agentId = agentIds[assigneeIdx]!;
    const age = now - createdAt;
    const status = statusFor(r, age);
    const priority: Priority = r.weighted([
      ['low', 15],
      ['normal', 60],
      ['high', 20],
      ['urgent', 5],
    ] as const);

    type Msg = { kind: 'customer' | 'agent'; internal: boolean; text: string; at: number };
    const msgs: Msg[] = [{ kind: 'customer', internal: false, text: firstBody, at: createdAt }];
    // Built with the one event constructor (ticket id filled in once the ticket row exists).
    const agentActor = { kind: 'agent', agentId } as const;
    const events: NewTicketEvent[] = [
      ticketEvent(
        0,
        'created',
        { channelId: channelIds[chIndex]!, channel: CHANNELS[chIndex]!.kind, teamId: teamIds[teamIdx]!, priority, assigneeId: null, formId: null },
        { kind: 'customer' },
        createdAt,
      ),
    ];
    let t = createdAt;
    let firstResponseAt: number | null = null;
    let assigned = false;
    let current: TicketStatus = 'new';
    const step = (min: number, max: number) => (t = Math.min(now - MINUTE, t + r.int(min, max)));
    // The first answer waits for the team: within hours soon (slower at the morning peak), at night and at
    // the weekend for the next opening; a small weekend crew answers some, slowly. The staffing view shows it.
    const firstReplyAt = (r: Random, from: number) => {
      const open = businessHoursAt(hours, from);
      const local = new TZDate(from, hours.timeZone);
      const h = local.getHours();
      const weekendCrew = local.getDay() === 6 ? h >= 9 && h < 18 && r.chance(0.75) : local.getDay() === 0 && h >= 10 && h < 16 && r.chance(0.35);
      const at =
        open.open || weekendCrew
          ? from + Math.round((h < 11 ? r.int(20 * MINUTE, 3 * HOUR) : r.int(5 * MINUTE, 90 * MINUTE)) * (weekendCrew ? 2.5 : 1))
          : (open.changesAt ?? from) + r.int(5 * MINUTE, 2 * HOUR);
      // Never before what already happened on the ticket (its assignment, a note).
      return (t = Math.max(t + MINUTE, Math.min(now - MINUTE, at)));
    };

    if (status !== 'new') {
      // The team gets better at solving in one reply over the 90 days: the FCR trend rises.
      const progress = (createdAt - start) / (now - start);
      const rounds = r.weighted([
        [1, 35 + 25 * progress],
        [2, 40 - 15 * progress],
        [3, 25 - 10 * progress],
      ] as const);
      for (let round = 0; round < rounds; round++) {
        if (!assigned) {
          step(2 * MINUTE, 3 * HOUR);
          events.push(ticketEvent(0, 'assignee_changed', { from: null, to: agentId }, agentActor, t));
          assigned = true;
        }
        if (r.chance(0.2)) msgs.push({ kind: 'agent', internal: true, text: r.pick(INTERNAL_NOTES), at: step(MINUTE, 30 * MINUTE) });
        const replyAt = firstResponseAt === null ? firstReplyAt(r, createdAt) : step(5 * MINUTE, 20 * HOUR);
        msgs.push({ kind: 'agent', internal: false, text: fill(r.pick(AGENT_REPLIES[lang]), vars), at: replyAt });
        firstResponseAt ??= t;
        if (current === 'new') {
          events.push(ticketEvent(0, 'status_changed', { from: 'new', to: 'open' }, agentActor, t));
          current = 'open';
        }
        const last = round === rounds - 1;
        if (!last || status === 'open' || r.chance(0.3))
          msgs.push({ kind: 'customer', internal: false, text: r.pick(CUSTOMER_FOLLOW_UPS[lang]), at: step(10 * MINUTE, 2 * DAY) });
      }
    }
    let firstSolvedAt: number | null = null;
    let lastSolvedAt: number | null = null;
    let reopens = 0;
    let snooze: { until: number; reason: string } | null = null;
    const setStatus = (to: TicketStatus, at: number) => {
      const resolution = to === 'solved' ? { resolution: took(createdAt, at) } : {};
      events.push(ticketEvent(0, 'status_changed', { from: current, to, ...resolution }, agentActor, at));
      current = to;
    };
    if (status === 'solved' || status === 'closed') {
      if (r.chance(0.06)) {
        setStatus('solved', step(HOUR, DAY));
        firstSolvedAt = t;
        msgs.push({ kind: 'customer', internal: false, text: r.pick(CUSTOMER_FOLLOW_UPS[lang]), at: step(HOUR, 2 * DAY) });
        setStatus('open', t);
        reopens = 1;
        msgs.push({ kind: 'agent', internal: false, text: fill(r.pick(AGENT_REPLIES[lang]), vars), at: step(10 * MINUTE, 8 * HOUR) });
      }
      setStatus('solved', step(10 * MINUTE, DAY));
      firstSolvedAt ??= t;
      lastSolvedAt = t;
      // Solved tickets close after four quiet days; one solved more recently stays solved.
      if (status === 'closed' && t + 4 * DAY < now) setStatus('closed', t + 4 * DAY);
    } else if (status !== 'new' && status !== 'open') {
      // Every third pending ticket is snoozed, chosen by its number so that the random stream (and the rest of the demo) stays as it was.
      if (status === 'pending' && num % 3 === 0) {
        const today = new TZDate(now, 'Europe/Berlin');
        const until = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + (num % 5) + 1, 9, 0, 0, 'Europe/Berlin').getTime();
        snooze = { until, reason: SNOOZE_REASONS[lang][num % SNOOZE_REASONS[lang].length]! };
        events.push(ticketEvent(0, 'snoozed', snooze, agentActor, t));
      }
      setStatus(status, t);
    }

    const lastCustomer = msgs.filter((m) => m.kind === 'customer').at(-1)!;
    const lastPublic = msgs.filter((m) => !m.internal).at(-1)!;
    const lastAt = Math.max(...msgs.map((m) => m.at), ...events.map((e) => e.createdAt));
    const ticketId = Number(
      insTicket.run(
        num,
        subject,
        current,
        priority,
        channelIds[chIndex],
        c.id,
        assigned || r.chance(0.3) ? agentId : null,
        teamIds[teamIdx],
        createdAt,
        lastAt,
        lastAt,
        lastCustomer.at,
        previewOf(lastPublic.text),
        firstResponseAt,
        firstSolvedAt,
        lastSolvedAt,
        reopens,
      ).lastInsertRowid,
    );
    if (snooze) {
      setSnooze.run(snooze.until, snooze.reason, ticketId);
      insSnoozeJob.run(ticketId, JSON.stringify({ ticketId, until: snooze.until }), snooze.until, t, t);
    }
    let replied = false;
    for (const m of msgs) {
      const id = Number(
        insMessage.run(
          ticketId,
          m.kind,
          m.kind === 'agent' ? agentId : null,
          m.kind === 'customer' ? c.id : null,
          m.internal ? 1 : 0,
          m.text,
          null,
          m.kind === 'agent' && !m.internal ? 'sent' : 'none',
          m.at,
        ).lastInsertRowid,
      );
      if (m.kind === 'customer') events.push(ticketEvent(0, 'customer_message', { messageId: id }, { kind: 'customer' }, m.at));
      else if (m.internal) events.push(ticketEvent(0, 'internal_note', { messageId: id }, agentActor, m.at));
      else {
        const firstResponse = replied ? {} : { firstResponse: took(createdAt, m.at) };
        replied = true;
        events.push(ticketEvent(0, 'public_reply', { messageId: id, ...firstResponse }, agentActor, m.at));
      }
    }
    events.sort((a, b) => a.createdAt - b.createdAt);
    for (const e of events) insEvent.run(ticketId, e.type, e.actorKind, e.actorAgentId, JSON.stringify(e.data), e.createdAt);
    insTag.run(ticketId, tagIds.get(topic.tag));
    if (priority === 'urgent') insTag.run(ticketId, tagIds.get('dringend'));
    if (r.chance(0.05)) insTag.run(ticketId, tagIds.get('vip'));
  }
}

/**
 * When the demo agents had the app open: weekdays roughly 8 to 17 in Berlin (now and then a day off),
 * two on a Saturday, one on a Sunday midday: the staffing view's "agents online".
 */
function writePresence(sqlite: Db['$client'], agentIds: number[], start: number, now: number, r: Random) {
  const ins = sqlite.prepare('insert into agent_online_spans (agent_id, started_at, last_seen_at) values (?, ?, ?)');
  const first = new TZDate(start, 'Europe/Berlin');
  sqlite.transaction(() => {
    for (let d = 0; d < 91; d++) {
      const day = new TZDate(first.getFullYear(), first.getMonth(), first.getDate() + d, 'Europe/Berlin');
      const weekday = day.getDay();
      agentIds.forEach((id, i) => {
        if (weekday === 0 ? i !== d % agentIds.length : weekday === 6 ? i % 4 !== d % 4 : r.chance(0.08)) return;
        const [from, to] = weekday === 0 ? [10, 16] : weekday === 6 ? [9, 18] : [8, 17];
        const begin = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), from, r.int(0, 40), 'Europe/Berlin').getTime();
        const end = Math.min(now, new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), to, r.int(0, 50), 'Europe/Berlin').getTime());
        if (begin < end && begin >= start) ins.run(id, begin, end);
      });
    }
  })();
}

/** Spread over 90 days, more on weekdays and in office hours (Berlin), newest tickets last. */
function createdAtFor(r: Random, start: number, now: number, i: number, total: number): number {
  const base = start + ((now - start - DAY) * i) / Math.max(1, total);
  const d = new Date(base + r.int(0, 3 * HOUR));
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  const hour = r.weighted([
    [7, 2],
    [8, 6],
    [9, 9],
    [10, 10],
    [11, 9],
    [12, 6],
    [13, 8],
    [14, 9],
    [15, 8],
    [16, 6],
    [17, 4],
    [18, 3],
    [20, 2],
    [22, 1],
  ] as const);
  d.setUTCHours(weekend && r.chance(0.5) ? hour + 2 : hour - 1, r.int(0, 59), r.int(0, 59));
  return Math.min(d.getTime(), now - 5 * MINUTE);
}

function statusFor(r: Random, ageMs: number): TicketStatus {
  if (ageMs < 2 * DAY)
    return r.weighted([
      ['new', 30],
      ['open', 35],
      ['pending', 15],
      ['on_hold', 5],
      ['solved', 15],
    ] as const);
  if (ageMs < 10 * DAY)
    return r.weighted([
      ['open', 15],
      ['pending', 10],
      ['on_hold', 5],
      ['solved', 60],
      ['closed', 10],
    ] as const);
  return r.weighted([
    ['open', 2],
    ['pending', 1],
    ['solved', 10],
    ['closed', 87],
  ] as const);
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** The team's shared macros: two canned replies in both languages and one that hands a ticket to Billing. */
function writeDemoMacros(sqlite: Db['$client'], teamIds: number[], at: number) {
  const ins = sqlite.prepare('insert into macros (name, owner_agent_id, text_en, text_de, actions, created_at, updated_at) values (?, null, ?, ?, ?, ?, ?)');
  for (const m of DEMO_MACROS(teamIds[1]!)) ins.run(m.name, m.en, m.de, JSON.stringify(m.actions), at, at);
}
