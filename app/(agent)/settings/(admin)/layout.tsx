import { getCurrentViewer, getRequestLocale } from '@/server/auth/current-viewer';
import { hasRole } from '@/lib/domain';
import { catalogs } from '@/lib/i18n';

export const dynamic = 'force-dynamic';

/** Admin pages are refused on the server, not only hidden in the navigation (their procedures refuse too). */
export default async function AdminSettingsLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getCurrentViewer();
  if (viewer && hasRole(viewer.role, 'admin')) return children;
  const t = catalogs[await getRequestLocale(viewer)].admin;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="forbidden">
      {t.forbidden}
    </p>
  );
}
