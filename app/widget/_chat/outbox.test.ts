import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('the widget outbox', () => {
  it('keeps unacknowledged messages in order across a reload and drops them only on an ack', () => {
    const storage = memoryStorage();
    const box = new Outbox(storage, 'k');
    box.add({ clientId: 'a', text: 'eins', createdAt: 1 });
    box.add({ clientId: 'b', text: 'zwei', createdAt: 2, file: { name: 'x.png', type: 'image/png', data: new Uint8Array([1]) } });
    const reloaded = new Outbox(storage, 'k');
    expect(reloaded.list().map((p) => p.text)).toEqual(['eins', 'zwei']);
    expect(reloaded.list()[1]!.file).toBeUndefined();
    reloaded.acked('a');
    expect(reloaded.next()?.clientId).toBe('b');
    expect(new Outbox(storage, 'k').list().map((p) => p.clientId)).toEqual(['b']);
  });

  it('skips a message refused for good until the visitor retries it', () => {
    const box = new Outbox(null, 'k');
    box.add({ clientId: 'a', text: 'zu lang', createdAt: 1 });
    box.add({ clientId: 'b', text: 'ok', createdAt: 2 });
    box.failed('a', 'too long');
    expect(box.next()?.clientId).toBe('b');
    box.retry('a');
    expect(box.next()?.clientId).toBe('a');
  });
});
