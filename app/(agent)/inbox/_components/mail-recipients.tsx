'use client';

import { useId } from 'react';
import { useTranslations } from 'use-intl';

type Address = { address: string; name?: string };

/** Addresses typed into a field: separated by commas, semicolons or spaces. */
export const splitAddresses = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);
/** The first typed entry that cannot be an address, so the field can say which before anything is sent. */
export const notAnAddress = (text: string) => splitAddresses(text).find((a) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a)) ?? null;

export const formatAddresses = (list: Address[]) => list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');

/** One address field (To, Cc or Bcc) with the entry it cannot read named under it. */
export function AddressField(p: { label: string; value: string; onChange: (v: string) => void; autoFocus?: boolean; required?: boolean }) {
  const t = useTranslations('composer');
  const id = useId();
  const bad = notAnAddress(p.value);
  return (
    <div className="flex items-baseline gap-2 text-xs">
      <label htmlFor={id} className="w-8 shrink-0 text-slate-600">
        {p.label}
      </label>
      <div className="min-w-0 flex-1">
        <input
          id={id}
          type="text"
          inputMode="email"
          autoComplete="off"
          autoFocus={p.autoFocus}
          required={p.required}
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
          aria-invalid={bad !== null}
          aria-describedby={bad ? `${id}-error` : undefined}
          className="w-full rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-800 aria-invalid:border-red-500"
        />
        {bad && (
          <p id={`${id}-error`} className="mt-0.5 text-red-700">
            {t('notAnAddress', { value: bad })}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * Who an email reply goes to: the customer (To) and, as the thread had them, the copies. "Cc/Bcc" opens
 * both for editing; left closed, the reply goes reply-all as shown.
 */
export function ReplyRecipients(p: {
  to: Address[];
  cc: Address[];
  edit: { cc: string; bcc: string } | null;
  onEdit: (e: { cc: string; bcc: string } | null) => void;
}) {
  const t = useTranslations('composer');
  return (
    <div className="mb-1 space-y-1" data-testid="reply-recipients">
      <div className="flex items-baseline gap-2 text-xs text-slate-600">
        <span className="w-8 shrink-0">{t('to')}</span>
        <span className="min-w-0 flex-1 truncate text-slate-800">{formatAddresses(p.to)}</span>
        {p.edit === null && (
          <button
            type="button"
            className="shrink-0 text-brand-700 hover:underline"
            onClick={() => p.onEdit({ cc: p.cc.map((a) => a.address).join(', '), bcc: '' })}
          >
            {t('ccBcc')}
          </button>
        )}
      </div>
      {p.edit === null ? (
        p.cc.length > 0 && (
          <div className="flex items-baseline gap-2 text-xs text-slate-600">
            <span className="w-8 shrink-0">{t('cc')}</span>
            <span className="min-w-0 flex-1 truncate text-slate-800">{formatAddresses(p.cc)}</span>
          </div>
        )
      ) : (
        <>
          <AddressField label={t('cc')} value={p.edit.cc} onChange={(cc) => p.onEdit({ ...p.edit!, cc })} />
          <AddressField label={t('bcc')} value={p.edit.bcc} onChange={(bcc) => p.onEdit({ ...p.edit!, bcc })} />
        </>
      )}
    </div>
  );
}
