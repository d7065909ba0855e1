import Link from 'next/link';
import { getCurrentViewer, getRequestLocale } from '@/server/auth/current-viewer';
import { hasRole } from '@/lib/domain';
import { catalogs } from '@/lib/i18n';

export const dynamic = 'force-dynamic';

const SECTIONS = [
  'agents',
  'teams',
  'inboxes',
  'chatWidgets',
  'whatsapp',
  'messenger',
  'telegram',
  'businessHours',
  'slaPolicies',
  'surveyPolicies',
  'forms',
] as const;
const PATHS: Partial<Record<(typeof SECTIONS)[number], string>> = {
  chatWidgets: 'chat',
  businessHours: 'business-hours',
  slaPolicies: 'sla',
  surveyPolicies: 'surveys',
};

/** Admin pages are refused on the server, not only hidden in the navigation. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getCurrentViewer();
  const t = catalogs[await getRequestLocale(viewer)].admin;
  if (!viewer || !hasRole(viewer.role, 'admin')) {
    return (
      <main className="p-8">
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="forbidden">
          {t.forbidden}
        </p>
      </main>
    );
  }
  return (
    // Phones and small tablets: the sections as a scrolling row above the page; from md up, a column beside it.
    <div className="grid h-full grid-cols-1 grid-rows-[auto_minmax(0,1fr)] md:grid-cols-[12rem_minmax(0,1fr)] md:grid-rows-1">
      <nav
        className="flex gap-1 overflow-x-auto border-b border-slate-200 bg-white p-2 text-sm md:block md:border-r md:border-b-0 md:p-3"
        aria-label="Settings"
      >
        {SECTIONS.map((section) => (
          <Link key={section} className="block shrink-0 rounded px-2 py-1 whitespace-nowrap hover:bg-slate-100" href={`/settings/${PATHS[section] ?? section}`}>
            {t[section]}
          </Link>
        ))}
      </nav>
      <main className="min-h-0 overflow-y-auto p-3 sm:p-6">{children}</main>
    </div>
  );
}
