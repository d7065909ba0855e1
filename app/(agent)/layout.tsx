import { redirect } from 'next/navigation';
import { getCurrentViewer } from '@/server/auth/current-viewer';
import { AppProviders } from '../_components/app-providers';
import { RealtimeProvider } from '../_components/realtime';
import { AgentShell } from '../_components/agent-shell';

export const dynamic = 'force-dynamic';

export default async function AgentLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect('/login');
  return (
    <AppProviders>
      <RealtimeProvider>
        <AgentShell viewer={{ id: viewer.id, name: viewer.name, role: viewer.role }}>{children}</AgentShell>
      </RealtimeProvider>
    </AppProviders>
  );
}
