import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMail } from './parse-mail';
import { visiblePart } from '@/server/content/fold-quoted';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));

describe('parseMail on real-world shaped mail', () => {
  it('Gmail reply: RFC 2047 UTF-8 headers, quoted-printable, threading headers', async () => {
    const m = await parseMail(fixture('gmail-reply.eml'));
    expect(m.subject).toBe('Re: Rücksendung [#1001]');
    expect(m.from).toEqual({ address: 'anna.mueller@gmail.example', name: 'Anna Müller' });
    expect(m.to[0]!.address).toBe('support+token@demo.local');
    expect(m.text).toContain('Vielen Dank für die schnelle Antwort!');
    expect(m.text).toContain('Grüße');
    expect(m.inReplyTo).toBe('<t1001.m5.abc@demo.local>');
    expect(m.references).toEqual(['<t1001.m5.abc@demo.local>']);
    expect(m.messageId).toBe('<CAJ8k2xW4nQ=gmail-reply-1@mail.gmail.example>');
    expect(m.autoSubmitted).toBe(false);
  });

  it('Outlook HTML-only in Windows-1252: text derived from HTML, umlauts and dashes decoded', async () => {
    const m = await parseMail(fixture('outlook-html-cp1252.eml'));
    expect(m.subject).toBe('Beschädigte Lieferung – bitte um Rückruf');
    expect(m.from?.name).toBe('Schroeder, Juergen');
    expect(m.text).toContain('die Lieferung kam beschädigt an – das Gehäuse ist gebrochen');
    expect(m.html).toContain('Jürgen Schröder');
  });

  it('HTML without a text part inside multipart/related and /mixed: text from the HTML, quoted history marked', async () => {
    const m = await parseMail(fixture('html-only-related-mixed.eml'));
    expect(m.text.split('\n').filter(Boolean)).toEqual([
      'Guten Tag,',
      'die Lieferung ist beschädigt, siehe Bild:',
      '> Am Di., 1. Dez. 2026 um 10:00 Uhr schrieb Demo Support <support@demo.local>:',
      '> > Alte Nachricht',
    ]);
    expect(visiblePart(m.text)).toBe('Guten Tag,\n\ndie Lieferung ist beschädigt, siehe Bild:');
    expect(m.attachments.map((a) => [a.filename, a.inline])).toEqual([
      ['a.png', true],
      ['r.pdf', false],
    ]);
  });

  it('Apple Mail with base64 body and an attachment with an encoded file name', async () => {
    const m = await parseMail(fixture('apple-mail-attachment.eml'));
    expect(m.text).toContain('my invoice shows €499 but I paid €399');
    expect(m.messageId).toBe('<5E1A6F0C-7B7E-4F5B-9C1B-apple-1@icloud.example>');
  });

  it('forwarded mail in ISO-8859-1 with a base64 encoded subject', async () => {
    const m = await parseMail(fixture('forwarded-latin1.eml'));
    expect(m.subject).toBe('WG: Käse geliefert');
    expect(m.from?.name).toBe('Günther Köhler');
    expect(m.text).toContain('Käse statt Bücher');
    expect(m.text).toContain('Weitergeleitete Nachricht');
  });

  it('recognises automatic mail by its headers', async () => {
    for (const h of ['Auto-Submitted: auto-replied', 'X-Autoreply: yes', 'Precedence: bulk', 'Precedence: auto_reply', 'X-Auto-Response-Suppress: All']) {
      const m = await parseMail(`From: a@x.example\nTo: support@demo.local\nSubject: Out of office\n${h}\n\nI am away.`);
      expect(m.autoSubmitted, h).toBe(true);
    }
    expect((await parseMail('From: a@x.example\nAuto-Submitted: no\n\nhi')).autoSubmitted).toBe(false);
  });

  it('reads which message bounced from a delivery status notification', async () => {
    const dsn = [
      'From: MAILER-DAEMON@mx.example',
      'To: support@demo.local',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example',
      '',
      'Final-Recipient: rfc822; gone@example.com',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <gone@example.com>: Recipient address rejected',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      'Message-ID: <t1001.m7.ff@demo.local>',
      'Subject: Re: Rechnung [#1001]',
      '--b1--',
      '',
    ].join('\r\n');
    const m = await parseMail(dsn);
    expect(m.bounce).toEqual({ originalMessageId: '<t1001.m7.ff@demo.local>', reason: 'smtp; 550 5.1.1 <gone@example.com>: Recipient address rejected' });
  });

  it('reads what it can from broken mail instead of failing', async () => {
    const m = await parseMail('From broken\n\x00\xff\xfe garbage without headers');
    expect(m.from).toBeNull();
    expect(m.messageId).toBeNull();
    const noBody = await parseMail('From: a@x.example\nSubject: leer\n');
    expect(noBody.text).toBe('');
  });
});
