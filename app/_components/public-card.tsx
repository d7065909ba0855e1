import { LifeBuoy } from 'lucide-react';
import type { Locale } from '@/lib/domain';

/** The frame of the public pages (web forms, surveys): one card, readable on a phone. `locale`: the page's language where it differs from the browser's. */
export function PublicCard({ title, locale, children }: { title: string; locale?: Locale; children: React.ReactNode }) {
  return (
    <main lang={locale} className="mx-auto max-w-xl px-4 py-8 sm:py-12">
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-7">
        <h1 className="mb-5 flex items-center gap-2 text-lg font-semibold">
          <LifeBuoy className="size-5 text-brand-600" aria-hidden />
          {title}
        </h1>
        {children}
      </div>
    </main>
  );
}
