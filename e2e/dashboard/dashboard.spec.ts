import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { agentPage } from '../support/sign-in';

// A team lead's day with the dashboard: choose the range and team, read the staffing view, open what a
// figure counted, export it, and read it all in German.
test('a lead narrows the dashboard, opens exactly the tickets a figure counted and exports them', async ({ browser }) => {
  const { page, context } = await agentPage(browser, 'lena@demo.local');
  await page.goto('/dashboard');
  await expect(page.getByTestId('figure-fcr')).toBeVisible();
  await expect(page.getByTestId('window')).toContainText('Europe/Berlin');

  // Filters go into the address.
  await page.getByTestId('filter-range').selectOption('90d');
  await expect(page).toHaveURL(/range=90d/);
  await page.getByTestId('filter-teamId').selectOption({ label: 'Billing' });
  await expect(page).toHaveURL(/teamId=\d+/);
  await page.getByTestId('filter-cohort').selectOption('solved');
  await expect(page).toHaveURL(/cohort=solved/);
  await expect(page.getByTestId('window')).toContainText('solved in the range');

  // The staffing heatmap draws a cell per weekday and hour; its table says the same in numbers.
  await expect(page.getByTestId('staffing-heatmap').locator('svg rect').first()).toBeVisible();
  expect(await page.getByTestId('staffing-heatmap').locator('svg rect').count()).toBeGreaterThanOrEqual(7 * 24);
  await page.getByTestId('staffing-panel').getByText('Show as table').click();
  await expect(page.getByTestId('staffing-panel').locator('tbody tr')).toHaveCount(7 * 24);
  await page.getByTestId('staffing-metric').selectOption('online');

  // The definition shows on focus.
  await page.getByTestId('figure-fcr').getByRole('button', { name: 'First-contact resolution' }).focus();
  await expect(page.getByRole('tooltip', { name: /exactly one/ })).toBeVisible();

  // FCR's n opens exactly that many tickets.
  const n = Number((await page.getByTestId('figure-fcr').getByTestId('figure-n').innerText()).split('–')[0]!.replace(/\D/g, ''));
  expect(n).toBeGreaterThan(100);
  await page.getByTestId('figure-fcr').getByTestId('figure-n').click();
  await expect(page).toHaveURL(/\/dashboard\/tickets\?.*teamId=\d+.*d=tickets\.contacted/);
  await expect(page.getByTestId('drill-title')).toHaveText(`First-contact resolution: ${n} counted`);
  const rows = page.getByTestId('drill-row');
  await expect(rows.first()).toBeVisible();
  // Page after page: wait for each page to arrive before asking for the next.
  for (let shown = await rows.count(); shown < n;) {
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect(rows).not.toHaveCount(shown);
    shown = await rows.count();
  }
  await expect(rows).toHaveCount(n);
  await expect(page.getByRole('button', { name: 'Show more' })).toHaveCount(0);
  await expect(page.getByTestId('drill-shown')).toHaveText(`${n} of ${n} shown`);

  // Its CSV has a byte-order mark, a header and one row per ticket, in the order listed.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drill-csv').click()]);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\n');
  expect(lines).toHaveLength(n + 1);
  expect(lines[0]).toMatch(/^ticket_number,subject,channel,priority,team,/);
  const firstNumber = (await page.getByTestId('drill-row').first().locator('td').first().innerText()).replace('#', '');
  expect(lines[1]!.split(',')[0]).toBe(firstNumber);

  // A panel's CSV too.
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await expect(page).toHaveURL(/\/dashboard\?.*teamId=/);
  const [panelCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('breakdown').getByTestId('panel-csv').click()]);
  expect(fs.readFileSync((await panelCsv.path())!, 'utf8')).toMatch(/^\uFEFFTeam,Tickets,FCR,/);

  // The weekly summary email is turned on here and stays on.
  const digest = page.getByTestId('digest-toggle');
  const saved = () => page.waitForResponse((r) => r.url().includes('dashboard.setDigest') && r.ok());
  await Promise.all([saved(), digest.check()]);
  await page.reload();
  await expect(digest).toBeChecked();
  await Promise.all([saved(), digest.uncheck()]);

  // In German, the same view.
  await page.getByLabel('Language').selectOption('de');
  await expect(page.getByTestId('figure-fcr')).toContainText('Erstkontaktlösung');
  await expect(page.getByTestId('window')).toContainText('im Zeitraum gelöst');
  await expect(page.getByTestId('staffing-panel')).toContainText('Personalplanung');
  await page.getByLabel('Sprache').selectOption('en');
  await context.close();
});

test('an agent sees their own work and a reversed range is explained, not a blank page', async ({ browser }) => {
  const { page, context } = await agentPage(browser, 'jana@demo.local');
  await page.goto('/dashboard?range=custom&from=2026-05-02&to=2026-05-01');
  await expect(page.getByText('Your own work: the figures of the tickets you had.')).toBeVisible();
  await expect(page.getByTestId('dashboard-error')).toHaveText('The range ends before it starts; swap the first and the last day.');
  await expect(page.getByTestId('filter-agentId')).toHaveCount(0);
  await page.goto('/dashboard?channel=fax');
  await expect(page.getByRole('alert').filter({ hasText: 'the defaults are shown instead' })).toBeVisible();
  await expect(page.getByTestId('figure-fcr')).toBeVisible();
  await context.close();
});
