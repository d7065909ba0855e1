import { VIEWS, ticketFilterSchema, type TicketFilter, type ViewId } from './ticket-filter';

/**
 * The inbox's place in its URL, so a reload or a shared link lands on the same list: the view, and when
 * the filters were changed from it, every filter (`status=open,pending&team=2`; an empty `status=` is
 * any status); the search text as `q`; the open ticket by its number. A link whose filters do not parse
 * opens the view, and says so. A saved view adds its id (`saved=12`, to mark it) to filters written out in
 * full, so the link works for a colleague who does not see that view.
 */
type Place = { view: ViewId; filter: TicketFilter; q: string; ticket: number | null; saved?: number | null };

const LISTS = ['status', 'channel', 'priority'] as const;
const FILTER_PARAMS = [...LISTS, 'assignee', 'team', 'tag', 'sla', 'sort'] as const;

/** The filter with its defaults filled in and its lists in a fixed order, for comparing two. */
function normal(f: TicketFilter) {
  const { q: _q, ...rest } = ticketFilterSchema.parse(f);
  for (const k of LISTS) if (rest[k]) rest[k] = [...rest[k]].sort() as never;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

export const sameFilter = (a: TicketFilter, b: TicketFilter) => normal(a) === normal(b);

/** The built-in view whose filter this is, or null (filters changed). */
export const viewOfFilter = (f: TicketFilter): ViewId | null => VIEWS.find((v) => sameFilter(v.filter, f))?.id ?? null;

const viewFilter = (id: ViewId): TicketFilter => VIEWS.find((v) => v.id === id)!.filter;

export function placeToSearch(p: Place): string {
  const out = new URLSearchParams({ view: p.view });
  if (!sameFilter(p.filter, viewFilter(p.view))) {
    const f = ticketFilterSchema.parse(p.filter);
    for (const k of LISTS) out.set(k, (f[k] ?? []).join(','));
    out.set('assignee', String(f.assignee));
    if (f.teamId) out.set('team', String(f.teamId));
    if (f.tagId) out.set('tag', String(f.tagId));
    if (f.sla) out.set('sla', f.sla);
    out.set('sort', f.sort);
  }
  if (p.saved) out.set('saved', String(p.saved));
  if (p.q) out.set('q', p.q);
  if (p.ticket !== null) out.set('ticket', String(p.ticket));
  return out.toString();
}

const positive = (v: string | null) => (v !== null && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null);

/** The place a URL's query names; `invalid` when its filters did not parse (the view's own are used then). */
export function placeFromSearch(search: string): Required<Place> & { invalid: boolean; legacyId: number | null } {
  const p = new URLSearchParams(search);
  const view = VIEWS.find((v) => v.id === p.get('view'))?.id ?? 'mine_unassigned';
  const base = {
    view,
    q: (p.get('q') ?? '').slice(0, 200),
    ticket: positive(p.get('ticket')),
    saved: positive(p.get('saved')),
    legacyId: positive(p.get('t')),
  };
  if (!FILTER_PARAMS.some((k) => p.has(k))) return { ...base, filter: viewFilter(view), invalid: false };
  const list = (k: (typeof LISTS)[number]) => {
    const v = p.get(k);
    return v ? v.split(',') : undefined;
  };
  const id = (k: string) => (p.has(k) ? Number(p.get(k)) : undefined);
  const assignee = p.get('assignee') ?? 'any';
  const parsed = ticketFilterSchema.safeParse({
    ...(viewFilter(view).spam ? { spam: true } : {}),
    ...(viewFilter(view).snoozed ? { snoozed: true } : {}),
    status: list('status'),
    channel: list('channel'),
    priority: list('priority'),
    assignee: /^\d+$/.test(assignee) ? Number(assignee) : assignee,
    teamId: id('team'),
    tagId: id('tag'),
    sla: p.get('sla') ?? undefined,
    sort: p.get('sort') ?? undefined,
  });
  if (!parsed.success) return { ...base, filter: viewFilter(view), invalid: true };
  // Only what the URL said: defaults stay implicit, as the filter UI leaves them.
  const f: TicketFilter = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as TicketFilter;
  return { ...base, filter: f, invalid: false };
}
