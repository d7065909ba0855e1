'use client';

import { useEffect, useRef } from 'react';
import { useTranslations } from 'use-intl';

const SHORTCUTS = [
  ['j', 'next'],
  ['k', 'prev'],
  ['↓ / ↑', 'listArrows'],
  ['/', 'search'],
  ['r', 'reply'],
  ['n', 'note'],
  ['a', 'assignMe'],
  ['o', 'setOpen'],
  ['p', 'setPending'],
  ['h', 'setOnHold'],
  ['s', 'setSolved'],
  ['z', 'snooze'],
  ['x', 'check'],
  ['Shift + click', 'checkRun'],
  ['u', 'undo'],
  ['Ctrl + Enter', 'send'],
  ['Ctrl + Shift + Enter', 'sendNext'],
  ['Esc', 'escape'],
  ['?', 'help'],
] as const;

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const t = useTranslations('shortcuts');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="shortcuts-title" className="m-auto w-full max-w-md rounded-xl p-0 shadow-xl backdrop:bg-slate-900/30">
      <div className="p-5">
        <h2 id="shortcuts-title" className="mb-3 text-base font-semibold">
          {t('title')}
        </h2>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-1.5 text-sm">
          {SHORTCUTS.map(([keys, label]) => (
            <div key={label} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
              </dt>
              <dd className="text-slate-700">{t(label)}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-4 text-right">
          <button className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white" autoFocus>
            {t('close')}
          </button>
        </form>
      </div>
    </dialog>
  );
}
