import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import nodemailer from 'nodemailer';
import { agentPage } from '../support/sign-in';
import { E2E_SMTP_PORT } from '../../playwright.config';

test('mail an upstream filter marked as spam waits in the Spam view, and an agent releases it into the inbox', async ({ browser }) => {
  const run = Date.now();
  // The SpamAssassin-marked fixture, under a subject of this run.
  const raw = fs
    .readFileSync('server/channels/email/fixtures/spam/upstream-spamassassin.eml', 'latin1')
    .replace('URGENT BUSINESS PROPOSAL', `URGENT BUSINESS PROPOSAL ${run}`)
    .replace('<proposal-4711@mail.example>', `<proposal-${run}@mail.example>`);
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  await smtp.sendMail({ envelope: { from: 'bounce@mail.example', to: ['support@demo.local'] }, raw });
  smtp.close();

  const { page, context } = await agentPage(browser, 'jana@demo.local');
  const subject = `URGENT BUSINESS PROPOSAL ${run}`;
  await page.getByRole('button', { name: 'All tickets' }).click();
  await expect(page.locator('[data-ticket-id]').first()).toBeVisible();
  await expect(page.getByText(subject)).toHaveCount(0);

  await page
    .getByRole('complementary', { name: 'Views' })
    .getByRole('button', { name: /^Spam( \d|$)/ })
    .click();
  await page.getByText(subject).click();
  await expect(page.getByRole('status').filter({ hasText: 'Held back as spam' })).toBeVisible();
  await expect(page.getByTestId('mail-checks')).toContainText('Marked as spam upstream (X-Spam-Flag)');
  await page.getByRole('button', { name: 'Not spam' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Held back as spam' })).toHaveCount(0);
  await expect(page.getByTestId('thread')).toContainText('released it from spam');

  await page.getByRole('button', { name: 'All tickets' }).click();
  await expect(page.locator('[data-ticket-id]').filter({ hasText: subject })).toBeVisible();
  await context.close();
});
