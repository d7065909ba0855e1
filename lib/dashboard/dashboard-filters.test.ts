import { describe, expect, it } from 'vitest';
import { dashboardFiltersSchema, filtersToSearch, previousWindow, resolveWindow, type DashboardFilters } from './dashboard-filters';

// 2026-03-31 12:00 in Berlin (CEST since 29 March): the windows around the change to summer time.
const NOW = Date.UTC(2026, 2, 31, 10, 0);
const ZONE = 'Europe/Berlin';
const win = (f: Partial<DashboardFilters>) => resolveWindow({ range: '30d', ...f }, ZONE, NOW);

describe('dashboard windows', () => {
  it('counts presets back from today in the zone, whole local days, the last one included', () => {
    expect(win({ range: 'today' })).toEqual({
      from: Date.UTC(2026, 2, 30, 22),
      to: Date.UTC(2026, 2, 31, 22),
      fromDay: '2026-03-31',
      toDay: '2026-03-31',
      days: 1,
    });
    // Seven days across the clock change: starts at CET midnight (23:00 UTC), ends at CEST midnight (22:00 UTC).
    expect(win({ range: '7d' })).toEqual({
      from: Date.UTC(2026, 2, 24, 23),
      to: Date.UTC(2026, 2, 31, 22),
      fromDay: '2026-03-25',
      toDay: '2026-03-31',
      days: 7,
    });
    expect(win({ range: '90d' })).toMatchObject({ fromDay: '2026-01-01', toDay: '2026-03-31', days: 90 });
    expect(win({ range: 'this_month' })).toMatchObject({ fromDay: '2026-03-01', toDay: '2026-03-31', days: 31 });
    expect(win({ range: 'last_month' })).toMatchObject({ fromDay: '2026-02-01', toDay: '2026-02-28', days: 28 });
  });

  it('takes a custom range of days, up to two years', () => {
    expect(win({ range: 'custom', from: '2026-01-05', to: '2026-01-11' })).toMatchObject({ from: Date.UTC(2026, 0, 4, 23), days: 7 });
    expect(win({ range: 'custom', from: '2024-04-01', to: '2026-03-31' })).toMatchObject({ days: 730 });
    expect(win({ range: 'custom', from: '2024-03-31', to: '2026-03-31' })).toMatchObject({ days: 731 });
  });

  it('refuses reversed, overlong, missing and non-existent dates with a reason', () => {
    expect(win({ range: 'custom', from: '2026-03-10', to: '2026-03-09' })).toEqual({ problem: 'range_reversed' });
    expect(win({ range: 'custom', from: '2024-03-30', to: '2026-03-31' })).toEqual({ problem: 'range_too_long' });
    expect(win({ range: 'custom', from: '2026-03-10' })).toEqual({ problem: 'range_dates_missing' });
    expect(win({ range: 'custom', from: '2026-02-30', to: '2026-03-01' })).toEqual({ problem: 'range_date_invalid' });
    expect(dashboardFiltersSchema.safeParse({ range: 'custom', from: '1.3.2026' }).success).toBe(false);
    expect(dashboardFiltersSchema.safeParse({ channel: 'fax' }).success).toBe(false);
  });

  it('compares with the same number of days just before', () => {
    const w = win({ range: '7d' });
    if ('problem' in w) throw new Error('expected a window');
    expect(previousWindow(w, ZONE)).toEqual({
      from: Date.UTC(2026, 2, 17, 23),
      to: Date.UTC(2026, 2, 24, 23),
      fromDay: '2026-03-18',
      toDay: '2026-03-24',
      days: 7,
    });
  });

  it('writes only what differs from the defaults into the address, dates only for a custom range', () => {
    expect(filtersToSearch(dashboardFiltersSchema.parse({}))).toBe('');
    expect(filtersToSearch({ range: '7d', from: '2026-01-01', teamId: 2, clock: 'calendar' })).toBe('range=7d&teamId=2&clock=calendar');
    expect(filtersToSearch({ range: 'custom', from: '2026-01-01', to: '2026-01-31' })).toBe('range=custom&from=2026-01-01&to=2026-01-31');
    expect(dashboardFiltersSchema.parse(Object.fromEntries(new URLSearchParams('range=7d&teamId=2')))).toMatchObject({
      range: '7d',
      teamId: 2,
      cohort: 'created',
    });
  });
});
