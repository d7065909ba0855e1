import { test, expect } from '@playwright/test';
import nodemailer from 'nodemailer';
import { agentPage } from '../support/sign-in';
import { E2E_SMTP_PORT } from '../../playwright.config';

test('a lead writes a shared macro; an agent applies it with / in one step and the reply sends with its status', async ({ browser }) => {
  const run = Date.now();
  const name = `Doppelte Abbuchung ${run}`;
  const subject = `Doppelt abgebucht ${run}`;
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  await smtp.sendMail({
    from: 'Jürgen Weiß <juergen.weiss@example.de>',
    to: 'support@demo.local',
    subject,
    text: 'Guten Tag, mir wurde die Rechnung zweimal abgebucht. Bitte prüfen Sie das und erstatten Sie den Betrag.',
  });
  smtp.close();

  // The lead keeps the macro: German and English text with placeholders, and what it sets.
  const lena = await agentPage(browser, 'lena@demo.local');
  await lena.page.getByRole('link', { name: 'Macros' }).click();
  await lena.page.getByRole('button', { name: 'New macro' }).click();
  const form = lena.page.getByRole('form', { name: 'New macro' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Shared with all agents').check();
  await form.getByLabel('German text').fill('Hallo ');
  await form.getByRole('button', { name: '{{customer.first_name}}' }).click();
  await form.getByLabel('German text').press('End');
  await form.getByLabel('German text').pressSequentially(', die doppelte Abbuchung zu #');
  await form.getByRole('button', { name: '{{ticket.number}}' }).click();
  await form.getByLabel('German text').press('End');
  await form.getByLabel('German text').pressSequentially(' ist erstattet.');
  await expect(form.getByLabel('German text')).toHaveValue('Hallo {{customer.first_name}}, die doppelte Abbuchung zu #{{ticket.number}} ist erstattet.');
  await form.getByLabel('English text').fill('Hello {{customer.first_name}}, the double charge is refunded.');
  await form.getByLabel('Status').selectOption('solved');
  await form.getByLabel('Priority').selectOption('high');
  await form.getByLabel('Add tags').fill('erstattung, Rechnung');

  // Leaving with the changes unsaved asks first; staying keeps them.
  lena.page.once('dialog', (d) => void d.dismiss());
  await lena.page.getByRole('link', { name: 'Inbox' }).click();
  await expect(lena.page).toHaveURL(/\/macros/);
  await form.getByRole('button', { name: 'Save macro' }).click();
  await expect(lena.page.getByTestId('macro-list')).toContainText(name);
  await expect(lena.page.getByRole('status')).toHaveText('Saved');

  // The agent: r, then / in the empty reply; typing narrows, Enter applies.
  const jana = await agentPage(browser, 'jana@demo.local');
  const page = jana.page;
  await page.getByRole('button', { name: 'All unsolved' }).click();
  await page.locator('[data-ticket-id]').filter({ hasText: subject }).click();
  await expect(page.locator('h1')).toContainText(subject);
  const number = new URL(page.url()).searchParams.get('ticket')!;
  await page.locator('h1').click();
  await page.keyboard.press('r');
  await page.keyboard.press('/');
  const picker = page.getByRole('dialog', { name: 'Insert a macro' });
  await expect(picker.getByRole('combobox')).toBeFocused();
  await page.keyboard.type(`Abbuchung ${run}`);
  await expect(picker.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);

  // In German (the customer wrote German), placeholders filled; focus is back in the text.
  const box = page.getByLabel('Public reply', { exact: true });
  await expect(box).toHaveValue(`Hallo Jürgen, die doppelte Abbuchung zu #${number} ist erstattet.`);
  await expect(box).toBeFocused();
  // Its actions are set at once and recorded; the status waits for the reply.
  const properties = page.getByTestId('ticket-properties');
  await expect(properties.getByLabel('Priority')).toHaveValue('high');
  await expect(properties).toContainText('erstattung');
  await expect(properties).toContainText('rechnung');
  await expect(
    page
      .getByTestId('thread')
      .getByTestId('event')
      .filter({ hasText: `Jana Berger applied the macro “${name}”` }),
  ).toBeVisible();
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('new');
  await expect(page.getByTestId('macro-status')).toContainText('Sending sets Solved');
  await expect(page.getByRole('button', { name: 'Send and set Solved' })).toBeVisible();

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('thread').getByTestId('message').last()).toContainText('die doppelte Abbuchung');
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('solved');

  // On another ticket the macro's changes are taken back from the undo toast; its text stays to be deleted.
  const second = `Noch einmal abgebucht ${run}`;
  const again = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  await again.sendMail({ from: 'juergen.weiss@example.de', to: 'support@demo.local', subject: second, text: 'Schon wieder doppelt abgebucht.' });
  again.close();
  await page.locator('[data-ticket-id]').filter({ hasText: second }).click();
  await expect(page.locator('h1')).toContainText(second);
  await page.getByRole('button', { name: 'Macros' }).click();
  await page.keyboard.type(`Abbuchung ${run}`);
  await page.keyboard.press('Enter');
  await expect(properties.getByLabel('Priority')).toHaveValue('high');
  const toast = page.getByTestId('undo-toast').filter({ hasText: `Macro “${name}” applied` });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(properties.getByLabel('Priority')).toHaveValue('normal');
  await expect(properties).not.toContainText('erstattung');
  await expect(page.getByTestId('macro-status')).toHaveCount(0);

  // An agent sees the shared macro on the Macros page but cannot change it.
  await page.getByRole('link', { name: 'Macros' }).click();
  await page.getByTestId('macro-list').getByText(name).click();
  await expect(page.getByText('A shared macro: leads and admins change it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save macro' })).toHaveCount(0);

  await lena.context.close();
  await jana.context.close();
});
