import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { ChannelKind } from '@/lib/domain';
import { sanitizeHtml } from './sanitize-html';

/**
 * The formatting an agent's reply may carry, written as Markdown in the composer: **bold**, *italic*,
 * bulleted and numbered lists, and links. Nothing else (no headings, tables, images or raw HTML): a
 * reply is a letter, not a page. markdown-it is run with only those rules on.
 */
const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true }).enable([
  'paragraph',
  'list',
  'newline',
  'escape',
  'emphasis',
  'link',
  'autolink',
  'linkify',
]);

const FORMATTING = new Set(['strong_open', 'em_open', 'link_open', 'bullet_list_open', 'ordered_list_open']);

/** Whether the text uses any of the formatting; a text without keeps going out exactly as typed. */
export function hasFormatting(text: string): boolean {
  return md.parse(text, {}).some((t) => FORMATTING.has(t.type) || t.children?.some((c) => FORMATTING.has(c.type) && !isBareLink(c, t.children!)));
}

/** The reply as HTML for an email's HTML part and the agent's thread; sanitized like every HTML we show or send. */
export const replyHtml = (text: string) => sanitizeHtml(md.render(text));

/** Markers a channel shows bold and italic with; none where it has no formatting. */
type Marks = { strong: string; em: string };
const PLAIN: Marks = { strong: '', em: '' };
/** WhatsApp's own syntax: *bold*, _italic_. */
const WHATSAPP: Marks = { strong: '*', em: '_' };

/**
 * The reply for a channel: WhatsApp gets its own *bold* and _italic_; chats, Messenger and Telegram (sent as
 * plain text) and an email's text part get the words without markers, lists as "•" or "1." lines, and links
 * as "text (address)". Unformatted text comes back unchanged.
 */
export function replyText(text: string, marks: Marks = PLAIN): string {
  if (!hasFormatting(text)) return text;
  const out: string[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let line = '';
  for (const t of md.parse(text, {})) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')
      lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
      lists.pop();
      if (!lists.length) out.push('');
    } else if (t.type === 'list_item_open') {
      const list = lists.at(-1)!;
      line = `${'  '.repeat(lists.length - 1)}${list.ordered ? `${list.n++}.` : '•'} `;
    } else if (t.type === 'inline') {
      out.push(line + inlineText(t.children ?? [], marks));
      line = '';
    } else if (t.type === 'paragraph_close' && !lists.length) out.push('');
  }
  return out.join('\n').trim();
}

export const whatsappText = (text: string) => replyText(text, WHATSAPP);

/** The text a channel kind receives for an agent's reply (email renders its own parts from the source). */
export function textForChannel(kind: ChannelKind, text: string): string {
  if (kind === 'email' || kind === 'web_form') return text;
  return kind === 'whatsapp' ? whatsappText(text) : replyText(text);
}

function inlineText(children: Token[], marks: Marks): string {
  let s = '';
  let href: string | null = null;
  let linkText = '';
  for (const c of children) {
    const piece =
      c.type === 'text'
        ? c.content
        : c.type === 'softbreak' || c.type === 'hardbreak'
          ? '\n'
          : c.type === 'strong_open' || c.type === 'strong_close'
            ? marks.strong
            : c.type === 'em_open' || c.type === 'em_close'
              ? marks.em
              : '';
    if (c.type === 'link_open') {
      href = String(c.attrGet('href') ?? '');
      linkText = '';
    } else if (c.type === 'link_close') {
      s += href && linkText !== href && `mailto:${linkText}` !== href ? `${linkText} (${href})` : linkText;
      href = null;
    } else if (href !== null) linkText += piece;
    else s += piece;
  }
  return s;
}

/** A link written as its own address (linkified): no formatting the reader would miss. */
function isBareLink(open: Token, children: Token[]): boolean {
  if (open.type !== 'link_open') return false;
  const i = children.indexOf(open);
  return open.markup === 'linkify' || open.markup === 'autolink' || children[i + 1]?.content === open.attrGet('href');
}
