'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'use-intl';
import { useMutation } from '@tanstack/react-query';
import { BarChart3, Inbox, LifeBuoy, LogOut, MessageSquareText, Settings, WifiOff } from 'lucide-react';
import { hasRole } from '@/lib/domain';
import { useTRPC } from './trpc';
import { useRealtime } from './realtime';
import { LanguagePicker } from './language-picker';
import { UndoToastProvider } from './undo-toast';
import { ViewerContext, type ClientViewer } from './viewer';
import { Avatar } from './avatar';
import { NotificationBell } from './notification-bell';
import { AccountMenu } from './account-menu';
import { StatusPicker } from './status-picker';

/** A link shown only while focused that moves focus to `target` (the page's main landmark, or the ticket list). */
function SkipLink({ target, children }: { target: string; children: React.ReactNode }) {
  return (
    <a
      href={target.startsWith('#') ? target : '#'}
      onClick={(e) => {
        const el = document.querySelector<HTMLElement>(target);
        if (!el) return;
        e.preventDefault();
        if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
        el.focus();
      }}
      className="sr-only rounded bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-1 focus:left-1 focus:z-50"
    >
      {children}
    </a>
  );
}

export function AgentShell({ viewer, children }: { viewer: ClientViewer; children: React.ReactNode }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const pathname = usePathname();
  const { socket, connected } = useRealtime();
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSettled: () => window.location.assign('/login') }));
  const nav = [
    { href: '/inbox', label: t('app.inbox'), icon: Inbox, show: true },
    { href: '/dashboard', label: t('app.dashboard'), icon: BarChart3, show: true },
    { href: '/macros', label: t('app.macros'), icon: MessageSquareText, show: true },
    // Leads keep their teams' members there; admins everything.
    {
      href: hasRole(viewer.role, 'admin') ? '/settings/agents' : '/settings/teams',
      label: t('app.settings'),
      icon: Settings,
      show: hasRole(viewer.role, 'lead'),
    },
  ];
  return (
    <ViewerContext.Provider value={viewer}>
      <UndoToastProvider>
        <div className="flex h-full flex-col">
          {/* The first Tab stops: past the header (and on the inbox past views and filters) in one key. */}
          <div className="contents">
            <SkipLink target="main">{t('app.skipToContent')}</SkipLink>
            {pathname.startsWith('/inbox') && <SkipLink target="#ticket-list">{t('app.skipToList')}</SkipLink>}
          </div>
          <header className="flex h-11 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-3 sm:gap-4">
            <span className="flex items-center gap-1.5 text-sm font-semibold">
              <LifeBuoy className="size-4 text-brand-600" aria-hidden />
              <span className="hidden lg:inline">{t('app.name')}</span>
            </span>
            <nav className="flex gap-1" aria-label="Main">
              {nav
                .filter((n) => n.show)
                .map((n) => (
                  <Link
                    key={n.href}
                    href={n.href}
                    aria-current={pathname.startsWith(n.href.split('/').slice(0, 2).join('/')) ? 'page' : undefined}
                    className="flex items-center gap-1.5 rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 aria-[current=page]:bg-slate-100 aria-[current=page]:font-medium aria-[current=page]:text-slate-900"
                  >
                    <n.icon className="size-4" aria-hidden />
                    {/* Below 1024 px the icons carry the header; the names stay for screen readers. */}
                    <span className="sr-only lg:not-sr-only">{n.label}</span>
                  </Link>
                ))}
            </nav>
            <div className="ml-auto flex items-center gap-1 sm:gap-3">
              {socket && !connected && (
                <span role="status" className="flex items-center gap-1 text-xs text-amber-700">
                  <WifiOff className="size-3.5" aria-hidden /> {t('errors.offline')}
                </span>
              )}
              {/* On a phone status, language and sign-out open from the initials (AccountMenu). */}
              <div className="hidden sm:block">
                <StatusPicker />
              </div>
              <NotificationBell />
              <div className="hidden sm:block">
                <LanguagePicker signedIn />
              </div>
              <span className="hidden items-center gap-1.5 text-sm whitespace-nowrap text-slate-700 sm:flex">
                <Avatar name={viewer.name} size="sm" />
                <span className="hidden xl:inline">{viewer.name}</span>
              </span>
              <AccountMenu name={viewer.name} onSignOut={() => logout.mutate()} />
              <button
                type="button"
                onClick={() => logout.mutate()}
                className="hidden items-center gap-1 rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 sm:flex"
              >
                <LogOut className="size-4" aria-hidden />
                <span className="sr-only md:not-sr-only">{t('app.signOut')}</span>
              </button>
            </div>
          </header>
          <div className="min-h-0 flex-1">{children}</div>
        </div>
      </UndoToastProvider>
    </ViewerContext.Provider>
  );
}
