import { Suspense } from 'react';
import { DrilldownApp } from './drilldown-app';

export default function DashboardTicketsPage() {
  return (
    <Suspense>
      <DrilldownApp />
    </Suspense>
  );
}
