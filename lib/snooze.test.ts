import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { snoozePresets } from './snooze';

const BERLIN = 'Europe/Berlin';
const at = (y: number, m: number, d: number, h: number, min = 0, zone = BERLIN) => new TZDate(y, m - 1, d, h, min, 0, zone).getTime();
const presets = (now: number, zone = BERLIN) => Object.fromEntries(snoozePresets(now, zone).map((p) => [p.preset, p.at]));

describe('snooze presets', () => {
  it('on a Wednesday morning: later today on the hour, tomorrow, Monday and a week on at nine', () => {
    // Wednesday 2 December 2026, 10:20 in Berlin.
    expect(presets(at(2026, 12, 2, 10, 20))).toEqual({
      later_today: at(2026, 12, 2, 14),
      tomorrow: at(2026, 12, 3, 9),
      next_monday: at(2026, 12, 7, 9),
      next_week: at(2026, 12, 9, 9),
    });
  });

  it('late in the day there is no "later today"; the last one offered is 21:00', () => {
    expect(presets(at(2026, 12, 2, 17, 59))).toHaveProperty('later_today', at(2026, 12, 2, 21));
    expect(presets(at(2026, 12, 2, 18, 0))).not.toHaveProperty('later_today');
    expect(presets(at(2026, 12, 2, 22, 30))).not.toHaveProperty('later_today');
  });

  it('from a Monday, Monday means the next one, which is also a week on (offered once)', () => {
    const monday = snoozePresets(at(2026, 12, 7, 8), BERLIN);
    expect(monday.map((p) => p.preset)).toEqual(['later_today', 'tomorrow', 'next_monday']);
    expect(monday.at(-1)!.at).toBe(at(2026, 12, 14, 9));
    // From a Sunday, Monday morning is tomorrow morning: offered once, as tomorrow.
    expect(presets(at(2026, 12, 6, 8))).toEqual({ later_today: at(2026, 12, 6, 12), tomorrow: at(2026, 12, 7, 9), next_week: at(2026, 12, 13, 9) });
  });

  it('keeps the wall-clock time across a change to summer time, in the agent’s own zone', () => {
    // Friday 27 March 2026; clocks go forward on Sunday 29 March.
    const p = presets(at(2026, 3, 27, 10));
    expect(p.next_monday).toBe(Date.UTC(2026, 2, 30, 7)); // 09:00 CEST
    expect(p.tomorrow).toBe(Date.UTC(2026, 2, 28, 8)); // 09:00 CET
    // The same instant is 16:00 in Tokyo (Friday): tomorrow there is Saturday 09:00 JST.
    expect(presets(at(2026, 3, 27, 10), 'Asia/Tokyo').tomorrow).toBe(Date.UTC(2026, 2, 28, 0));
  });
});
