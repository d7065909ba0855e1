import { test, expect } from '@playwright/test';
import nodemailer from 'nodemailer';
import { agentPage } from '../support/sign-in';
import { E2E_SMTP_PORT } from '../../playwright.config';

test('an agent checks tickets with a click, shift-click and x, and assigns, prioritises and tags them in one go', async ({ browser }) => {
  const run = `Sammel${Date.now()}`;
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  for (const n of [1, 2, 3, 4]) {
    await smtp.sendMail({ from: `kunde${n}@example.de`, to: 'support@demo.local', subject: `${run} Lieferung ${n}`, text: `Wo bleibt Paket ${n}?` });
  }
  smtp.close();

  const { page, context } = await agentPage(browser, 'jana@demo.local');
  await page.getByRole('button', { name: 'All unsolved' }).click();
  await page.getByLabel('Search').fill(run);
  const rows = page.locator('[data-ticket-id]');
  await expect(rows).toHaveCount(4);

  // A click on the box checks one without opening it; shift-click checks the run down to the third.
  await rows.nth(0).locator('[data-check]').click();
  await expect(page.getByTestId('thread')).toHaveCount(0);
  await rows.nth(2).click({ modifiers: ['Shift'] });
  const bar = page.getByTestId('bulk-bar');
  await expect(bar).toContainText('3 tickets checked');
  // x on a focused row toggles it: the fourth in, the first out.
  await rows.nth(3).focus();
  await page.keyboard.press('x');
  await rows.nth(0).focus();
  await page.keyboard.press('x');
  await expect(bar).toContainText('3 tickets checked');
  await expect(rows.nth(0)).toHaveAttribute('aria-checked', 'false');
  await expect(rows.nth(3)).toHaveAttribute('aria-checked', 'true');

  await bar.getByLabel('Assignee').selectOption({ label: 'Tom Fischer' });
  await bar.getByLabel('Priority').selectOption('urgent');
  await bar.getByLabel('Add tag').fill('sammellieferung');
  await bar.getByRole('button', { name: 'Apply to 3 tickets' }).click();
  await expect(page.getByText('Changing 3 tickets')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '3 tickets changed.' })).toBeVisible();

  // The three carry the change, the one left out does not; each has its own history.
  for (const i of [1, 2, 3]) await expect(rows.nth(i)).toContainText('Urgent');
  await expect(rows.nth(0)).not.toContainText('Urgent');
  await rows.nth(2).click();
  const properties = page.getByTestId('ticket-properties');
  await expect(properties.getByLabel('Assignee')).toHaveValue(/\d+/);
  await expect(properties).toContainText('sammellieferung');
  await expect(page.getByTestId('thread').getByTestId('event').filter({ hasText: 'Jana Berger assigned it to Tom Fischer' })).toBeVisible();
  await context.close();
});
