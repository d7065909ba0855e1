import { test, expect } from '@playwright/test';
import nodemailer from 'nodemailer';
import { agentPage } from '../support/sign-in';
import { E2E_SMTP_PORT } from '../../playwright.config';

// The coming back at its time runs on the worker's clock and is tested with an injected one
// (server/tickets/snooze-ticket.test.ts); here, what the agent does and sees.
test('an agent snoozes a ticket by keyboard with a reason, finds it in Snoozed, and wakes it; a colleague sees it live', async ({ browser }) => {
  const subject = `Rückruf vereinbart ${Date.now()}`;
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  await smtp.sendMail({ from: 'Greta Möller <greta.moeller@example.de>', to: 'support@demo.local', subject, text: 'Bitte rufen Sie mich Montag an.' });
  smtp.close();

  const jana = await agentPage(browser, 'jana@demo.local');
  const tom = await agentPage(browser, 'tom@demo.local', 'de-DE');
  const page = jana.page;
  await page.getByRole('button', { name: 'All unsolved' }).click();
  await page.locator('[data-ticket-id]').filter({ hasText: subject }).click();
  await expect(page.locator('h1')).toContainText(subject);
  const number = new URL(page.url()).searchParams.get('ticket')!;
  await tom.page.goto(`/inbox?view=all&ticket=${number}`);
  await expect(tom.page.locator('h1')).toContainText(subject);

  // z opens the choices; the reason is typed first, then a choice is made with the keyboard.
  await page.locator('h1').click();
  await page.keyboard.press('z');
  const dialog = page.getByRole('dialog', { name: 'Snooze until' });
  await expect(dialog.getByLabel('Reason (optional)')).toBeFocused();
  // Shortcuts rest while it is open: this "s" is part of the reason, not "solve".
  await page.keyboard.type('Kundin ruft zurück');
  await dialog.getByRole('button', { name: /^Tomorrow morning/ }).click();
  await expect(dialog).toHaveCount(0);

  const snoozed = page.getByTestId('snoozed');
  await expect(snoozed).toContainText(/Snoozed until .*09:00/);
  await expect(snoozed).toContainText('Kundin ruft zurück');
  await expect(
    page
      .getByTestId('thread')
      .getByTestId('event')
      .filter({ hasText: /Jana Berger snoozed it until .*: Kundin ruft zurück/ }),
  ).toBeVisible();
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('pending');
  // Tom, in German, sees it change without reloading.
  await expect(tom.page.getByTestId('snoozed')).toContainText(/Wiedervorlage am .*09:00/);

  // The Snoozed view lists it with its time.
  await page
    .getByRole('complementary', { name: 'Views' })
    .getByRole('button', { name: /^Snoozed( \d|$)/ })
    .click();
  const row = page.locator('[data-ticket-id]').filter({ hasText: subject });
  await expect(row.getByTestId('snoozed-until')).toContainText('09:00');

  // Changing it: a time in the past is refused, and Escape leaves it as it was.
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(dialog.getByLabel('Reason (optional)')).toHaveValue('Kundin ruft zurück');
  await dialog.getByLabel('Date and time').fill('2020-01-01T09:00');
  await dialog.getByRole('button', { name: 'Snooze', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Pick a time in the future.');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Change' })).toBeFocused();
  await expect(snoozed).toContainText(/Snoozed until .*09:00/);

  await page.getByRole('button', { name: 'Wake now' }).click();
  await expect(snoozed).toHaveCount(0);
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('open');
  await expect(page.getByTestId('thread').getByTestId('event').filter({ hasText: 'Jana Berger ended the snooze' })).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(tom.page.getByTestId('snoozed')).toHaveCount(0);

  await jana.context.close();
  await tom.context.close();
});
