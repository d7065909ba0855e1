'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { ChevronDown } from 'lucide-react';
import type { TicketStatus } from '@/lib/domain';

/**
 * "Send and set …" as a menu of buttons: browsing it with the arrow keys only moves the focus; a reply
 * goes out when an item is chosen (Enter, Space or a click), never on a change event.
 */
export function SendMenu({ statuses, disabled, onSend }: { statuses: TicketStatus[]; disabled: boolean; onSend: (status: TicketStatus) => void }) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const label = t('composer.sendAs', { status: '…' });

  useEffect(() => {
    if (open) items.current[0]?.focus();
  }, [open]);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };
  const onMenuKey = (e: React.KeyboardEvent) => {
    const at = items.current.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => items.current[(to + statuses.length) % statuses.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(statuses.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') return close(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="relative" onBlur={(e) => open && !e.currentTarget.contains(e.relatedTarget as Node | null) && close(false)}>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="flex items-center gap-0.5 rounded border border-slate-200 bg-white px-1.5 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-50"
      >
        {label}
        <ChevronDown className="size-3" aria-hidden />
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKey}
          className="absolute right-0 bottom-full z-20 mb-1 min-w-44 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {statuses.map((s, i) => (
            <button
              key={s}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close(true);
                onSend(s);
              }}
              className="block w-full px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none"
            >
              {t('composer.sendAs', { status: t(`status.${s}`) })}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
