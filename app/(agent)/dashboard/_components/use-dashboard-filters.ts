'use client';

import { useCallback, useMemo } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { dashboardFiltersSchema, filtersToSearch, type DashboardFilters } from '@/lib/dashboard/dashboard-filters';

/**
 * The dashboard's filters live in the URL: a view can be shared and survives a reload. An address with
 * a value the dashboard does not know is reported, not silently replaced.
 */
export function useDashboardFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const parsed = useMemo(() => dashboardFiltersSchema.safeParse(Object.fromEntries(params.entries())), [params]);
  const filters: DashboardFilters = parsed.success ? parsed.data : dashboardFiltersSchema.parse({});
  const setFilters = useCallback(
    (patch: Partial<DashboardFilters>) => {
      const search = filtersToSearch({ ...filters, ...patch });
      router.replace(`${pathname}${search ? `?${search}` : ''}`, { scroll: false });
    },
    [filters, pathname, router],
  );
  return {
    filters,
    setFilters,
    invalid: parsed.success ? null : parsed.error.issues.map((i) => i.path.join('.')).join(', '),
    search: filtersToSearch(filters),
  };
}
