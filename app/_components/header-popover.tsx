'use client';

import { useEffect } from 'react';

/**
 * A small dialog under a button in a header (snooze, link or merge; the account menu): over the page on a phone,
 * under its button from sm up. Escape closes it (without reaching the inbox's shortcuts) and a press
 * outside `box` does too.
 */
export function HeaderPopover(p: { label: string; box: React.RefObject<HTMLElement | null>; onClose: (refocus: boolean) => void; children: React.ReactNode }) {
  const { box, onClose } = p;
  useEffect(() => {
    const outside = (e: MouseEvent) => !box.current?.contains(e.target as Node) && onClose(false);
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [box, onClose]);
  return (
    <div
      role="dialog"
      aria-label={p.label}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose(true);
      }}
      className="fixed inset-x-2 top-24 z-30 space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-800 shadow-lg sm:absolute sm:inset-x-auto sm:top-full sm:left-0 sm:mt-1 sm:w-80"
    >
      {p.children}
    </div>
  );
}
