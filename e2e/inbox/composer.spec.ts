import { test, expect } from '@playwright/test';
import nodemailer from 'nodemailer';
import { agentPage } from '../support/sign-in';
import { E2E_SMTP_PORT } from '../../playwright.config';

test('an agent keeps a signature, answers with "then next" on, and lands on the next ticket; the reply carries the signature', async ({ browser }) => {
  const run = `Weiter${Date.now()}`;
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  for (const n of [1, 2])
    await smtp.sendMail({
      from: `weiter${n}@example.de`,
      to: 'support@demo.local',
      subject: `${run} Paket ${n}`,
      text: `Wo bleibt mein Paket ${n}? Ich warte seit einer Woche.`,
    });
  smtp.close();

  const { page, context } = await agentPage(browser, 'jana@demo.local');
  await page.getByRole('link', { name: 'Macros' }).click();
  const signature = page.getByRole('region', { name: 'Your email signature' });
  await signature.getByLabel('German').fill('Viele Grüße\n{{agent.first_name}} vom Kundenservice');
  await signature.getByRole('button', { name: 'Save signature' }).click();
  await expect(signature.getByRole('status')).toHaveText('Signature saved.');

  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: 'All unsolved' }).click();
  await page.getByLabel('Search').fill(run);
  const rows = page.locator('[data-ticket-id]');
  await expect(rows).toHaveCount(2);
  await rows.nth(0).click();
  const first = await rows.nth(0).getAttribute('data-ticket-id');
  const second = await rows.nth(1).getAttribute('data-ticket-id');
  const heading = page.getByRole('heading', { level: 1 });
  const firstSubject = (await heading.textContent())!;

  await page.getByLabel('then next').check();
  const box = page.getByLabel('Public reply');
  await box.fill('Ihr Paket ist heute unterwegs.');
  // "heute" in bold, by key.
  await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(14, 19));
  await page.keyboard.press('Control+b');
  await expect(box).toHaveValue('Ihr Paket ist **heute** unterwegs.');
  await page.keyboard.press('Control+Enter');
  // Sent: the next ticket opens by itself, and the choice stays on for the next send.
  await expect(page.locator(`[data-ticket-id="${second}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(heading).not.toHaveText(firstSubject);
  await expect(page.getByLabel('then next')).toBeChecked();

  // Once the undo window has passed, the first ticket holds the reply as the customer got it: signed.
  await page.locator(`[data-ticket-id="${first}"]`).click();
  // Shown formatted, as the customer's mail client shows it.
  const sent = page.getByTestId('thread').getByTestId('message').last();
  await expect(sent).toContainText(/Ihr Paket ist heute unterwegs\.\s*Viele Grüße\s*Jana vom Kundenservice/);
  await expect(sent.getByTestId('formatted').locator('strong')).toHaveText('heute');
  await page.getByLabel('then next').uncheck();
  // Cleared again: other tests read Jana's replies as typed.
  await page.getByRole('link', { name: 'Macros' }).click();
  await signature.getByLabel('German').fill('');
  await signature.getByRole('button', { name: 'Save signature' }).click();
  await expect(signature.getByRole('status')).toHaveText('Signature saved.');
  await context.close();
});
