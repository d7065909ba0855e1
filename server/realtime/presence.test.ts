import { describe, expect, it } from 'vitest';
import { PresenceRegistry } from './presence';

describe('PresenceRegistry', () => {
  it('counts an agent with two tabs once and shows typing from either', () => {
    const p = new PresenceRegistry();
    p.view(1, 's1', { id: 7, name: 'Jana' });
    p.view(1, 's2', { id: 7, name: 'Jana' });
    p.view(1, 's3', { id: 8, name: 'Ben' });
    p.setTyping(1, 's2', true);
    expect(p.viewers(1)).toEqual([
      { agentId: 8, name: 'Ben', typing: false },
      { agentId: 7, name: 'Jana', typing: true },
    ]);
  });
  it('forgets a disconnected socket and reports which tickets changed', () => {
    const p = new PresenceRegistry();
    p.view(1, 's1', { id: 7, name: 'Jana' });
    p.view(2, 's1', { id: 7, name: 'Jana' });
    expect(p.leaveAll('s1').sort()).toEqual([1, 2]);
    expect(p.viewers(1)).toEqual([]);
  });
  it('ignores typing on a ticket the socket does not view', () => {
    const p = new PresenceRegistry();
    expect(p.setTyping(3, 's1', true)).toBe(false);
    expect(p.viewers(3)).toEqual([]);
  });
});
