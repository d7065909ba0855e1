'use client';

/**
 * The foot of a settings editor: Save (disabled while saving), "Saved" once the save went through, and,
 * for a record that exists, Delete after the browser's confirmation.
 */
export function SaveDeleteBar(p: {
  saving: boolean;
  saved: boolean;
  labels: { save: string; saved: string; delete: string };
  confirmDelete?: string;
  onDelete?: () => void;
}) {
  return (
    <div className="flex items-center gap-3">
      <button
        type="submit"
        disabled={p.saving}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {p.labels.save}
      </button>
      {p.saved && !p.saving && (
        <span role="status" className="text-sm text-emerald-700">
          {p.labels.saved}
        </span>
      )}
      {p.onDelete && (
        <button
          type="button"
          onClick={() => window.confirm(p.confirmDelete ?? p.labels.delete) && p.onDelete?.()}
          className="ml-auto rounded-md px-3 py-1.5 text-sm text-red-700 hover:bg-red-50"
        >
          {p.labels.delete}
        </button>
      )}
    </div>
  );
}
