import { test, expect } from '@playwright/test';
import nodemailer from 'nodemailer';
import { agentPage } from '../support/sign-in';
import { E2E_SMTP_PORT } from '../../playwright.config';

test('a mention in a note notifies the colleague live: the bell, its list and the tab title; the kind can be muted', async ({ browser }) => {
  const subject = `Erwähnung ${Date.now()}`;
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  await smtp.sendMail({ from: 'kunde@example.de', to: 'support@demo.local', subject, text: 'Bitte um Rückruf.' });
  smtp.close();

  const nils = await agentPage(browser, 'nils@demo.local');
  const bell = nils.page.getByTestId('notification-bell');
  await bell.click();
  const unreadBefore = await nils.page.getByTestId('notification-list').getByRole('button').count();
  await bell.click();

  const jana = await agentPage(browser, 'jana@demo.local');
  const page = jana.page;
  await page.getByRole('button', { name: 'All unsolved' }).click();
  await page.locator('[data-ticket-id]').filter({ hasText: subject }).click();
  await page.locator('h1').click();
  await page.keyboard.press('n');
  await page.keyboard.type('Bitte übernehmen: @Ni');
  const suggestions = page.getByTestId('mention-suggestions');
  await expect(suggestions.getByRole('option', { name: 'Nils Hansen' })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('danke!');
  await expect(page.getByLabel('Internal note', { exact: true })).toHaveValue('Bitte übernehmen: @Nils Hansen danke!');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('internal-note').last()).toContainText('@Nils Hansen');

  // Nils, without reloading: the bell counts it, the tab title too, and the list names Jana and the ticket.
  await expect(bell).toHaveAccessibleName(/unread notification/);
  await expect(nils.page).toHaveTitle(/^\(\d+\) /);
  await bell.click();
  const list = nils.page.getByTestId('notification-list');
  await expect(list.getByRole('button')).toHaveCount(unreadBefore + 1);
  await expect(list.getByRole('button').first()).toContainText('Jana Berger mentioned you in a note');
  await expect(list.getByRole('button').first()).toContainText(subject);
  await list.getByRole('button').first().click();
  await expect(nils.page.locator('h1')).toContainText(subject);

  // Muted, the next mention is not recorded for Nils.
  await bell.click();
  await nils.page.getByRole('button', { name: 'Which notifications' }).click();
  await nils.page.getByTestId('notification-settings').getByLabel('Mentioned in a note').uncheck();
  await expect(nils.page.getByTestId('notification-settings').getByLabel('Mentioned in a note')).not.toBeChecked();
  const count = await list.getByRole('button').count();
  await page.keyboard.press('Escape');
  await page.getByLabel('Internal note', { exact: true }).fill('Noch einmal @Nils Hansen');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('internal-note').last()).toContainText('Noch einmal');
  await nils.page.reload();
  await nils.page.getByTestId('notification-bell').click();
  await expect(nils.page.getByTestId('notification-list').getByRole('button')).toHaveCount(count);

  await jana.context.close();
  await nils.context.close();
});
