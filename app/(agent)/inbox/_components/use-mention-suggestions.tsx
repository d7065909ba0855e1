'use client';

import { useState } from 'react';
import { useDirectory } from './use-directory';

const TYPING_MENTION = /(^|\s)@([\p{L}][\p{L}\p{M}'-]*)?$/u;

/**
 * "@" in a note suggests colleagues as the name is typed: ↑/↓ choose, Enter or Tab inserts "@Full Name "
 * (what the server reads as a mention), Escape leaves the text as typed.
 */
export function useMentionSuggestions(o: { enabled: boolean; text: string; caret: number; onInsert: (text: string, caret: number) => void }) {
  const dir = useDirectory();
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const match = o.enabled ? TYPING_MENTION.exec(o.text.slice(0, o.caret)) : null;
  const query = match?.[2]?.toLocaleLowerCase('de') ?? '';
  const start = match ? o.caret - query.length - 1 : -1;
  const options =
    match && dismissedAt !== start
      ? dir.agents
          .filter(
            (a) =>
              a.name
                .toLocaleLowerCase('de')
                .split(/\s+/)
                .some((part) => part.startsWith(query)) || a.name.toLocaleLowerCase('de').startsWith(query),
          )
          .slice(0, 6)
      : [];
  const at = Math.min(active, Math.max(0, options.length - 1));

  const insert = (name: string) => {
    const before = o.text.slice(0, start);
    const after = o.text.slice(o.caret);
    const token = `@${name} `;
    o.onInsert(before + token + after, before.length + token.length);
    setActive(0);
  };
  /** True when the key was the suggestions' (the textarea then does nothing else with it). */
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (options.length === 0) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') setActive((at + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length);
    else if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') insert(options[at]!.name);
    else if (e.key === 'Escape') setDismissedAt(start);
    else return false;
    e.preventDefault();
    e.stopPropagation();
    return true;
  };
  return { options, active: at, insert, onKeyDown };
}

/** The suggestions above the note box while a name is typed after "@". */
export function MentionOptions({ mentions, label }: { mentions: ReturnType<typeof useMentionSuggestions>; label: string }) {
  if (mentions.options.length === 0) return null;
  return (
    <ul
      role="listbox"
      aria-label={label}
      data-testid="mention-suggestions"
      className="absolute bottom-full left-0 z-20 mb-1 w-64 rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg"
    >
      {mentions.options.map((a, i) => (
        <li
          key={a.id}
          role="option"
          aria-selected={i === mentions.active}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => mentions.insert(a.name)}
          className="cursor-pointer px-3 py-1 aria-selected:bg-brand-50"
        >
          {a.name}
        </li>
      ))}
    </ul>
  );
}
