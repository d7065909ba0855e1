import { expect, type Browser } from '@playwright/test';
import { agentPage } from './sign-in';

/** The admin points the demo inbox's outgoing mail at a local SMTP sink, and checks it with "send test". */
export async function pointInboxAt(browser: Browser, port: number) {
  const admin = await agentPage(browser, 'admin@demo.local');
  await admin.page.goto('/settings/inboxes');
  await expect(admin.page.getByLabel('Inbox name')).toHaveValue('support@demo.local');
  await admin.page.getByLabel('Send replies through an SMTP server').check();
  await admin.page.getByLabel('Host', { exact: true }).fill('127.0.0.1');
  await admin.page.getByLabel('Port', { exact: true }).fill(String(port));
  await admin.page.getByRole('button', { name: 'Save' }).click();
  await expect(admin.page.getByText('Saved')).toBeVisible();
  await admin.page.getByLabel('Send a test message to').fill('admin@example.com');
  await admin.page.getByRole('button', { name: 'Send test' }).click();
  await expect(admin.page.getByTestId('smtp-test-result')).toContainText('The server accepted the message: 250');
  await admin.context.close();
}
