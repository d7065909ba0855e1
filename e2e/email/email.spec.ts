import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import nodemailer from 'nodemailer';
import { agentPage } from '../support/sign-in';
import { pointInboxAt } from '../support/mail-relay';
import { startSmtpSink } from '../../server/testing/smtp-sink';
import { E2E_SMTP_PORT } from '../../playwright.config';

test('an email appears live, the agent replies with threading headers, and the answer lands on the same ticket', async ({ browser }) => {
  const sink = await startSmtpSink();
  const customer = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  try {
    await pointInboxAt(browser, sink.port);

    const { page, context } = await agentPage(browser, 'jana@demo.local');
    await page.getByRole('button', { name: 'All tickets' }).click();
    await expect(page.locator('[data-ticket-id]').first()).toBeVisible();

    const run = Date.now();
    const subject = `Paket beschädigt ${run}`;
    const firstId = `<e2e-${run}@example.com>`;
    await customer.sendMail({
      from: 'Lena Kunde <lena.kunde@example.com>',
      to: 'support@demo.local',
      subject,
      text: 'Das Paket kam beschädigt an.\n\nLena',
      messageId: firstId,
    });
    const row = page.locator('[data-ticket-id]', { hasText: subject });
    await expect(row).toBeVisible(); // live, without a reload
    await row.click();
    await expect(page.getByTestId('thread')).toContainText('Das Paket kam beschädigt an.');

    await page.keyboard.press('r');
    await page.keyboard.type('Das tut uns leid, Ersatz ist unterwegs.');
    await page.keyboard.press('Control+Enter');
    const out = await sink.waitFor((m) => m.parsed.text?.includes('Ersatz ist unterwegs') ?? false);
    expect(out.parsed.inReplyTo).toBe(firstId);
    expect(out.parsed.references).toContain(firstId);
    expect(out.parsed.subject).toMatch(new RegExp(`^Re: ${subject} \\[#\\d+\\]$`));
    const replyTo = out.parsed.replyTo!.value[0]!.address!;
    expect(replyTo).toMatch(/^support\+[0-9a-f]+@demo\.local$/);
    await expect(page.getByTestId('delivery-state').last()).toContainText('Sent');

    await customer.sendMail({
      from: 'lena.kunde@example.com',
      to: replyTo,
      subject: `AW: ${out.parsed.subject}`,
      text: 'Danke, angekommen!',
      inReplyTo: out.parsed.messageId,
      references: [out.parsed.messageId!],
    });
    await expect(page.getByTestId('thread')).toContainText('Danke, angekommen!');
    await expect(page.locator('[data-ticket-id]', { hasText: subject })).toHaveCount(1);
    await context.close();
  } finally {
    customer.close();
    await sink.close();
  }
});

test('an agent edits the copies of a reply, adds a blind copy, and forwards the conversation to a supplier', async ({ browser }) => {
  const sink = await startSmtpSink();
  const customer = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  try {
    await pointInboxAt(browser, sink.port);
    const subject = `Kopie und Weiterleitung ${Date.now()}`;
    await customer.sendMail({
      from: 'Lena Kunde <lena.kunde@example.com>',
      to: 'support@demo.local',
      cc: 'partner@example.com',
      subject,
      text: 'Die Lieferung fehlt.',
    });
    const { page, context } = await agentPage(browser, 'jana@demo.local');
    await page.getByRole('button', { name: 'All tickets' }).click();
    await page.locator('[data-ticket-id]', { hasText: subject }).click();

    // Reply-all as the thread had it, shown before sending; Cc/Bcc opens both for editing.
    const recipients = page.getByTestId('reply-recipients');
    await expect(recipients).toContainText('Lena Kunde <lena.kunde@example.com>');
    await expect(recipients).toContainText('partner@example.com');
    await recipients.getByRole('button', { name: 'Cc/Bcc' }).click();
    await expect(recipients.getByLabel('Cc', { exact: true })).toHaveValue('partner@example.com');
    await recipients.getByLabel('Cc', { exact: true }).fill('partner@example.com, lager@example.com');
    await recipients.getByLabel('Bcc').fill('chefin@');
    await expect(recipients).toContainText('“chefin@” is not an email address');
    await page.getByLabel('Public reply').fill('Wir prüfen die Lieferung.');
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
    await recipients.getByLabel('Bcc').fill('chefin@example.com');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const reply = await sink.waitFor((m) => m.parsed.text?.includes('Wir prüfen die Lieferung.') ?? false);
    expect(reply.rcptTo.sort()).toEqual(['chefin@example.com', 'lager@example.com', 'lena.kunde@example.com', 'partner@example.com']);
    expect(reply.raw).not.toMatch(/^bcc:/im);
    await expect(page.getByTestId('thread').getByTestId('message').last()).toContainText('Bcc: chefin@example.com');

    // Forward: its own tab, an address, and the conversation goes along; kept as an internal message.
    await page.getByRole('tab', { name: 'Forward' }).click();
    await page.getByLabel('To', { exact: true }).fill('einkauf@example.com');
    await page.getByLabel('Forward', { exact: true }).fill('Bitte Ersatz veranlassen.');
    await page.getByRole('button', { name: 'Forward', exact: true }).click();
    const forward = await sink.waitFor((m) => m.rcptTo.includes('einkauf@example.com'));
    expect(forward.parsed.subject).toMatch(new RegExp(`^Fwd: ${subject} \\[#\\d+\\]$`));
    expect(forward.parsed.text).toContain('Bitte Ersatz veranlassen.');
    expect(forward.parsed.text).toContain('Die Lieferung fehlt.');
    const thread = page.getByTestId('thread');
    await expect(thread.getByTestId('internal-note').last()).toContainText('Forwarded (internal)');
    await expect(thread.getByTestId('event').filter({ hasText: 'Jana Berger forwarded the conversation to einkauf@example.com' })).toBeVisible();
    await context.close();
  } finally {
    customer.close();
    await sink.close();
  }
});

test('an HTML mail without a text part, around inline images and attachments, reads as text in the list and the thread', async ({ browser }) => {
  const customer = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  const subject = `Bild anbei ${Date.now()}`;
  const raw = fs
    .readFileSync(path.join(import.meta.dirname, '../../server/channels/email/fixtures/html-only-related-mixed.eml'), 'utf8')
    .replace('Subject: Bild anbei', `Subject: ${subject}`)
    .replace('<rel1@example.de>', `<rel-${Date.now()}@example.de>`);
  await customer.sendMail({ envelope: { from: 'kundin@example.de', to: ['support@demo.local'] }, raw });
  customer.close();
  const { page, context } = await agentPage(browser, 'jana@demo.local');
  await page.getByRole('button', { name: 'All tickets' }).click();
  const row = page.locator('[data-ticket-id]', { hasText: subject });
  await expect(row).toContainText('Guten Tag, die Lieferung ist beschädigt');
  await row.click();
  const message = page.getByTestId('thread').getByTestId('message').first();
  await expect(message).toContainText('die Lieferung ist beschädigt, siehe Bild:');
  // The quoted history is folded away.
  await expect(message).not.toContainText('Alte Nachricht');
  await context.close();
});
