/**
 * A text stored now and read later by people in either language (why an attachment was not kept, why a
 * delivery failed): `@key` or `@key?name=value&…`, shown through the reader's catalog. A stored text
 * without the `@` (rows from before keys, a mail server's own answer) is shown as it is.
 */
export type MessageRef = { key: string; params: Record<string, string> };

export function messageRef(key: string, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return `@${key}${query ? `?${query}` : ''}`;
}

export function parseMessageRef(stored: string): MessageRef | null {
  const match = /^@(\w+)(?:\?(.*))?$/s.exec(stored);
  if (!match) return null;
  return { key: match[1]!, params: Object.fromEntries(new URLSearchParams(match[2] ?? '')) };
}
