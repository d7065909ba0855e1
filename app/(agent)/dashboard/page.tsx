import { Suspense } from 'react';
import { DashboardApp } from './_components/dashboard-app';

// Every signed-in agent may open it: leads and admins see any team, an agent their own work (checked on the server).
export default function DashboardPage() {
  return (
    <Suspense>
      <DashboardApp />
    </Suspense>
  );
}
