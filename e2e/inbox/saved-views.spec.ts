import { test, expect, type Page } from '@playwright/test';
import nodemailer from 'nodemailer';
import { agentPage } from '../support/sign-in';
import { E2E_SMTP_PORT } from '../../playwright.config';

const countOf = async (page: Page, name: string) => {
  const text = await page.getByRole('complementary', { name: 'Views' }).getByRole('button', { name }).locator('[data-count]').textContent();
  return Number(text);
};

test('a lead saves filters as a view for their team; its count matches the list and follows a colleague’s change live', async ({ browser }) => {
  const subject = `Ansicht R${Date.now()}`;
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  await smtp.sendMail({ from: 'kundin.ansicht@example.de', to: 'support@demo.local', subject, text: 'Bitte dringend prüfen.' });
  smtp.close();

  const lena = await agentPage(browser, 'lena@demo.local');
  const sidebar = lena.page.getByRole('complementary', { name: 'Views' });
  await sidebar.getByRole('button', { name: 'All unsolved' }).click();
  await sidebar.getByRole('button', { name: 'Urgent', exact: true }).click();
  await sidebar.getByLabel('Team').selectOption({ label: 'Kundenservice' });
  await sidebar.getByRole('button', { name: 'Save as view…' }).click();
  await sidebar.getByLabel('Name').fill('KS dringend');
  await sidebar.getByLabel('Who sees it').selectOption({ label: 'Team Kundenservice' });
  await sidebar.getByRole('button', { name: 'Save view' }).click();

  const saved = sidebar.getByRole('button', { name: /^KS dringend/ });
  await expect(saved).toHaveAttribute('aria-current', 'true');
  await expect(lena.page).toHaveURL(/[?&]saved=\d+/);
  // The count is the list's length.
  const rows = lena.page.locator('[data-ticket-id]');
  await expect(saved.locator('[data-count]')).toHaveText(/^\d+$/);
  const before = await countOf(lena.page, 'KS dringend');
  await expect(rows).toHaveCount(before);

  // A colleague in the team sees it with the same count, and may use but not delete it.
  const jana = await agentPage(browser, 'jana@demo.local');
  const janaSidebar = jana.page.getByRole('complementary', { name: 'Views' });
  await janaSidebar.getByRole('button', { name: /^KS dringend/ }).click();
  await expect(janaSidebar.getByRole('button', { name: /^KS dringend/ })).toHaveAttribute('aria-current', 'true');
  await expect(janaSidebar.getByRole('button', { name: /Delete view/ })).toHaveCount(0);
  await expect(jana.page.locator('[data-ticket-id]')).toHaveCount(before);

  // Jana makes the new ticket urgent: Lena's count and list grow without a reload.
  await janaSidebar.getByRole('button', { name: 'All unsolved' }).click();
  await jana.page.getByLabel('Search').fill(subject);
  await jana.page.locator('[data-ticket-id]').first().click();
  await jana.page.getByTestId('ticket-properties').getByLabel('Priority').selectOption('urgent');
  await expect(saved.locator('[data-count]')).toHaveText(String(before + 1));
  await expect(rows.filter({ hasText: subject })).toHaveCount(1);

  // A reload keeps the view marked; changed filters can be saved into it by the lead.
  await lena.page.reload();
  await expect(saved).toHaveAttribute('aria-current', 'true');
  await sidebar.getByRole('button', { name: 'Email', exact: true }).click();
  await expect(saved).not.toHaveAttribute('aria-current', 'true');
  await sidebar.getByRole('button', { name: 'Save into “KS dringend”' }).click();
  await expect(saved).toHaveAttribute('aria-current', 'true');
  await expect(lena.page).toHaveURL(/[?&]channel=email(&|$)/);

  lena.page.once('dialog', (d) => void d.accept());
  await sidebar.getByRole('button', { name: 'Delete view “KS dringend”' }).click();
  await expect(saved).toHaveCount(0);
  await lena.context.close();
  await jana.context.close();
});
