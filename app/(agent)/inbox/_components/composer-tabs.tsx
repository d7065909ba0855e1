'use client';

import { useTranslations } from 'use-intl';
import type { ComposerMode } from './inbox-app';

/** Reply, note (and forward, where mail can go out) as tabs: one Tab stop, ← and → move between them. */
export function ComposerTabs({ modes, mode, onMode }: { modes: ComposerMode[]; mode: ComposerMode; onMode: (m: ComposerMode) => void }) {
  const t = useTranslations('composer');
  return (
    <div
      role="tablist"
      className="mb-1.5 flex gap-1 text-xs"
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        const at = modes.indexOf(mode);
        const next = modes[(at + (e.key === 'ArrowRight' ? 1 : modes.length - 1)) % modes.length]!;
        onMode(next);
        e.currentTarget.querySelector<HTMLButtonElement>(`[data-mode="${next}"]`)?.focus();
      }}
    >
      {modes.map((m) => (
        <button
          key={m}
          type="button"
          role="tab"
          data-mode={m}
          aria-selected={mode === m}
          tabIndex={mode === m ? 0 : -1}
          onClick={() => onMode(m)}
          className="rounded px-2 py-1 font-medium text-slate-500 hover:bg-slate-100 aria-selected:bg-slate-900 aria-selected:text-white"
        >
          {t(m)}
        </button>
      ))}
    </div>
  );
}
