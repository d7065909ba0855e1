import { test, expect } from '@playwright/test';
import { agentPage } from '../support/sign-in';
import { startHostSite } from '../support/host-site';

test('an admin sets business hours; outside them the widget says when the team is back', async ({ browser }) => {
  const { page: admin, context } = await agentPage(browser, 'admin@demo.local');
  await admin.goto('/settings/business-hours');
  await expect(admin.getByTestId('calendar-list')).toContainText('Support Berlin (Mo–Fr 8–18)');

  // A new calendar: the default office week (Mon–Fri 09–17) in UTC, with today a day off.
  await admin.getByRole('button', { name: 'New calendar' }).click();
  await admin.getByLabel('Name').fill('Hotline UTC');
  await admin.getByLabel('Time zone').fill('UTC');
  await expect(admin.getByTestId('weekday-6')).toContainText('Closed');
  await admin.getByRole('button', { name: 'Add opening hours on Saturday' }).click();
  await admin.getByLabel('Saturday, period 1: opens').fill('10:00');
  await admin.getByLabel('Saturday, period 1: closes').fill('14:00');
  await admin.getByRole('button', { name: 'Add a holiday' }).click();
  const today = new Date().toISOString().slice(0, 10);
  await admin.getByLabel('Holiday 1: date').fill(today);
  await admin.getByLabel('Holiday 1: name').fill('Betriebsausflug');
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByRole('status')).toHaveText('Saved');
  const entry = admin.getByTestId('calendar-list').getByRole('button', { name: /Hotline UTC/ });
  await expect(entry).toContainText('Closed · opens');

  // A bad period is refused with a message, and nothing is lost from the form.
  await admin.getByLabel('Saturday, period 1: closes').fill('09:00');
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByRole('form', { name: 'Hotline UTC' }).getByRole('alert')).toContainText('A period must end after it starts');
  await expect(admin.getByLabel('Holiday 1: name')).toHaveValue('Betriebsausflug');
  await admin.getByLabel('Saturday, period 1: closes').fill('14:00');
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByRole('status')).toHaveText('Saved');

  // A widget that follows the calendar.
  await admin.goto('/settings/chat');
  await admin.getByRole('button', { name: 'New chat widget' }).click();
  await admin.getByLabel('Name', { exact: true }).fill('Hotline-Chat');
  await admin.getByLabel('Business hours').selectOption({ label: 'Hotline UTC' });
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByRole('tab', { name: 'Hotline-Chat' })).toHaveAttribute('aria-selected', 'true');
  const snippet = admin.getByTestId('widget-snippet');
  await expect(snippet).toBeVisible();
  const token = /data-channel="([^"]+)"/.exec((await snippet.textContent()) ?? '')![1]!;
  await context.close();

  const site = await startHostSite(new URL(admin.url()).origin, token);
  try {
    const visitor = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await visitor.goto(site.origin);
    await visitor.getByRole('button', { name: 'Chat with us' }).click();
    const chat = visitor.frameLocator('iframe[title="Chat with us"]');
    const status = chat.getByTestId('widget-availability');
    await expect(status).toHaveAttribute('data-state', 'closed');
    await expect(status).toContainText(/We are closed until \w{3}.* \d{1,2}:\d{2}( [AP]M)?\. Leave a message and your email/);
    // They can still write; without an address in the pre-chat form, the widget asks where the answer may go.
    await expect(chat.getByLabel(/^Email/)).toBeVisible();
    await chat.getByLabel('Your name').fill('Nachteule');
    await chat.getByRole('textbox', { name: 'Write a message…' }).fill('Meine Bestellung ist nicht angekommen.');
    await chat.getByRole('button', { name: 'Send' }).click();
    const contact = chat.getByTestId('widget-contact');
    await contact.getByLabel('Nobody can answer right now. Where may we send our reply?').fill('nachteule@example.de');
    await contact.getByRole('button', { name: 'Save' }).click();
    await expect(contact).toHaveText('If you have left by then, our reply goes to nachteule@example.de.');
    await visitor.close();
  } finally {
    await site.close();
  }
});
