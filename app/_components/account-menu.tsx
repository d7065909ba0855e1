'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { LogOut } from 'lucide-react';
import { Avatar } from './avatar';
import { HeaderPopover } from './header-popover';
import { LanguagePicker } from './language-picker';
import { StatusPicker } from './status-picker';

/**
 * On a phone the header has no room for status, language and sign-out side by side: they open from the
 * agent's initials instead (from sm up they sit in the header itself).
 */
export function AccountMenu({ name, onSignOut }: { name: string; onSignOut: () => void }) {
  const t = useTranslations('app');
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Opened, focus moves in (the first control), so Escape and Tab work inside it.
  useEffect(() => {
    if (open) box.current?.querySelector<HTMLElement>('[role=dialog] select, [role=dialog] button')?.focus();
  }, [open]);
  return (
    <div ref={box} className="relative sm:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-label={t('account', { name })}
        onClick={() => setOpen((o) => !o)}
        className="flex size-9 items-center justify-center rounded-full hover:bg-slate-100"
      >
        <Avatar name={name} size="sm" />
      </button>
      {open && (
        <HeaderPopover
          label={t('account', { name })}
          box={box}
          onClose={(refocus) => {
            setOpen(false);
            if (refocus) button.current?.focus();
          }}
        >
          <p className="font-medium">{name}</p>
          <StatusPicker />
          <LanguagePicker signedIn />
          <button type="button" onClick={onSignOut} className="flex items-center gap-1 rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
            <LogOut className="size-4" aria-hidden />
            {t('signOut')}
          </button>
        </HeaderPopover>
      )}
    </div>
  );
}
