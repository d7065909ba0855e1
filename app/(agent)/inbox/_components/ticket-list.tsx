'use client';

import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslations } from 'use-intl';
import { ListFilter, Search } from 'lucide-react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { TicketListRow } from './ticket-list-row';

export type TicketListItem = inferRouterOutputs<AppRouter>['tickets']['list']['items'][number];

type Props = {
  search: string;
  onSearch: (q: string) => void;
  sort: 'activity' | 'due';
  onSort: (sort: 'activity' | 'due') => void;
  items: TicketListItem[];
  loading: boolean;
  hasMore: boolean;
  fetchingMore: boolean;
  onEndReached: () => void;
  searchCapped: boolean;
  /** While searching inside a view or with filters: that view's name, and the way to search all tickets. */
  searchScope: string | null;
  onSearchEverywhere: () => void;
  /** Below lg (1024 px) the views and filters sit in a drawer: its button names the current view. */
  viewName: string;
  onOpenViews: () => void;
  /** Something about the list to tell (a link whose filters could not be read). */
  notice?: string | null;
  selectedId: number | null;
  onSelect: (id: number, focusTicket: boolean) => void;
  checked: readonly number[];
  onCheck: (id: number, range: boolean) => void;
  /** Above the list while tickets are checked: what to do with them. */
  bulkBar?: React.ReactNode;
  /** A row to focus once it is drawn (the list shown again after a ticket on a phone). */
  focusId: number | null;
  onFocused: () => void;
};

const ROW_HEIGHT = 80;

/** Virtualized: only the rows on screen are in the DOM, and pages load as the end comes into view. */
export function TicketList(p: Props) {
  const t = useTranslations();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: p.items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  useEffect(() => {
    if (lastIndex >= p.items.length - 10 && p.hasMore && !p.fetchingMore) p.onEndReached();
  }, [lastIndex, p]);

  // Keep the keyboard-selected row on screen.
  const selectedIndex = p.items.findIndex((i) => i.id === p.selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    // On phones the list and the conversation take turns; from md up they sit side by side.
    <section className={`${p.selectedId ? 'hidden md:flex' : 'flex'} min-h-0 flex-col border-r border-slate-200 bg-white`} aria-label={t('app.inbox')}>
      <div className="flex items-center gap-2 border-b border-slate-200 p-2">
        <button
          type="button"
          onClick={p.onOpenViews}
          aria-haspopup="dialog"
          className="flex max-w-[55%] shrink-0 items-center gap-1 rounded-md border border-slate-200 px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-50 lg:hidden"
        >
          <ListFilter className="size-4 shrink-0" aria-hidden />
          <span className="sr-only">{t('views.open')}: </span>
          <span className="line-clamp-2 text-left leading-tight">{p.viewName}</span>
        </button>
        <label className="relative block min-w-0 flex-1">
          <span className="sr-only">{t('filters.searchLabel')}</span>
          <Search className="pointer-events-none absolute top-2 left-2 size-4 text-slate-500" aria-hidden />
          <input
            id="inbox-search"
            type="search"
            value={p.search}
            onChange={(e) => p.onSearch(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && (e.currentTarget as HTMLInputElement).blur()}
            placeholder={t('filters.search')}
            className="w-full rounded-md border border-slate-200 bg-slate-50 py-1.5 pr-2 pl-8 text-sm placeholder:text-slate-400 focus:bg-white"
          />
        </label>
      </div>
      {p.searchScope !== null && (
        <p className="flex flex-wrap items-center gap-x-2 border-b border-slate-100 bg-slate-50 px-3 py-1.5 text-xs text-slate-700" data-testid="search-scope">
          {t('list.searchScope', { view: p.searchScope })}
          <button type="button" onClick={p.onSearchEverywhere} className="font-medium text-brand-700 hover:underline">
            {t('list.searchEverywhere')}
          </button>
        </p>
      )}
      {p.notice && (
        <p role="status" className="border-b border-amber-100 bg-amber-50 px-3 py-1.5 text-xs text-amber-800">
          {p.notice}
        </p>
      )}
      {p.bulkBar}
      {p.searchCapped && <p className="border-b border-amber-100 bg-amber-50 px-3 py-1.5 text-xs text-amber-800">{t('list.searchCapped')}</p>}
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto" role="listbox" aria-label={t('app.inbox')} data-testid="ticket-list" id="ticket-list">
        {p.loading ? (
          <p className="p-4 text-sm text-slate-500">{t('list.loading')}</p>
        ) : p.items.length === 0 ? (
          <p className="p-4 text-sm text-slate-500">{t('list.empty')}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((v) => {
              const item = p.items[v.index]!;
              return (
                <div key={item.id} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}>
                  <TicketListRow
                    item={item}
                    selected={item.id === p.selectedId}
                    checked={p.checked.includes(item.id)}
                    onCheck={p.onCheck}
                    onSelect={p.onSelect}
                    takeFocus={item.id === p.focusId}
                    onFocused={p.onFocused}
                  />
                </div>
              );
            })}
          </div>
        )}
        {p.fetchingMore && <p className="p-2 text-center text-xs text-slate-500">{t('list.loadMore')}</p>}
      </div>
      <div className="flex items-center gap-2 border-t border-slate-200 px-3 py-1 text-[11px] text-slate-500">
        <p aria-live="polite">{t('list.count', { count: p.items.length })}</p>
        <label className="ml-auto">
          <span className="sr-only">{t('list.sortLabel')}</span>
          <select
            value={p.sort}
            onChange={(e) => p.onSort(e.target.value as 'activity' | 'due')}
            className="rounded border border-slate-200 bg-white py-0.5 pr-1 pl-1 text-[11px] text-slate-600"
            data-testid="list-sort"
          >
            <option value="activity">{t('list.sortActivity')}</option>
            <option value="due">{t('list.sortDue')}</option>
          </select>
        </label>
      </div>
    </section>
  );
}
