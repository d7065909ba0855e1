import { describe, expect, it } from 'vitest';
import { mentionedAgents } from './mentions';

const AGENTS = [
  { id: 1, name: 'Jana Berger' },
  { id: 2, name: 'Jana Bergmann' },
  { id: 3, name: 'Tom Fischer' },
  { id: 4, name: 'Mehmet Yılmaz' },
  { id: 5, name: 'Sam' },
];

describe('mentions in a note', () => {
  it('finds full names in any case, and first names that only one agent has', () => {
    expect(mentionedAgents('@jana berger bitte prüfen, @Tom, und @mehmet yılmaz: danke', AGENTS).sort()).toEqual([1, 3, 4]);
    expect(mentionedAgents('@Sam schau mal', AGENTS)).toEqual([5]);
  });

  it('a shared first name alone names nobody; the longer name wins over its prefix', () => {
    expect(mentionedAgents('@Jana kannst du?', AGENTS)).toEqual([]);
    expect(mentionedAgents('@Jana Bergmann übernimmt', AGENTS)).toEqual([2]);
  });

  it('needs the name to end where a word ends and to start a word', () => {
    expect(mentionedAgents('@Tomas und @Tom-Team und mail@tom.de', AGENTS)).toEqual([]);
    expect(mentionedAgents('(@Tom) ja', AGENTS)).toEqual([3]);
    expect(mentionedAgents('Ende: @Tom', AGENTS)).toEqual([3]);
  });
});
