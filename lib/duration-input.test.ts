import { describe, expect, it } from 'vitest';
import { formatDuration, formatWarning, parseDuration, parseWarning } from './duration-input';

describe('durations as admins type them', () => {
  it.each<[string, number | null]>([
    ['90', 90],
    ['90m', 90],
    ['  90m ', 90],
    ['1.25h', 75],
    ['x 5m', null],
    ['45 min', 45],
    ['2h', 120],
    ['1.5h', 90],
    ['1,5 Std.', 90],
    ['2h 30m', 150],
    ['1d', 1440],
    ['3 T', 4320],
    ['1d 2h', 1560],
    ['0', 0],
    ['', null],
    ['soon', null],
    ['2 hours', null],
    ['-5m', null],
  ])('%j is %j minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it('writes minutes the shortest way that reads back the same', () => {
    for (const minutes of [1, 59, 60, 90, 1440, 1441, 1560, 4320 + 61]) expect(parseDuration(formatDuration(minutes))).toBe(minutes);
    expect(formatDuration(90)).toBe('1h 30m');
    expect(formatDuration(1440)).toBe('24h');
    expect(formatDuration(2400 + 5)).toBe('40h 5m');
    expect(formatDuration(0)).toBe('0m');
  });

  it('reads a warning as a share of the target or a time before it', () => {
    expect(parseWarning('80%')).toEqual({ percent: 80 });
    expect(parseWarning(' 75 % ')).toEqual({ percent: 75 });
    expect(parseWarning('15m')).toEqual({ minutesBefore: 15 });
    expect(parseWarning('1h')).toEqual({ minutesBefore: 60 });
    expect(parseWarning('')).toBeNull();
    expect(parseWarning('150%')).toBeUndefined();
    expect(parseWarning('80%x')).toBeUndefined();
    expect(parseWarning('bald')).toBeUndefined();
    expect(formatWarning({ percent: 80 })).toBe('80%');
    expect(formatWarning({ minutesBefore: 90 })).toBe('1h 30m');
    expect(formatWarning(null)).toBe('');
  });
});
