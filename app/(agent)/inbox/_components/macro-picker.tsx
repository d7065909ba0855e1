'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/app/_components/trpc';
import { useErrorText } from '@/app/_components/error-text';

export type AppliedMacro = inferRouterOutputs<AppRouter>['macros']['applyToTicket'];

/**
 * The composer's macro picker (`/` in an empty reply, or the Macros button): type to narrow by name or
 * text, ↑/↓ to choose, Enter to apply, Escape to go back to the text. Applying sets the macro's actions on
 * the server and hands its filled-in text to the composer.
 */
export function MacroPicker({ ticketId, onApplied, onClose }: { ticketId: number; onApplied: (m: AppliedMacro) => void; onClose: () => void }) {
  const t = useTranslations('macros');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const macros = useQuery(trpc.macros.list.queryOptions());
  const apply = useMutation(trpc.macros.applyToTicket.mutationOptions());
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  useEffect(() => input.current?.focus(), []);

  const q = query.trim().toLowerCase();
  const shown = (macros.data ?? [])
    .filter((m) => !q || m.name.toLowerCase().includes(q) || `${m.text.de}\n${m.text.en}`.toLowerCase().includes(q))
    .slice(0, 30);
  const at = Math.min(active, Math.max(0, shown.length - 1));
  const choose = (m: (typeof shown)[number] | undefined) => m && !apply.isPending && apply.mutate({ macroId: m.id, ticketId }, { onSuccess: onApplied });

  return (
    <div
      role="dialog"
      aria-label={t('picker')}
      className="absolute inset-x-0 bottom-full z-20 mb-1 rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <input
        ref={input}
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={shown[at] ? `${listId}-${shown[at].id}` : undefined}
        aria-label={t('search')}
        placeholder={t('search')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => (Math.min(a, shown.length - 1) + (e.key === 'ArrowDown' ? 1 : -1) + shown.length) % Math.max(1, shown.length));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(shown[at]);
          }
        }}
        className="mb-1 w-full rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <ul id={listId} role="listbox" aria-label={t('picker')} className="max-h-56 overflow-y-auto text-sm">
        {shown.map((m, i) => (
          <li
            key={m.id}
            id={`${listId}-${m.id}`}
            role="option"
            aria-selected={i === at}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(m)}
            className="cursor-pointer rounded px-2 py-1 aria-selected:bg-brand-50"
          >
            <span className="block font-medium text-slate-900">{m.name}</span>
            <span className="block truncate text-xs text-slate-600">{m.text.de || m.text.en}</span>
          </li>
        ))}
        {macros.data && shown.length === 0 && <li className="px-2 py-1 text-slate-600">{t('pickerEmpty')}</li>}
      </ul>
      {apply.error && (
        <p role="alert" className="px-2 pt-1 text-xs text-red-700">
          {errorText(apply.error)}
        </p>
      )}
    </div>
  );
}
