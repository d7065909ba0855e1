import { describe, expect, it } from 'vitest';
import { chatMessageField, withChatMessage } from './chat-message-field';

const field = (key: string, type: 'text' | 'long_text', hiddenByDefault = false) => ({ key, type, hiddenByDefault });

describe('the pre-chat form’s message field', () => {
  it('is the first long text shown from the start; a form without one has none', () => {
    expect(chatMessageField([field('name', 'text'), field('later', 'long_text', true), field('anliegen', 'long_text'), field('more', 'long_text')])).toBe(
      'anliegen',
    );
    expect(chatMessageField([field('name', 'text'), field('later', 'long_text', true)])).toBeNull();
  });

  it('takes the chat box’s text as its answer, trimmed, and leaves the answers alone without one', () => {
    const fields = [field('name', 'text'), field('anliegen', 'long_text')];
    expect(withChatMessage(fields, { name: 'Eva', anliegen: 'alt' }, '  Paket fehlt  ')).toEqual({ name: 'Eva', anliegen: 'Paket fehlt' });
    expect(withChatMessage(fields, { name: 'Eva' }, '   ')).toEqual({ name: 'Eva' });
    expect(withChatMessage([field('name', 'text')], { name: 'Eva' }, 'Hallo')).toEqual({ name: 'Eva' });
  });
});
