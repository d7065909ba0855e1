const D = require('better-sqlite3');
const d = new D('/tmp/dash-1m.db', { readonly: true });
const to = Date.UTC(2026, 11, 1, 23), from = to - 30 * 864e5;
const t = (name, sql) => { const s = d.prepare(sql); s.all(); const t0 = performance.now(); const r = s.all(); console.log(name, (performance.now() - t0).toFixed(0), 'ms', JSON.stringify(r).slice(0, 150)); };
t('count', `select count(*) from ticket_facts where created_at >= ${from} and created_at < ${to} and is_spam = 0`);
t('agg', `select count(*), count(first_response_calendar_ms), median(first_response_calendar_ms), percentile(first_response_calendar_ms, 90), median(resolution_calendar_ms), percentile(resolution_calendar_ms, 90) from ticket_facts where created_at >= ${from} and created_at < ${to} and is_spam = 0`);
t('agg-solved', `select count(*), sum(replies_before_first_solve >= 1), sum(replies_before_first_solve = 1 and (first_reopen_at is null or first_reopen_at - first_solved_at > 604800000)), sum(first_reopen_at is not null) from ticket_facts where first_solved_at >= ${from} and first_solved_at < ${to} and is_spam = 0`);
t('agg-team', `select count(*), median(first_response_calendar_ms) from ticket_facts where team_id = 1 and created_at >= ${from} and created_at < ${to} and is_spam = 0`);
t('offset-p90', `select first_response_calendar_ms from ticket_facts where created_at >= ${from} and created_at < ${to} and is_spam = 0 and first_response_calendar_ms is not null order by first_response_calendar_ms limit 1 offset 200000`);
