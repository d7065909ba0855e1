'use client';

import { useEffect, useRef } from 'react';
import { UNDO_EVENT } from '@/app/_components/undo-toast';

type Handlers = {
  move: (delta: number) => void;
  focusSearch: () => void;
  compose: (mode: 'reply' | 'note') => void;
  toggleHelp: () => void;
  /** Checks or unchecks the ticket whose row has focus, else the open one. */
  toggleCheck: () => void;
};

/** Custom events let the conversation pane own its actions (assign, status) while keys are read in one place. */
export const TICKET_ACTION_EVENT = 'inbox:ticket-action';
export type TicketAction = { type: 'assign_me' } | { type: 'snooze' } | { type: 'status'; status: 'open' | 'pending' | 'on_hold' | 'solved' };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** An open dialog or menu owns the keyboard: a letter typed there must not solve the ticket behind it. */
function overlayOpen(): boolean {
  return !!document.querySelector('dialog[open], [role="dialog"], [role="menu"]');
}

/** ↑/↓ move through tickets only while the list has focus; elsewhere they scroll what is being read. */
function inTicketList(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('[data-testid="ticket-list"]');
}

export function useInboxShortcuts(handlers: Handlers) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || overlayOpen()) return;
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !inTicketList(e.target)) return;
      const h = ref.current;
      const action = (a: TicketAction) => window.dispatchEvent(new CustomEvent(TICKET_ACTION_EVENT, { detail: a }));
      const keys: Record<string, () => void> = {
        j: () => h.move(1),
        ArrowDown: () => h.move(1),
        k: () => h.move(-1),
        ArrowUp: () => h.move(-1),
        '/': h.focusSearch,
        r: () => h.compose('reply'),
        n: () => h.compose('note'),
        a: () => action({ type: 'assign_me' }),
        o: () => action({ type: 'status', status: 'open' }),
        p: () => action({ type: 'status', status: 'pending' }),
        h: () => action({ type: 'status', status: 'on_hold' }),
        s: () => action({ type: 'status', status: 'solved' }),
        z: () => action({ type: 'snooze' }),
        u: () => window.dispatchEvent(new CustomEvent(UNDO_EVENT)),
        x: h.toggleCheck,
        '?': h.toggleHelp,
      };
      const run = keys[e.key];
      if (!run) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
