'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The settings sections, the one shown marked (aria-current), so an admin always sees where they are. */
export function SettingsNav({ sections, label }: { sections: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav className="flex gap-1 overflow-x-auto border-b border-slate-200 bg-white p-2 text-sm md:block md:border-r md:border-b-0 md:p-3" aria-label={label}>
      {sections.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          aria-current={pathname === s.href || pathname.startsWith(`${s.href}/`) ? 'page' : undefined}
          className="block shrink-0 rounded px-2 py-1 whitespace-nowrap text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium aria-[current=page]:text-brand-700"
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
