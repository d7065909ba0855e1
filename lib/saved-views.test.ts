import { describe, expect, it } from 'vitest';
import { countLabel, savedViewInputSchema, VIEW_COUNT_CAP } from './saved-views';

describe('saved views', () => {
  it('shows a count up to the cap as it is, and from the cap on as "999+"', () => {
    const plain = (n: number) => String(n);
    expect(countLabel(0, plain)).toBe('0');
    expect(countLabel(VIEW_COUNT_CAP - 1, plain)).toBe('999');
    expect(countLabel(VIEW_COUNT_CAP, plain)).toBe('999+');
    expect(countLabel(5000, (n) => n.toLocaleString('de'))).toBe('999+');
  });

  it('needs a team for a team view and none for the others, and keeps no search text', () => {
    const base = { name: ' Offen ', filter: { assignee: 'any' as const, q: 'ignored' } };
    expect(savedViewInputSchema.safeParse({ ...base, scope: 'team' }).success).toBe(false);
    expect(savedViewInputSchema.safeParse({ ...base, scope: 'personal', teamId: 3 }).success).toBe(false);
    const ok = savedViewInputSchema.parse({ ...base, scope: 'team', teamId: 3 });
    expect(ok.name).toBe('Offen');
    expect(ok.filter).not.toHaveProperty('q');
    expect(savedViewInputSchema.safeParse({ ...base, name: '', scope: 'everyone' }).success).toBe(false);
  });
});
