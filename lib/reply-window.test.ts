import { describe, expect, it } from 'vitest';
import { replyWindowOf } from './reply-window';

const WROTE = Date.UTC(2026, 10, 30, 21, 15);
const HOUR = 3600_000;

describe('messenger reply windows', () => {
  it('is open for 24 hours after the customer’s last message, to the millisecond, whatever the weekday or DST', () => {
    expect(replyWindowOf('whatsapp', WROTE, WROTE + 23 * HOUR)).toEqual({ closesAt: WROTE + 24 * HOUR, leftMs: HOUR, open: true });
    expect(replyWindowOf('messenger', WROTE, WROTE + 24 * HOUR - 1)).toMatchObject({ leftMs: 1, open: true });
    expect(replyWindowOf('whatsapp', WROTE, WROTE + 24 * HOUR)).toMatchObject({ leftMs: 0, open: false });
    expect(replyWindowOf('whatsapp', WROTE, WROTE + 30 * HOUR)).toMatchObject({ closesAt: WROTE + 24 * HOUR, leftMs: -6 * HOUR, open: false });
    // Across the change to summer time: still 24 real hours.
    const beforeDst = Date.UTC(2026, 2, 28, 12, 0);
    expect(replyWindowOf('whatsapp', beforeDst, beforeDst)).toMatchObject({ closesAt: beforeDst + 24 * HOUR });
  });

  it('takes a channel’s own length (Messenger’s human-agent tag: 7 days), but never gives one to a channel without', () => {
    expect(replyWindowOf('messenger', WROTE, WROTE + 48 * HOUR, 7 * 24 * HOUR)).toMatchObject({ closesAt: WROTE + 7 * 24 * HOUR, open: true });
    expect(replyWindowOf('messenger', WROTE, WROTE + 48 * HOUR, null)).toMatchObject({ open: false });
    expect(replyWindowOf('telegram', WROTE, WROTE, 7 * 24 * HOUR)).toBeNull();
  });

  it('is closed before the customer ever wrote, and absent on channels without one', () => {
    expect(replyWindowOf('whatsapp', null, WROTE)).toEqual({ closesAt: WROTE, leftMs: 0, open: false });
    expect(replyWindowOf('telegram', WROTE, WROTE)).toBeNull();
    expect(replyWindowOf('email', WROTE, WROTE)).toBeNull();
  });
});
