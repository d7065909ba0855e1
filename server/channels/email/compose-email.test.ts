import { describe, expect, it } from 'vitest';
import { composeEmail, renderBody, replySubject } from './compose-email';
import { parseEmailSettings } from './email-settings';

describe('replySubject', () => {
  it('keeps one Re: and one ticket token', () => {
    expect(replySubject('AW: Re: Lieferung [#1042]', 1042)).toBe('Re: Lieferung [#1042]');
    expect(replySubject('Rechnung', 7)).toBe('Re: Rechnung [#7]');
    expect(replySubject('', 7)).toBe('Re: … [#7]');
  });
});

describe('composeEmail', () => {
  const settings = parseEmailSettings({ address: 'support@example.de', displayName: 'Beispiel Support', signature: 'Ihr Team' });
  const ctx = {
    ticketId: 1,
    ticketNumber: 1042,
    subject: 'Lieferung',
    replyToken: 'abc123',
    to: [{ address: 'kunde@example.com', name: 'Kunde' }],
    cc: [{ address: 'kollegin@example.com' }],
    references: ['<a@x>', '<b@x>'],
    inReplyTo: '<b@x>',
  };

  it('threads with the customer and carries our reply token', () => {
    const mail = composeEmail(settings, ctx, { text: 'Hallo <Welt> & Co' }, 99);
    expect(mail.replyTo).toBe('support+abc123@example.de');
    expect(mail.messageId).toMatch(/^<t1042\.m99\.[0-9a-f]+@example\.de>$/);
    expect(mail.inReplyTo).toBe('<b@x>');
    expect(mail.references).toEqual(['<a@x>', '<b@x>']);
    expect(mail.subject).toBe('Re: Lieferung [#1042]');
    expect(mail.text).toContain('-- \nIhr Team');
    expect(mail.html).toContain('Hallo &lt;Welt&gt; &amp; Co');
  });

  it('gives different Message-IDs to different messages', () => {
    expect(composeEmail(settings, ctx, { text: 'x' }, 1).messageId).not.toBe(composeEmail(settings, ctx, { text: 'x' }, 2).messageId);
  });

  it('renders paragraphs and line breaks', () => {
    expect(renderBody('a\nb\n\nc', '').html).toContain('<p>a<br>b</p>\n<p>c</p>');
  });
});
