import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

/** Signs in through the real form, as an agent would. */
export async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel(/^(Email|E-Mail)$/).fill(email);
  await page.getByLabel(/^(Password|Passwort)$/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(Sign in|Anmelden)$/ }).click();
  await page.waitForURL('**/inbox**');
  await expect(page.getByTestId('ticket-list')).toBeVisible();
}

export async function agentPage(browser: Browser, email: string, locale = 'en-US') {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}
