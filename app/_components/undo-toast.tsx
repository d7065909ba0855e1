'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useNow, useTranslations } from 'use-intl';
import { useErrorText } from './error-text';

/** Listened for here, dispatched by the inbox's `u` shortcut. */
export const UNDO_EVENT = 'app:undo';

type Offer = {
  /** What just happened: "Status set to Solved", "Sending in …". */
  message: string;
  /** Counts down to this instant instead of showing a fixed message (a reply waiting to go out). */
  until?: number;
  /** Takes it back: on the server (a waiting reply, an assignment) or, for a deferred change, by dropping it. */
  undo: () => Promise<unknown>;
  /**
   * A deferred change (a status: solving counts in the figures, so it is not done and undone but held):
   * done when the offer's time is up, when another offer replaces it, or when the page is left.
   */
  commit?: () => Promise<unknown>;
  /** How long the offer stands; a send's offer stands exactly as long as its window. */
  ms?: number;
};
type Shown = Offer & { id: number; state: 'offered' | 'undoing' | 'undone' | 'failed'; error?: string };

const OFFER_MS = 5000;
const UndoContext = createContext<(offer: Offer) => void>(() => {});

/** The latest change that can be taken back, one at a time, at the bottom of the screen: a status change, an assignment, a send. */
export function useUndo() {
  return useContext(UndoContext);
}

export function UndoToastProvider({ children }: { children: React.ReactNode }) {
  const t = useTranslations('undo');
  const errorText = useErrorText();
  const [shown, setShown] = useState<Shown | null>(null);
  const serial = useRef(0);
  // The deferred change not yet done: done exactly once, whichever comes first.
  const held = useRef<{ id: number; commit: () => Promise<unknown> } | null>(null);
  const commitHeld = useCallback(() => {
    const h = held.current;
    held.current = null;
    h?.commit().catch(() => setShown((s) => (s?.id === h.id ? { ...s, state: 'failed', error: t('notSaved') } : s)));
  }, [t]);
  const offer = useCallback(
    (o: Offer) => {
      commitHeld();
      const id = ++serial.current;
      if (o.commit) held.current = { id, commit: o.commit };
      setShown({ ...o, id, state: 'offered' });
    },
    [commitHeld],
  );
  useEffect(() => {
    window.addEventListener('pagehide', commitHeld);
    return () => window.removeEventListener('pagehide', commitHeld);
  }, [commitHeld]);

  // The offer leaves when its time is up (a held change is then done), and an outcome ("Undone") after a moment.
  useEffect(() => {
    if (!shown) return;
    const ms = shown.state === 'offered' ? (shown.ms ?? OFFER_MS) : shown.state === 'undoing' ? null : 3000;
    if (ms === null) return;
    const timer = setTimeout(() => {
      if (shown.state === 'offered' && held.current?.id === shown.id) commitHeld();
      setShown((s) => (s?.id === shown.id && s.state === shown.state ? null : s));
    }, ms);
    return () => clearTimeout(timer);
  }, [shown, commitHeld]);

  const undo = useCallback(() => {
    const current = shown;
    if (!current || current.state !== 'offered') return;
    if (held.current?.id === current.id) held.current = null;
    setShown({ ...current, state: 'undoing' });
    current
      .undo()
      .then(() => setShown((s) => (s?.id === current.id ? { ...current, state: 'undone' } : s)))
      .catch((err: unknown) =>
        setShown((s) => (s?.id === current.id ? { ...current, state: 'failed', error: (err instanceof Error ? errorText(err) : '') || t('failed') } : s)),
      );
  }, [shown, errorText, t]);

  useEffect(() => {
    window.addEventListener(UNDO_EVENT, undo);
    return () => window.removeEventListener(UNDO_EVENT, undo);
  }, [undo]);

  return (
    <UndoContext.Provider value={offer}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-3 z-50 flex justify-center px-3">
        {shown && (
          <Toast
            shown={shown}
            onUndo={undo}
            onClose={() => {
              if (held.current?.id === shown.id) commitHeld();
              setShown(null);
            }}
          />
        )}
      </div>
    </UndoContext.Provider>
  );
}

function Toast({ shown, onUndo, onClose }: { shown: Shown; onUndo: () => void; onClose: () => void }) {
  const t = useTranslations('undo');
  const now = useNow({ updateInterval: 500 }).getTime();
  const text =
    shown.state === 'undone'
      ? t('undone')
      : shown.state === 'failed'
        ? shown.error
        : shown.until !== undefined
          ? `${shown.message} ${t('inSeconds', { seconds: Math.max(0, Math.ceil((shown.until - now) / 1000)) })}`
          : shown.message;
  return (
    <div
      className="pointer-events-auto flex max-w-md items-center gap-3 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg"
      data-testid="undo-toast"
      data-state={shown.state}
    >
      <span role={shown.state === 'failed' ? 'alert' : undefined}>{text}</span>
      {(shown.state === 'offered' || shown.state === 'undoing') && (
        <button
          type="button"
          onClick={onUndo}
          disabled={shown.state === 'undoing'}
          className="min-h-8 rounded px-2 font-semibold text-amber-300 hover:bg-slate-800 disabled:opacity-60"
          aria-keyshortcuts="u"
        >
          {t('undo')}
        </button>
      )}
      <button type="button" onClick={onClose} aria-label={t('dismiss')} className="min-h-8 rounded px-1.5 text-slate-300 hover:bg-slate-800">
        ×
      </button>
    </div>
  );
}
