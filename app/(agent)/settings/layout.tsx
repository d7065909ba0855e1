import { getCurrentViewer, getRequestLocale } from '@/server/auth/current-viewer';
import { hasRole, type Role } from '@/lib/domain';
import { catalogs } from '@/lib/i18n';
import { SettingsNav } from './settings-nav';

export const dynamic = 'force-dynamic';

/** Each section and who may open it: leads manage their own teams' members; everything else is for admins. */
const SECTIONS: { key: keyof (typeof catalogs)['en']['admin']; path: string; role: Role }[] = [
  { key: 'agents', path: 'agents', role: 'admin' },
  { key: 'teams', path: 'teams', role: 'lead' },
  { key: 'inboxes', path: 'inboxes', role: 'admin' },
  { key: 'chatWidgets', path: 'chat', role: 'admin' },
  { key: 'whatsapp', path: 'whatsapp', role: 'admin' },
  { key: 'messenger', path: 'messenger', role: 'admin' },
  { key: 'telegram', path: 'telegram', role: 'admin' },
  { key: 'businessHours', path: 'business-hours', role: 'admin' },
  { key: 'slaPolicies', path: 'sla', role: 'admin' },
  { key: 'surveyPolicies', path: 'surveys', role: 'admin' },
  { key: 'forms', path: 'forms', role: 'admin' },
];

/** Settings for leads and admins; the admin-only sections are refused again by (admin)/layout.tsx. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getCurrentViewer();
  const t = catalogs[await getRequestLocale(viewer)].admin;
  if (!viewer || !hasRole(viewer.role, 'lead')) {
    return (
      <main className="p-8">
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="forbidden">
          {t.forbiddenLead}
        </p>
      </main>
    );
  }
  const sections = SECTIONS.filter((s) => hasRole(viewer.role, s.role)).map((s) => ({ href: `/settings/${s.path}`, label: String(t[s.key]) }));
  return (
    // Phones and small tablets: the sections as a scrolling row above the page; from md up, a column beside it.
    <div className="grid h-full grid-cols-1 grid-rows-[auto_minmax(0,1fr)] md:grid-cols-[12rem_minmax(0,1fr)] md:grid-rows-1">
      <SettingsNav sections={sections} label={t.settingsNav} />
      <main className="min-h-0 overflow-y-auto p-3 sm:p-6">{children}</main>
    </div>
  );
}
