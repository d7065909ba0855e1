import { test, expect } from '@playwright/test';
import { agentPage } from '../support/sign-in';

const stamp = Date.now();
const name = `Rückgabe ${stamp}`;
const slug = `rueckgabe-${stamp}`;
const email = `builder-${stamp}@example.de`;

test('an admin builds a form with a condition and a routing rule; the public form and the inbox follow it', async ({ browser }) => {
  const { page, context } = await agentPage(browser, 'admin@demo.local');
  await page.goto('/settings/forms');
  await page.getByRole('link', { name: 'New form' }).click();
  await page.getByLabel('Form name').fill(name);
  await expect(page.getByLabel('Address')).toHaveValue(slug);

  const editor = page.getByTestId('field-editor');
  const preview = page.getByTestId('form-preview');
  const fields = page.getByTestId('builder-fields');

  // A choice field "Topic" with two options, German labels included.
  await page.getByLabel('Add field').selectOption('select');
  await editor.getByLabel('Key', { exact: true }).fill('topic');
  await editor.getByLabel('Key', { exact: true }).press('Enter');
  await editor.getByLabel('Label (English)', { exact: true }).fill('Topic');
  await editor.getByLabel('Label (German)', { exact: true }).fill('Thema');
  await editor.getByLabel('Value 1').fill('complaint');
  await editor.getByLabel('Label (English) 1').fill('Complaint');
  await editor.getByLabel('Label (German) 1').fill('Reklamation');
  await editor.getByRole('button', { name: '+ Add option' }).click();
  await editor.getByLabel('Value 2').fill('question');
  await editor.getByLabel('Label (English) 2').fill('Question');

  // A number field shown only when the topic is a complaint; the operators offered fit a choice field.
  await page.getByLabel('Add field').selectOption('number');
  await editor.getByLabel('Label (English)', { exact: true }).fill('Order value');
  await editor.getByRole('button', { name: '+ Add rule' }).click();
  const rule = editor.getByTestId('field-rule');
  await rule.getByLabel('Field', { exact: true }).selectOption({ label: 'Topic' });
  await expect(rule.getByLabel('Comparison').locator('option')).toHaveText(['is', 'is not', 'is one of', 'is empty', 'is not empty']);
  await rule.getByLabel('Value', { exact: true }).selectOption({ label: 'Complaint' });
  await rule.getByLabel('then').selectOption({ label: 'show this field' });
  await expect(editor.getByLabel('Hidden until a rule shows it')).toBeChecked();

  // An optional photo upload.
  await page.getByLabel('Add field').selectOption('file');
  await editor.getByLabel('Label (English)', { exact: true }).fill('Photo');

  // Drag "Topic" to the top; the preview follows the new order.
  await fields.locator('[data-field-key="topic"]').dragTo(fields.locator('[data-field-key="email"]'));
  await expect(fields.locator('li')).toHaveText([/Topic/, /Email/, /Your message/, /Order value/, /Photo/]);
  await expect(preview.locator('label').first()).toHaveText(/Topic/);

  // The preview runs the real engine, in English and German.
  await expect(preview.getByLabel(/Order value/)).toHaveCount(0);
  await preview.getByLabel(/^Topic/).selectOption({ label: 'Complaint' });
  await expect(preview.getByLabel(/Order value/)).toBeVisible();
  await preview.getByRole('button', { name: 'de' }).click();
  await expect(preview.getByLabel(/^Thema/)).toBeVisible();
  await preview.getByRole('button', { name: 'en' }).click();

  // Routing: complaints go to the Reklamationen team with high priority.
  await page.getByRole('button', { name: /Routing rules/ }).click();
  await page.getByRole('button', { name: '+ Add routing rule' }).click();
  const routing = page.getByTestId('routing-rule');
  await routing.getByLabel('Rule name').fill('Complaints first');
  await routing.getByLabel('Field', { exact: true }).selectOption({ label: 'Topic' });
  await routing.getByLabel('Value', { exact: true }).selectOption({ label: 'Complaint' });
  await routing.getByLabel('Team').selectOption({ label: 'Reklamationen' });
  await routing.getByLabel('Priority').selectOption({ label: 'High' });
  await expect(page.getByTestId('preview-routing')).toHaveText('Would route by: Complaints first');

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved as version 1.');
  await page.waitForURL(/\/settings\/forms\/\d+$/);
  await context.close();

  // The customer sees the dependent field only for the matching answer.
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const form = await visitor.newPage();
  await form.goto(`/f/${slug}`);
  await expect(form.getByLabel(/Order value/)).toHaveCount(0);
  await form.getByLabel(/^Topic/).selectOption({ label: 'Question' });
  await expect(form.getByLabel(/Order value/)).toHaveCount(0);
  await form.getByLabel(/^Topic/).selectOption({ label: 'Complaint' });
  await form.getByLabel(/Order value/).fill('250');
  await form.getByLabel(/^Email/).fill(email);
  await form.getByLabel(/^Your message/).fill('Der Mixer ist defekt.');
  await form.getByLabel(/^Photo/).setInputFiles({ name: 'mixer.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
  await form.waitForTimeout(3_200); // the form refuses submissions faster than a person could fill it
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(form.getByTestId('form-sent')).toContainText(/ticket #\d+/);
  await visitor.close();

  // The ticket arrives routed, with the answers in the sidebar.
  const agent = await agentPage(browser, 'jana@demo.local');
  await agent.page.getByRole('button', { name: 'All tickets' }).click();
  await agent.page.getByLabel('Search').fill(email);
  const row = agent.page.locator('[data-ticket-id]').first();
  await expect(row).toContainText(name);
  await row.click();
  const props = agent.page.getByTestId('ticket-properties');
  await expect(props.getByLabel('Team').locator('option:checked')).toHaveText('Reklamationen');
  await expect(props.getByLabel('Priority')).toHaveValue('high');
  await expect(agent.page.getByTestId('event').filter({ hasText: 'Routed by rule “Complaints first”' })).toBeVisible();
  await expect(agent.page.getByTestId('form-answers')).toContainText('250');
  await expect(agent.page.getByRole('link', { name: /mixer\.png/ })).toBeVisible();
  await agent.context.close();
});

test('a form is duplicated from the list and opens as its own copy', async ({ browser }) => {
  const { page, context } = await agentPage(browser, 'admin@demo.local');
  await page.goto('/settings/forms');
  await page.getByRole('button', { name: `Duplicate: ${name}` }).click();
  await page.waitForURL(/\/settings\/forms\/\d+$/);
  await expect(page.getByLabel('Form name')).toHaveValue(`${name} (copy)`);
  await expect(page.getByLabel('Address')).toHaveValue(`${slug}-copy`);
  await expect(page.getByTestId('builder-fields').locator('li')).toHaveCount(5);

  // Unsaved changes are not dropped by a click elsewhere: the builder asks, and staying keeps them.
  await page.getByLabel('Form name').fill(`${name} (copy, renamed)`);
  const asked: string[] = [];
  page.once('dialog', (d) => (asked.push(d.message()), void d.dismiss()));
  await page.getByRole('link', { name: 'Inbox', exact: true }).click();
  await expect.poll(() => asked).toEqual(['This form has changes that are not saved. Leave and lose them?']);
  await expect(page).toHaveURL(/\/settings\/forms\/\d+$/);
  await expect(page.getByLabel('Form name')).toHaveValue(`${name} (copy, renamed)`);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('link', { name: 'Inbox', exact: true }).click();
  await page.waitForURL('**/inbox**');
  await context.close();
});

test('agents cannot open the form builder', async ({ browser }) => {
  const { page, context } = await agentPage(browser, 'jana@demo.local');
  await page.goto('/settings/forms');
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await context.close();
});
