import { describe, expect, it } from 'vitest';
import { placeFromSearch, placeToSearch, sameFilter, viewOfFilter } from './inbox-url';
import { VIEWS } from './ticket-filter';

const view = (id: string) => VIEWS.find((v) => v.id === id)!.filter;

describe('the inbox URL', () => {
  it('names only the view while its filters are unchanged', () => {
    expect(placeToSearch({ view: 'mine', filter: view('mine'), q: '', ticket: null })).toBe('view=mine');
    expect(placeToSearch({ view: 'all', filter: { assignee: 'any' }, q: 'Rechnung', ticket: 4000 })).toBe('view=all&q=Rechnung&ticket=4000');
    expect(placeFromSearch('?view=mine')).toMatchObject({ view: 'mine', filter: view('mine'), invalid: false, q: '', ticket: null });
  });

  it('carries changed filters through a reload, with any status as an empty list', () => {
    const filter = { status: ['pending', 'open'] as const, channel: ['email' as const], assignee: 7, teamId: 2, tagId: 5, sort: 'due' as const };
    const search = placeToSearch({ view: 'all_unsolved', filter: { ...filter, status: [...filter.status] }, q: 'verspätet', ticket: null });
    expect(search).toBe('view=all_unsolved&status=pending%2Copen&channel=email&priority=&assignee=7&team=2&tag=5&sort=due&q=versp%C3%A4tet');
    const back = placeFromSearch(`?${search}`);
    expect(back.invalid).toBe(false);
    expect(back.q).toBe('verspätet');
    expect(sameFilter(back.filter, { ...filter, status: ['open', 'pending'] })).toBe(true);
    // Every status: the view's status list cleared.
    const any = placeFromSearch(`?${placeToSearch({ view: 'mine', filter: { ...view('mine'), status: undefined }, q: '', ticket: null })}`);
    expect(any.filter.status).toBeUndefined();
    expect(any.filter.assignee).toBe('me');
    expect(viewOfFilter(any.filter)).toBeNull();
  });

  it('keeps the spam view a spam list when its filters change', () => {
    const search = placeToSearch({ view: 'spam', filter: { ...view('spam'), channel: ['chat'] }, q: '', ticket: null });
    expect(placeFromSearch(`?${search}`).filter).toMatchObject({ spam: true, channel: ['chat'] });
  });

  it('opens the view and says so when the filters do not parse', () => {
    for (const bad of ['status=lost', 'assignee=-3', 'team=abc', 'sla=soon', 'channel=email,fax'])
      expect(placeFromSearch(`?view=pending&${bad}`)).toMatchObject({ view: 'pending', filter: view('pending'), invalid: true });
    expect(placeFromSearch('?view=nope').view).toBe('mine_unassigned');
    expect(placeFromSearch('?ticket=0&t=12')).toMatchObject({ ticket: null, legacyId: 12 });
  });

  it('marks a saved view by its id beside its filters written out, so a colleague without the view gets the list', () => {
    const filter = { status: ['open' as const], assignee: 'any' as const, teamId: 3 };
    const search = placeToSearch({ view: 'all', filter, q: '', ticket: 12, saved: 7 });
    expect(search).toBe('view=all&status=open&channel=&priority=&assignee=any&team=3&sort=activity&saved=7&ticket=12');
    const back = placeFromSearch(`?${search}`);
    expect(back).toMatchObject({ saved: 7, ticket: 12, invalid: false });
    expect(sameFilter(back.filter, filter)).toBe(true);
    expect(placeFromSearch('?view=all&saved=x').saved).toBeNull();
  });

  it('tells which view a filter is, whatever the order of its lists', () => {
    expect(viewOfFilter({ status: ['on_hold', 'pending', 'open', 'new'], assignee: 'me' })).toBe('mine');
    expect(viewOfFilter({ ...view('mine'), teamId: 3 })).toBeNull();
    expect(viewOfFilter({ ...view('all'), q: 'ignored' })).toBe('all');
  });
});
