import type { MessageMeta } from '@/db/schema';

const header = (name: string, value: string | undefined) => (value ? `${name}: ${value.replace(/[\r\n]+/g, ' ')}\r\n` : '');
const address = (a: { address: string; name?: string }) => (a.name ? `"${a.name.replace(/["\\]/g, '')}" <${a.address}>` : `<${a.address}>`);

/**
 * The stored message rebuilt as mail for spamd to learn from: the envelope headers we keep and the
 * text. The raw source is not stored, so header-only and HTML-only tells are lost to the lesson; the
 * Bayes filter learns from words, which the text carries.
 */
export function lessonMessage(m: {
  bodyText: string;
  bodyHtml: string | null;
  channelMessageId: string | null;
  meta: MessageMeta | null;
  createdAt: number;
}): Buffer {
  const meta = m.meta?.email ?? {};
  const head = [
    header('From', meta.from ? address(meta.from) : undefined),
    header('To', meta.to?.map(address).join(', ')),
    header('Cc', meta.cc?.length ? meta.cc.map(address).join(', ') : undefined),
    header('Subject', meta.subject),
    header('Message-ID', m.channelMessageId ?? undefined),
    header('Date', new Date(m.createdAt).toUTCString()),
    'MIME-Version: 1.0\r\n',
    'Content-Type: text/plain; charset=utf-8\r\n',
    'Content-Transfer-Encoding: 8bit\r\n',
  ].join('');
  return Buffer.from(`${head}\r\n${m.bodyText.replace(/\r?\n/g, '\r\n')}\r\n`, 'utf8');
}
