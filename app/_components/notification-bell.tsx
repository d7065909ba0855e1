'use client';

import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { Bell } from 'lucide-react';
import { useTRPC } from './trpc';
import { useRealtime } from './realtime';
import { useDeviceAlerts, useNotificationAlerts } from './use-notification-alerts';
import { NOTIFICATION_KINDS, type NotificationKind } from '@/lib/notification-kinds';

const TONE: Record<NotificationKind, string> = {
  sla_warning: 'text-amber-800',
  sla_breached: 'text-red-700',
  survey_unhappy: 'text-red-700',
  snooze_ended: 'text-brand-700',
  assigned: 'text-brand-700',
  mentioned: 'text-brand-700',
  customer_replied: 'text-slate-800',
  new_chat: 'text-emerald-800',
};

/** Agent names by id from the directory (the bell lives outside the inbox's own hooks). */
function useAgentNames() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.directory.all.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  return (id: number | null) => data?.agents.find((a) => a.id === id)?.name ?? '';
}

/** Asks an open inbox to show a ticket (it listens); elsewhere the bell navigates there. */
export const OPEN_TICKET_EVENT = 'helpdesk:open-ticket';

/** The header's bell: SLA warnings and breaches for this agent, live, with the unread count. */
export function NotificationBell() {
  const t = useTranslations('notifications');
  const tt = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { socket } = useRealtime();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const list = useQuery(trpc.notifications.list.queryOptions());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const setEmail = useMutation(trpc.notifications.setEmail.mutationOptions({ onSuccess: refresh }));
  const locale = useLocale() as 'en' | 'de';

  useEffect(() => {
    if (!socket) return;
    socket.on('notifications:new', refresh);
    return () => void socket.off('notifications:new', refresh);
  });
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const unread = list.data?.unread ?? 0;
  const agentName = useAgentNames();
  type Item = NonNullable<typeof list.data>['items'][number];
  const headline = (n: Item) => {
    switch (n.kind) {
      case 'survey_unhappy':
        return t('survey_unhappy', { type: n.survey?.type ? tt(`surveys.type.${n.survey.type}`) : '', score: n.survey?.score ?? '', max: n.survey?.max ?? '' });
      case 'sla_warning':
      case 'sla_breached':
        return t(n.kind, { target: n.target ? tt(`sla.target.${n.target}`) : '' });
      case 'assigned':
      case 'mentioned':
        return t(n.kind, { actor: agentName(n.actorAgentId) });
      default:
        return t(n.kind);
    }
  };
  const device = useDeviceAlerts();
  const newest = list.data?.items[0];
  useNotificationAlerts(
    unread,
    newest && { id: newest.id, readAt: newest.readAt, title: headline(newest), body: `#${newest.number} ${newest.subject}` },
    device.alerts,
  );
  const [settingsOpen, setSettingsOpen] = useState(false);
  // The switch flips in the click itself (the choice shown until the server's list agrees or a failure clears it).
  const [chosenMuted, setChosenMuted] = useState<NotificationKind[] | null>(null);
  const setMuted = useMutation(
    trpc.notifications.setMuted.mutationOptions({
      onSettled: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() });
        setChosenMuted(null);
      },
    }),
  );
  const muted = chosenMuted ?? list.data?.muted ?? [];
  const toggleKind = (kind: NotificationKind, on: boolean) => {
    const next = on ? muted.filter((k) => k !== kind) : [...muted, kind];
    setChosenMuted(next);
    setMuted.mutate({ muted: next });
  };
  const show = (n: { id: number; ticketId: number; number: number; readAt: number | null }) => {
    if (n.readAt === null) markRead.mutate({ ids: [n.id] });
    setOpen(false);
    if (window.location.pathname.startsWith('/inbox')) window.dispatchEvent(new CustomEvent(OPEN_TICKET_EVENT, { detail: n.ticketId }));
    else router.push(`/inbox?view=all&ticket=${n.number}`);
  };
  return (
    <div ref={box} className="relative">
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-label={unread ? t('titleUnread', { count: unread }) : t('title')}
        className="relative rounded p-1 text-slate-600 hover:bg-slate-100"
        data-testid="notification-bell"
      >
        <Bell className="size-4" aria-hidden />
        {unread > 0 && (
          <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-[10px] leading-4 font-semibold text-white">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          className="fixed inset-x-2 top-12 z-20 rounded-lg border border-slate-200 bg-white shadow-lg sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-1 sm:w-80"
          role="dialog"
          aria-label={t('title')}
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <h2 className="text-sm font-semibold">{t('title')}</h2>
            {unread > 0 && (
              <button type="button" className="text-xs text-brand-700 hover:underline" onClick={() => markRead.mutate({ ids: 'all' })}>
                {t('markAllRead')}
              </button>
            )}
          </div>
          <ul className="max-h-96 overflow-y-auto text-sm" data-testid="notification-list">
            {list.data?.items.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  onClick={() => show(n)}
                  className={`block w-full px-3 py-2 text-left hover:bg-slate-50 ${n.readAt === null ? '' : 'text-slate-500'}`}
                >
                  <span className={`block text-xs font-medium ${TONE[n.kind]}`}>{headline(n)}</span>
                  <span className="block truncate">
                    <span className="text-slate-500">#{n.number}</span> {n.subject}
                  </span>
                  <span className="block text-xs text-slate-500">{format.relativeTime(n.createdAt)}</span>
                </button>
              </li>
            ))}
            {list.data?.items.length === 0 && <li className="px-3 py-3 text-slate-500">{t('none')}</li>}
          </ul>
          {list.data && (
            <div className="border-t border-slate-100 px-3 py-2 text-xs text-slate-700">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={list.data.email}
                  disabled={setEmail.isPending}
                  onChange={(e) => setEmail.mutate({ enabled: e.target.checked, locale })}
                  data-testid="notification-email"
                />
                {t('email')}
              </label>
              <button
                type="button"
                aria-expanded={settingsOpen}
                onClick={() => setSettingsOpen(!settingsOpen)}
                className="mt-1.5 font-medium text-brand-700 hover:underline"
              >
                {t('settings')}
              </button>
              {settingsOpen && (
                <fieldset className="mt-1.5 space-y-1" data-testid="notification-settings">
                  <legend className="sr-only">{t('settings')}</legend>
                  {NOTIFICATION_KINDS.map((kind) => (
                    <label key={kind} className="flex items-center gap-2">
                      <input type="checkbox" checked={!muted.includes(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} />
                      {t(`kind.${kind}`)}
                    </label>
                  ))}
                  <label className="flex items-center gap-2 border-t border-slate-100 pt-1">
                    <input type="checkbox" checked={device.alerts.browser} onChange={(e) => void device.update({ browser: e.target.checked })} />
                    {t('browser')}
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={device.alerts.sound} onChange={(e) => void device.update({ sound: e.target.checked })} />
                    {t('sound')}
                  </label>
                </fieldset>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
