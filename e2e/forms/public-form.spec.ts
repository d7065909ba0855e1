import { test, expect, type Page } from '@playwright/test';
import { agentPage } from '../support/sign-in';
import { complaintForm } from '../../lib/forms/test-forms';

const slug = `reklamation-${Date.now()}`;
const email = `kundin-${Date.now()}@example.de`;

async function createForm(page: Page) {
  const origin = new URL(page.url()).origin;
  const inboxes = await page.request.get('/api/trpc/inboxes.listEmail');
  const channelId = (await inboxes.json()).result.data.inboxes[0].id as number;
  const res = await page.request.post('/api/trpc/forms.save', {
    data: { id: null, slug, name: 'Reklamation', channelId, definition: complaintForm },
    headers: { origin },
  });
  expect(res.status()).toBe(200);
}

test('a public form shows dependent fields live, refuses what does not fit and routes the ticket', async ({ browser }) => {
  const admin = await agentPage(browser, 'admin@demo.local');
  await createForm(admin.page);
  await admin.context.close();

  const visitorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await visitorContext.newPage();
  await page.goto(`/f/${slug}`);
  await expect(page.getByRole('heading', { name: 'Reklamation' })).toBeVisible();
  await expect(page.getByLabel(/Order value/)).toHaveCount(0);
  await page.getByLabel(/^Topic/).selectOption({ label: 'Complaint' });
  await expect(page.getByLabel(/Order value/)).toBeVisible();
  await page.getByLabel(/Order value/).fill('800');
  const resolution = page.getByLabel(/What would you like/);
  await expect(resolution.locator('option')).toHaveText(['—', 'Refund', 'Replacement']);
  await resolution.selectOption({ label: 'Replacement' });
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Details/).fill('Das Gehäuse ist gebrochen.');
  await page.waitForTimeout(3_200); // the form refuses submissions faster than a person could fill it
  await page.getByRole('button', { name: 'Send' }).click();
  const sent = page.getByTestId('form-sent');
  await expect(sent).toContainText(/ticket #\d+/);
  await visitorContext.close();

  const { page: agent, context } = await agentPage(browser, 'jana@demo.local');
  await agent.getByRole('button', { name: 'All tickets' }).click();
  await agent.getByLabel('Search').fill(email);
  const row = agent.locator('[data-ticket-id]').first();
  await expect(row).toContainText('Reklamation');
  // Filed as a web-form ticket: its icon says so, and the Web form filter finds it.
  await expect(row.getByRole('img', { name: 'Web form' })).toBeVisible();
  await agent.getByRole('button', { name: 'Web form', exact: true }).click();
  await expect(row).toContainText('Reklamation');
  await row.click();
  const props = agent.getByTestId('ticket-properties');
  await expect(props.getByLabel('Team')).toHaveValue('3');
  await expect(props.getByLabel('Priority')).toHaveValue('high');
  await expect(agent.getByTestId('event').filter({ hasText: 'Routed by rule “Large complaints”' })).toBeVisible();
  const answers = agent.getByTestId('form-answers');
  await expect(answers).toContainText('Replacement');

  // The agent corrects an answer in the sidebar, under the same rules, and the change is recorded.
  await answers.getByRole('button', { name: 'Edit' }).click();
  await answers.getByLabel(/What would you like/).selectOption({ label: 'Refund' });
  await answers.getByRole('button', { name: 'Save' }).click();
  await expect(answers).toContainText('Refund');
  await expect(agent.getByTestId('event').filter({ hasText: 'Jana Berger changed form answers: What would you like?' })).toBeVisible();
  await context.close();
});

test('without JavaScript the form still works: the server shows the field that now applies', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/f/${slug}`);
  await expect(page.getByLabel(/Order value/)).toHaveCount(0);
  await page.getByLabel(/^Topic/).selectOption({ label: 'Complaint' });
  await page.getByLabel(/^Email/).fill('ohne-js@example.de');
  await page.waitForTimeout(3_200);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Please check the marked fields.')).toBeVisible();
  await expect(page.getByLabel(/Order value/)).toBeVisible();
  await expect(page.getByText('Please fill this in.')).toBeVisible();
  await page.getByLabel(/Order value/).fill('120');
  await page.waitForTimeout(3_200);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('form-sent')).toBeVisible();
  await context.close();
});
