/**
 * The composer's formatting buttons as edits of its text: each takes the text and the selection and
 * returns the new text and selection. The reply is Markdown (server/content/reply-format.ts renders it).
 */
export type Edit = { text: string; start: number; end: number };

/** **bold** or *italic* around the selection; with none, an empty pair with the caret inside. */
export function wrapSelection({ text, start, end }: Edit, marker: '**' | '*'): Edit {
  const inner = text.slice(start, end);
  // Selected with the markers already around it: take them away (the button toggles).
  if (text.slice(start - marker.length, start) === marker && text.slice(end, end + marker.length) === marker)
    return { text: text.slice(0, start - marker.length) + inner + text.slice(end + marker.length), start: start - marker.length, end: end - marker.length };
  return { text: text.slice(0, start) + marker + inner + marker + text.slice(end), start: start + marker.length, end: end + marker.length };
}

/** Every line the selection touches as a list item ("- " or "1. ", "2. " …), on a line of its own. */
export function listLines({ text, start, end }: Edit, ordered: boolean): Edit {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', end);
  const to = next === -1 ? text.length : next;
  const lines = text.slice(from, to).split('\n');
  const listed = lines.map((l, i) => `${ordered ? `${i + 1}.` : '-'} ${l.replace(/^\s*(?:[-*•]|\d+\.)\s+/, '')}`).join('\n');
  // A list needs a blank line before it when it follows a paragraph.
  const before = from > 0 && text[from - 2] !== '\n' ? '\n' : '';
  return { text: text.slice(0, from) + before + listed + text.slice(to), start: from + before.length, end: from + before.length + listed.length };
}

/** [selection](https://) with the address selected, ready to be typed over. */
export function linkSelection({ text, start, end }: Edit): Edit {
  const label = text.slice(start, end) || 'Link';
  const inserted = `[${label}](https://)`;
  const at = start + label.length + 3;
  return { text: text.slice(0, start) + inserted + text.slice(end), start: at, end: at + 'https://'.length };
}
