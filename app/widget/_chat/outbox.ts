import type { WidgetFile } from '@/lib/widget-events';
import type { Answers } from '@/lib/forms/form-definition';

/** A message the visitor wrote that the server has not acknowledged yet. */
export type Pending = { clientId: string; text: string; prechat?: Answers; file?: WidgetFile; createdAt: number; error?: string };

/**
 * The visitor's unacknowledged messages, in the order written. Text survives a reload (storage);
 * files stay in memory only. Entries leave only on an ack, so a lost ack means a re-send, which the
 * server recognises by the client id and stores once.
 */
export class Outbox {
  private items: Pending[];

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null,
    private readonly key: string,
  ) {
    this.items = this.load();
  }

  list(): readonly Pending[] {
    return this.items;
  }

  add(p: Pending) {
    this.items = [...this.items, p];
    this.save();
  }

  acked(clientId: string) {
    this.items = this.items.filter((i) => i.clientId !== clientId);
    this.save();
  }

  failed(clientId: string, error: string) {
    this.items = this.items.map((i) => (i.clientId === clientId ? { ...i, error } : i));
    this.save();
  }

  retry(clientId: string) {
    this.items = this.items.map((i) => (i.clientId === clientId ? { ...i, error: undefined } : i));
    this.save();
  }

  /** The next entry to send: the oldest one that has not failed for good. */
  next(): Pending | undefined {
    return this.items.find((i) => !i.error);
  }

  private load(): Pending[] {
    try {
      const raw = this.storage?.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((p): p is Pending => typeof p?.clientId === 'string' && typeof p?.text === 'string') : [];
    } catch {
      return [];
    }
  }

  private save() {
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.items.map(({ file: _file, ...rest }) => rest)));
    } catch {
      // Storage full or blocked: the outbox still works for this page view.
    }
  }
}

export function newClientId() {
  return crypto.randomUUID();
}
