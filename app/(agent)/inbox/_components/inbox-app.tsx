'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useErrorText } from '@/app/_components/error-text';
import { VIEWS, DEFAULT_VIEW, type TicketFilter, type ViewId } from '@/lib/ticket-filter';
import { placeFromSearch, placeToSearch, sameFilter, viewOfFilter } from '@/lib/inbox-url';
import { useTRPC, useTRPCClient } from '@/app/_components/trpc';
import { useRealtime } from '@/app/_components/realtime';
import { OPEN_TICKET_EVENT } from '@/app/_components/notification-bell';
import { InboxSidebar } from './inbox-sidebar';
import { TicketList } from './ticket-list';
import { Conversation } from './conversation';
import { ShortcutsHelp } from './shortcuts-help';
import { useInboxShortcuts } from './use-inbox-shortcuts';
import { useDebounced } from './use-debounced';
import { COMPOSER_ID } from './composer';
import { useTicketSelection } from './use-ticket-selection';
import { BulkBar } from './bulk-bar';
import type { SavedView } from './saved-views';

export type ComposerMode = 'reply' | 'note' | 'forward';

const ALL_VIEW = VIEWS.find((v) => v.id === 'all')!;

/** The three-pane inbox: views and filters | ticket list | conversation with the customer beside it. */
export function InboxApp() {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const t = useTranslations();
  const errorText = useErrorText();
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { socket } = useRealtime();
  const [viewId, setViewId] = useState<ViewId>('mine_unassigned');
  const [filter, setFilter] = useState<TicketFilter>(DEFAULT_VIEW);
  // The saved view picked last; its id comes from the URL first and its filters from the list once loaded.
  const [saved, setSaved] = useState<SavedView | null>(null);
  const [savedIdFromUrl, setSavedIdFromUrl] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [composerMode, setComposerMode] = useState<ComposerMode>('reply');
  const [helpOpen, setHelpOpen] = useState(false);
  // A ticket opened from the keyboard (or on a phone, where the list then hides): its conversation takes
  // focus once loaded. Moving through the list with ↑/↓ leaves focus in the list.
  const [focusTicketId, setFocusTicketId] = useState<number | null>(null);
  const [returnFocusId, setReturnFocusId] = useState<number | null>(null);
  // Stable, so the memoised list rows do not all redraw on each render.
  const clearReturnFocus = useCallback(() => setReturnFocusId(null), []);
  const [viewsOpen, setViewsOpen] = useState(false);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const q = useDebounced(search.trim(), 250);

  // The view, its filters, the search and the open ticket live in the URL (lib/inbox-url.ts), so a reload
  // or a shared link lands on the same place. `ticket` is the number agents see; `t`, an id, is what older links carry.
  useEffect(() => {
    const place = placeFromSearch(window.location.search);
    setViewId(place.view);
    setFilter(place.filter);
    setSearch(place.q);
    setSavedIdFromUrl(place.saved);
    if (place.invalid) setLinkProblem(t('list.linkFiltersInvalid'));
    if (place.ticket !== null)
      trpcClient.tickets.idOfNumber
        .query({ number: place.ticket })
        .then((r) => {
          setSelectedId(r.id);
          if (r.mergedFrom !== null) setLinkProblem(t('links.redirected', { from: r.mergedFrom, to: r.number }));
        })
        .catch((err: unknown) => setUrlProblem(err instanceof Error ? errorText(err) : String(err)));
    else setSelectedId(place.legacyId);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  // The header's bell opens a ticket here without leaving the page.
  useEffect(() => {
    const open = (e: Event) => setSelectedId((e as CustomEvent<number>).detail);
    window.addEventListener(OPEN_TICKET_EVENT, open);
    return () => window.removeEventListener(OPEN_TICKET_EVENT, open);
  }, []);
  // The open ticket's number, from the list or from the ticket itself (opened from a link, off the list).
  const openTicket = useQuery({ ...trpc.tickets.get.queryOptions({ id: selectedId ?? 0 }), enabled: selectedId !== null });
  const selectedNumber = openTicket.data?.ticket.id === selectedId ? openTicket.data?.ticket.number : undefined;
  const savedViews = useQuery(trpc.views.list.queryOptions());
  const counts = useQuery(trpc.views.counts.queryOptions(undefined, { placeholderData: (prev) => prev }));
  useEffect(() => {
    if (!savedViews.data) return;
    const fromUrl = savedViews.data.find((v) => v.id === savedIdFromUrl);
    if (fromUrl) setSaved(fromUrl);
    setSavedIdFromUrl(null);
    // Renamed, refiltered or deleted (here or by a colleague): the picked view follows.
    setSaved((cur) => (cur ? (savedViews.data.find((v) => v.id === cur.id) ?? null) : cur));
  }, [savedViews.data, savedIdFromUrl]);
  // The saved view the filters still are, or else the built-in one (none once its filters were changed): the one the sidebar marks.
  const currentSavedId = saved && sameFilter(saved.filter, filter) ? saved.id : null;
  const currentView = useMemo(() => viewOfFilter(filter), [filter]);
  useEffect(() => {
    if (selectedId !== null && selectedNumber === undefined) return;
    const place = { view: viewId, filter, q, ticket: selectedNumber ?? null, saved: saved?.id ?? savedIdFromUrl };
    window.history.replaceState(null, '', `/inbox?${placeToSearch(place)}`);
  }, [viewId, filter, q, selectedId, selectedNumber, saved, savedIdFromUrl]);

  const listInput = useMemo(() => ({ filter: { ...filter, q: q || undefined }, limit: 50 }), [filter, q]);
  const list = useInfiniteQuery(
    trpc.tickets.list.infiniteQueryOptions(listInput, { getNextPageParam: (last) => last.nextCursor, placeholderData: (prev) => prev }),
  );
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const selection = useTicketSelection(items);
  const [bulkNotice, setBulkNotice] = useState<string | null>(null);
  // Another list, another selection: nothing stays checked out of sight.
  const clearSelection = selection.clear;
  useEffect(() => {
    clearSelection();
    setBulkNotice(null);
  }, [listInput, clearSelection]);

  // Every agent sees changes live: the list and the view counts refresh, and so does the open ticket if it changed.
  // Counts wait a second longer: a burst of changes costs one recount.
  useEffect(() => {
    if (!socket) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let countTimer: ReturnType<typeof setTimeout> | undefined;
    const onChange = (changes: { ticketId: number }[]) => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() }), 150);
      clearTimeout(countTimer);
      countTimer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.views.counts.queryKey() }), 1000);
      for (const change of changes) void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: change.ticketId }) });
      void queryClient.invalidateQueries({ queryKey: trpc.customers.profile.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.directory.all.pathKey() });
    };
    // The open conversation hears its own messages at once (room event), not after the batch window.
    const onMessage = (m: { ticketId: number }) => void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: m.ticketId }) });
    socket.on('tickets:changed', onChange);
    socket.on('ticket:message', onMessage);
    return () => {
      clearTimeout(timer);
      clearTimeout(countTimer);
      socket.off('tickets:changed', onChange);
      socket.off('ticket:message', onMessage);
    };
  }, [socket, queryClient, trpc]);

  const selectView = useCallback((id: ViewId) => {
    setViewId(id);
    setSaved(null);
    setFilter(VIEWS.find((v) => v.id === id)!.filter);
    setViewsOpen(false);
  }, []);
  // A saved view stands on "All tickets": its filters are written out in the URL in full.
  const selectSaved = useCallback((v: SavedView) => {
    setViewId('all');
    setSaved(v);
    setFilter(v.filter);
    setViewsOpen(false);
  }, []);
  const sidebar = {
    viewId,
    currentView,
    onView: selectView,
    filter,
    onFilter: setFilter,
    counts: counts.data,
    savedViews: savedViews.data ?? [],
    saved,
    currentSavedId,
    onSaved: selectSaved,
  };
  const viewName = currentSavedId !== null ? saved!.name : currentView ? t(`views.${currentView}`) : t('views.custom');

  const move = useCallback(
    (delta: number) => {
      if (items.length === 0) return;
      const index = items.findIndex((t) => t.id === selectedId);
      const next = items[Math.max(0, Math.min(items.length - 1, index === -1 ? 0 : index + delta))];
      if (next) setSelectedId(next.id);
      if (index >= items.length - 5 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
    },
    [items, selectedId, list],
  );

  // "Send and next": the ticket below the one just answered (above it at the end of the list), opened with focus.
  const openNext = useCallback(() => {
    const index = items.findIndex((t) => t.id === selectedId);
    const next = index === -1 ? undefined : (items[index + 1] ?? items[index - 1]);
    setSelectedId(next?.id ?? null);
    setFocusTicketId(next?.id ?? null);
  }, [items, selectedId]);

  useInboxShortcuts({
    move,
    focusSearch: () => document.getElementById('inbox-search')?.focus(),
    compose: (mode) => {
      if (!selectedId) return;
      // Focus now, inside the key event, so the very next keystroke already lands in the composer.
      document.getElementById(COMPOSER_ID)?.focus();
      setComposerMode(mode);
    },
    toggleHelp: () => setHelpOpen((o) => !o),
    toggleCheck: () => {
      const focused = document.activeElement?.closest('[data-ticket-id]')?.getAttribute('data-ticket-id');
      const id = focused ? Number(focused) : selectedId;
      if (id !== null) selection.toggle(id);
    },
  });

  return (
    <main className="grid h-full grid-cols-[minmax(0,1fr)] md:grid-cols-[20rem_minmax(0,1fr)] lg:grid-cols-[13rem_22rem_minmax(0,1fr)]">
      <InboxSidebar {...sidebar} />
      {viewsOpen && <InboxSidebar {...sidebar} onClose={() => setViewsOpen(false)} />}
      <TicketList
        search={search}
        onSearch={setSearch}
        sort={filter.sort ?? 'activity'}
        onSort={(sort) => setFilter({ ...filter, sort })}
        items={items}
        loading={list.isPending}
        hasMore={Boolean(list.hasNextPage)}
        fetchingMore={list.isFetchingNextPage}
        onEndReached={() => void list.fetchNextPage()}
        searchCapped={Boolean(list.data?.pages[0]?.searchCapped)}
        searchScope={q && !sameFilter(filter, ALL_VIEW.filter) ? viewName : null}
        viewName={viewName}
        onOpenViews={() => setViewsOpen(true)}
        notice={bulkNotice ?? linkProblem}
        checked={selection.checked}
        onCheck={selection.toggle}
        bulkBar={
          selection.checked.length > 0 && (
            <BulkBar tickets={items.filter((i) => selection.checked.includes(i.id))} onClear={selection.clear} onResult={setBulkNotice} />
          )
        }
        onSearchEverywhere={() => selectView('all')}
        selectedId={selectedId}
        focusId={returnFocusId}
        onFocused={clearReturnFocus}
        onSelect={(id, focusTicket) => {
          setSelectedId(id);
          setFocusTicketId(focusTicket ? id : null);
        }}
      />
      <Conversation
        ticketId={selectedId}
        composerMode={composerMode}
        onComposerMode={setComposerMode}
        onOpenTicket={setSelectedId}
        onNext={openNext}
        takeFocus={focusTicketId !== null && focusTicketId === selectedId}
        onFocusTaken={() => setFocusTicketId(null)}
        onBack={() => {
          // Back on the list (phones), focus returns to the ticket's row rather than to the page.
          setReturnFocusId(selectedId);
          setSelectedId(null);
        }}
        problem={urlProblem}
      />
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
    </main>
  );
}
