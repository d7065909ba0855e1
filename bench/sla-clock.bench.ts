// The SLA clock's speed: due times for open tickets on mixed calendars, next to a minute-by-minute
// reference computed in the same run on a sample of the same tickets.
// Usage: npm run bench:sla -- [--tickets 100000] [--sample 200]
// Target (issue #14): ≥ 100,000 due times/s and ≥ 100× the reference. The re-plan sweep and the job
// worker's latency come with the SLA policies.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { businessHoursAt, type BusinessCalendar } from '../lib/business-hours';
import { dueAt, type Pause } from '../lib/sla-clock';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '100000' }, sample: { type: 'string', default: '200' } } });
const N = Number(values.tickets);
const SAMPLE = Number(values.sample);
const MIN = 60_000;

const weekdays = (spans: [string, string][]) => [1, 2, 3, 4, 5].flatMap((day) => spans.map(([from, to]) => ({ day, from, to })));
const CALENDARS: (BusinessCalendar | null)[] = [
  {
    timeZone: 'Europe/Berlin',
    periods: weekdays([['08:00', '18:00']]),
    holidays: [
      { date: '2026-12-24', name: 'Heiligabend' },
      { date: '2026-12-25', name: '1. Weihnachtstag' },
      { date: '2026-12-26', name: '2. Weihnachtstag' },
      { date: '2027-01-01', name: 'Neujahr' },
    ],
  },
  {
    timeZone: 'Europe/Berlin',
    periods: weekdays([
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ]),
    holidays: [],
  },
  { timeZone: 'America/New_York', periods: weekdays([['09:00', '17:00']]), holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }] },
  { timeZone: 'UTC', periods: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '00:00', to: '24:00' })), holidays: [] },
  null,
];

// Deterministic tickets: starts over November and December 2026, targets from 15 minutes to 3 days, a pause on every fourth.
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const base = Date.UTC(2026, 10, 1);
const tickets = Array.from({ length: N }, () => {
  const start = base + Math.floor(rnd() * 60 * 24 * 60) * MIN;
  const targetMs = (15 + Math.floor(rnd() * 3 * 24 * 60)) * MIN;
  const pauses: Pause[] = rnd() < 0.25 ? [[start + 30 * MIN, start + (30 + Math.floor(rnd() * 600)) * MIN]] : [];
  return { cal: CALENDARS[Math.floor(rnd() * CALENDARS.length)]!, start, targetMs, pauses };
});

function reference(t: (typeof tickets)[number]): number | null {
  let counted = 0;
  for (let at = t.start, i = 0; i < 400 * 24 * 60; at += MIN, i++) {
    const paused = t.pauses.some(([p, q]) => at >= p && (q === null || at < q));
    if (!paused && (t.cal === null || businessHoursAt(t.cal, at).open)) counted += MIN;
    if (counted >= t.targetMs) return at + MIN;
  }
  return null;
}

let t0 = performance.now();
let checksum = 0;
for (const t of tickets) checksum += dueAt(t.cal, t.start, t.targetMs, t.pauses) ?? 0;
const clockSeconds = (performance.now() - t0) / 1000;

const sample = tickets.filter((_, i) => i % Math.max(1, Math.floor(N / SAMPLE)) === 0).slice(0, SAMPLE);
t0 = performance.now();
let mismatches = 0;
for (const t of sample) if (reference(t) !== dueAt(t.cal, t.start, t.targetMs, t.pauses)) mismatches++;
const referenceSeconds = (performance.now() - t0) / 1000;

const clockRate = N / clockSeconds;
const referenceRate = sample.length / referenceSeconds;
console.log(`SLA clock, ${N.toLocaleString('en')} open tickets on ${CALENDARS.length} calendars (checksum ${checksum % 1e9})`);
console.log(`  clock      ${clockRate.toFixed(0).padStart(9)} due times/s`);
console.log(
  `  reference  ${referenceRate.toFixed(1).padStart(9)} due times/s (minute by minute, ${sample.length} of the same tickets; ${mismatches} disagree)`,
);
console.log(`  ratio ${(clockRate / referenceRate).toFixed(0)}×   targets: ≥ 100,000/s and ≥ 100×`);
