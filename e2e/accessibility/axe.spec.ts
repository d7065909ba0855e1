import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { agentPage } from '../support/sign-in';

/** Serious and critical axe-core findings on the page as it is now. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [locale, width] of [
  ['en-US', 1366],
  ['de-DE', 390],
] as const) {
  test(`no serious accessibility violations in the inbox, a ticket, a WhatsApp ticket, the dashboard and the SLA, survey and messenger settings (${locale}, ${width} px)`, async ({
    browser,
  }) => {
    const { page } = await agentPage(browser, 'admin@demo.local', locale);
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/inbox?view=all_unsolved');
    await expect(page.locator('[data-ticket-id]').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-ticket-id]').first().click();
    await expect(page.getByTestId('thread')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // The Snoozed view (the demo snoozes some pending tickets) and a snoozed ticket with its snooze dialog open.
    await page.goto('/inbox?view=snoozed');
    await page.locator('[data-ticket-id]').first().click();
    await expect(page.getByTestId('snoozed')).toBeVisible();
    await page.locator('h1').click();
    await page.keyboard.press('z');
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // A WhatsApp ticket: the reply window (closed for the demo's old messages) and the template picker.
    const input = encodeURIComponent(JSON.stringify({ filter: { status: ['new', 'open', 'pending'], channel: ['whatsapp'] }, limit: 1 }));
    const list = (await (await page.request.get(`/api/trpc/tickets.list?input=${input}`)).json()) as { result: { data: { items: { id: number }[] } } };
    await page.goto(`/inbox?view=all&t=${list.result.data.items[0]!.id}`);
    await expect(page.getByTestId('thread')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/settings/sla');
    await expect(page.getByTestId('sla-policy-list')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/settings/surveys');
    await expect(page.getByTestId('survey-policy-list')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/dashboard?range=90d');
    await expect(page.getByTestId('staffing-heatmap').locator('svg rect').first()).toBeVisible();
    await expect(page.getByTestId('breakdown').locator('tbody tr').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('figure-fcr').getByTestId('figure-n').click();
    await expect(page.getByTestId('drill-row').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    for (const section of ['whatsapp', 'messenger', 'telegram']) {
      await page.goto(`/settings/${section}`);
      await expect(page.locator('form')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    }
    // The other settings pages, once their data has loaded.
    for (const path of [
      '/settings/agents',
      '/settings/teams',
      '/settings/business-hours',
      '/settings/inboxes',
      '/settings/chat',
      '/settings/forms',
      '/settings/forms/new',
    ]) {
      await page.goto(path);
      await expect(page.locator('main h1, main h2').first()).toBeVisible();
      await expect(page.getByText(/^(Loading…|Lädt…|Wird geladen…)$/)).toHaveCount(0);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
}

test('no serious accessibility violations on the sign-in page and with its error shown', async ({ browser }) => {
  for (const locale of ['en-US', 'de-DE']) {
    const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.locator('form')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(/^(Email|E-Mail)$/).fill('nobody@demo.local');
    await page.getByLabel(/^(Password|Passwort)$/).fill('wrong-password');
    await page.getByRole('button', { name: /^(Sign in|Anmelden)$/ }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }
});
