import { describe, expect, it } from 'vitest';
import { statusTransition } from './status-transition';

const base = { status: 'open' as const, firstSolvedAt: null, reopenCount: 0 };

describe('statusTransition', () => {
  it('records the first and last solve', () => {
    expect(statusTransition(base, 'solved', 100)).toEqual({ status: 'solved', firstSolvedAt: 100, lastSolvedAt: 100 });
    expect(statusTransition({ ...base, firstSolvedAt: 50 }, 'solved', 100)).toEqual({ status: 'solved', lastSolvedAt: 100 });
  });
  it('counts solved → open as a reopen', () => {
    expect(statusTransition({ ...base, status: 'solved', firstSolvedAt: 50 }, 'open', 100)).toEqual({ status: 'open', reopenCount: 1 });
  });
  it('refuses to change a closed ticket or to go back to new', () => {
    expect(() => statusTransition({ ...base, status: 'closed' }, 'open', 1)).toThrow(/closed/);
    expect(() => statusTransition(base, 'new', 1)).toThrow(/new/);
  });
});
