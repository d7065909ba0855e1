import { test, expect } from '@playwright/test';
import nodemailer from 'nodemailer';
import { agentPage } from '../support/sign-in';
import { E2E_SMTP_PORT } from '../../playwright.config';

test('an agent merges a duplicate into the first ticket, links a related one, and merges two more from the list', async ({ browser }) => {
  const run = `Dublette${Date.now()}`;
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  const mail = (subject: string, text: string, from = 'Erika Mustermann <erika.mustermann@example.de>') =>
    smtp.sendMail({ from, to: 'support@demo.local', subject: `${run} ${subject}`, text });
  await mail('Paket fehlt', 'Mein Paket ist nicht angekommen.');
  await mail('Nachfrage Lieferung', 'Ich schreibe nochmal wegen meines Pakets.');
  await mail('Rücksendung', 'Wie schicke ich etwas zurück?', 'Max Muster <max.muster@example.de>');

  const { page, context } = await agentPage(browser, 'jana@demo.local');
  await page.getByRole('button', { name: 'All unsolved' }).click();
  await page.getByLabel('Search').fill(run);
  const rows = page.locator('[data-ticket-id]');
  await expect(rows).toHaveCount(3);
  const numberOf = async (subject: string) => (await rows.filter({ hasText: subject }).locator('.font-normal').first().innerText()).replace('#', '');
  const first = await numberOf('Paket fehlt');
  const duplicate = await numberOf('Nachfrage Lieferung');
  const returns = await numberOf('Rücksendung');

  // The duplicate, merged into the first: after the confirmation the first opens with both messages (and both acknowledgements).
  await rows.filter({ hasText: 'Nachfrage Lieferung' }).click();
  await page.getByRole('button', { name: 'Link or merge' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link or merge this ticket' });
  await expect(dialog.getByLabel('Other ticket’s number')).toBeFocused();
  await page.keyboard.type(`#${first}`);
  page.once('dialog', (d) => {
    expect(d.message()).toContain(`Merge #${duplicate} into #${first}?`);
    void d.accept();
  });
  await dialog.getByRole('button', { name: 'Merge into it' }).click();
  await expect(page.locator('h1')).toContainText(`#${first}`);
  const thread = page.getByTestId('thread');
  await expect(thread).toContainText('Mein Paket ist nicht angekommen.');
  await expect(thread).toContainText('Ich schreibe nochmal wegen meines Pakets.');
  await expect(thread.getByTestId('event').filter({ hasText: `Jana Berger merged #${duplicate} into this ticket (2 messages)` })).toBeVisible();
  await expect(rows).toHaveCount(2);

  // Related, not the same: linked, shown on both, each opens the other.
  await page.getByRole('button', { name: 'Link or merge' }).click();
  await page.keyboard.type(returns);
  await page.keyboard.press('Enter');
  const links = page.getByTestId('ticket-links');
  await expect(links).toContainText(`#${returns}`);
  await links.getByRole('button', { name: new RegExp(`^#${returns}`) }).click();
  await expect(page.locator('h1')).toContainText(`#${returns}`);
  await expect(page.getByTestId('ticket-links')).toContainText(`#${first}`);

  // A link to the merged ticket leads on to the one that stayed, and says so.
  await page.goto(`/inbox?view=all&ticket=${duplicate}`);
  await expect(page.locator('h1')).toContainText(`#${first}`);
  await expect(page.getByRole('status').filter({ hasText: `#${duplicate} was merged into #${first}; showing #${first}.` })).toBeVisible();

  // From the list: check both remaining and merge them into the oldest.
  await page.getByRole('button', { name: 'All unsolved' }).click();
  await page.getByLabel('Search').fill(run);
  await expect(rows).toHaveCount(2);
  await rows.nth(0).locator('[data-check]').click();
  await rows.nth(1).locator('[data-check]').click();
  page.once('dialog', (d) => void d.accept());
  await page
    .getByTestId('bulk-bar')
    .getByRole('button', { name: `Merge into #${first}` })
    .click();
  await expect(page.getByRole('status').filter({ hasText: `1 ticket merged into #${first}.` })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await context.close();
});
