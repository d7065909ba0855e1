'use client';

import { useTranslations } from 'use-intl';
import { Bold, Italic, Link2, List, ListOrdered } from 'lucide-react';
import { linkSelection, listLines, wrapSelection, type Edit } from '@/lib/text-format';

export type FormatEdit = (e: Edit) => Edit;

/** The composer's edits by key: Ctrl/⌘+B bold, +I italic, +K link. */
export function formatKey(e: React.KeyboardEvent): FormatEdit | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'b') return (x) => wrapSelection(x, '**');
  if (key === 'i') return (x) => wrapSelection(x, '*');
  if (key === 'k') return linkSelection;
  return null;
}

/**
 * Bold, italic, lists and links for the reply, written as Markdown: mail shows them formatted, WhatsApp
 * as *bold*, chats and other messengers as plain words (the title says so).
 */
export function FormatToolbar({ onEdit }: { onEdit: (edit: FormatEdit) => void }) {
  const t = useTranslations('composer.format');
  const buttons = [
    { label: t('bold'), icon: Bold, edit: (x: Edit) => wrapSelection(x, '**') },
    { label: t('italic'), icon: Italic, edit: (x: Edit) => wrapSelection(x, '*') },
    { label: t('bullets'), icon: List, edit: (x: Edit) => listLines(x, false) },
    { label: t('numbers'), icon: ListOrdered, edit: (x: Edit) => listLines(x, true) },
    { label: t('link'), icon: Link2, edit: linkSelection },
  ];
  return (
    <div role="toolbar" aria-label={t('toolbar')} title={t('hint')} className="flex items-center">
      {buttons.map((b) => (
        <button
          key={b.label}
          type="button"
          aria-label={b.label}
          title={b.label}
          // Keeps the selection in the text box: the edit applies to what is selected there.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onEdit(b.edit)}
          className="rounded p-1 text-slate-500 hover:bg-slate-100"
        >
          <b.icon className="size-4" aria-hidden />
        </button>
      ))}
    </div>
  );
}
