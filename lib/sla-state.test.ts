import { describe, expect, it } from 'vitest';
import { durationParts, nextStandingChange, slaStanding } from './sla-state';

const MIN = 60_000;

describe('the standing of a running SLA target', () => {
  it('is fine before its warning, at risk from it, breached from the due time on', () => {
    expect(slaStanding(100 * MIN, 80 * MIN, 80 * MIN - 1)).toBe('ok');
    expect(slaStanding(100 * MIN, 80 * MIN, 80 * MIN)).toBe('at_risk');
    expect(slaStanding(100 * MIN, 80 * MIN, 100 * MIN - 1)).toBe('at_risk');
    expect(slaStanding(100 * MIN, 80 * MIN, 100 * MIN)).toBe('breached');
    expect(slaStanding(100 * MIN, null, 99 * MIN)).toBe('ok');
  });

  it('changes next at the warning, then at the due time, then never', () => {
    expect(nextStandingChange(100, 80, 10)).toBe(80);
    expect(nextStandingChange(100, 80, 80)).toBe(100);
    expect(nextStandingChange(100, null, 10)).toBe(100);
    expect(nextStandingChange(100, 80, 100)).toBeNull();
  });

  it('reads as its two largest parts, whichever side of zero', () => {
    expect(durationParts(0)).toEqual([[0, 'minute']]);
    expect(durationParts(59_999)).toEqual([[0, 'minute']]);
    expect(durationParts(45 * MIN)).toEqual([[45, 'minute']]);
    expect(durationParts(-(2 * 60 + 15) * MIN)).toEqual([
      [2, 'hour'],
      [15, 'minute'],
    ]);
    expect(durationParts((3 * 1440 + 5) * MIN)).toEqual([[3, 'day']]);
    expect(durationParts((1440 + 60 + 1) * MIN)).toEqual([
      [1, 'day'],
      [1, 'hour'],
    ]);
    expect(durationParts(120 * MIN)).toEqual([[2, 'hour']]);
  });
});
