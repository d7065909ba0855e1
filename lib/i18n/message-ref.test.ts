import { describe, expect, it } from 'vitest';
import { messageRef, parseMessageRef } from './message-ref';

describe('message refs', () => {
  it('round-trips a key with parameters, umlauts and separators included', () => {
    const stored = messageRef('file_type_refused', { ext: 'exe', name: 'Größe & Preis=1?.txt' });
    expect(stored.startsWith('@file_type_refused?')).toBe(true);
    expect(parseMessageRef(stored)).toEqual({ key: 'file_type_refused', params: { ext: 'exe', name: 'Größe & Preis=1?.txt' } });
  });

  it('reads a bare key, and leaves plain text alone', () => {
    expect(messageRef('channel_not_connected')).toBe('@channel_not_connected');
    expect(parseMessageRef('@channel_not_connected')).toEqual({ key: 'channel_not_connected', params: {} });
    expect(parseMessageRef('550 5.1.1 mailbox unavailable')).toBeNull();
    expect(parseMessageRef('@ not a key')).toBeNull();
  });
});
