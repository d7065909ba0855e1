import { test, expect } from '@playwright/test';
import { agentPage, signIn } from '../support/sign-in';
import { startHostSite } from '../support/host-site';
import { DEMO_CHAT_TOKEN } from '../../db/seed/generate';

let site: Awaited<ReturnType<typeof startHostSite>>;
test.beforeAll(async ({ baseURL }) => {
  site = await startHostSite(baseURL!, DEMO_CHAT_TOKEN);
});
test.afterAll(async () => site?.close());

test('an admin puts a one-minute chat policy first; a new chat counts down, turns amber, then red, and its breach shows in the history', async ({
  browser,
}) => {
  // The server's breach job runs on the real clock: one minute of calendar time has to pass.
  test.setTimeout(180_000);
  const { page: admin } = await agentPage(browser, 'admin@demo.local');
  admin.on('dialog', (d) => void d.accept());
  await admin.goto('/settings/sla');
  await expect(admin.getByTestId('sla-policy-list')).toContainText('1. Standard');

  await admin.getByRole('button', { name: 'New policy' }).click();
  const form = admin.getByRole('form', { name: 'New policy' });
  await form.getByLabel('Name').fill('Schnellchat');
  await form.getByRole('group', { name: 'Channel' }).getByLabel('Chat').check();
  await form.getByTestId('clock-normal-first_response').selectOption('calendar');
  // A zero target is refused at its cell, in words, before anything is sent.
  await form.getByTestId('target-normal-first_response').fill('0');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByTestId('sla-problems')).toContainText('A target must be longer than zero minutes (it is 0)');
  await expect(form.getByTestId('target-normal-first_response')).toHaveAttribute('aria-invalid', 'true');
  await form.getByTestId('target-normal-first_response').fill('1m');
  await form.getByTestId('warning-normal-first_response').fill('50%');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByRole('status')).toHaveText('Saved. Open tickets are planned again.');
  await admin.getByRole('button', { name: 'Move “Schnellchat” up' }).click();
  await expect(admin.getByTestId('sla-policy-list').getByRole('listitem').first()).toContainText('1. Schnellchat');

  // A visitor starts a chat: the policy now applies to it.
  const email = `sla-${Date.now()}@example.de`;
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(site.origin);
  await visitor.getByRole('button', { name: 'Chat with us' }).click();
  const chat = visitor.frameLocator('iframe[title="Chat with us"]');
  await chat.getByLabel('Your name').fill('Sina Eilig');
  await chat.getByLabel(/^Email/).fill(email);
  await chat.getByRole('textbox', { name: 'Write a message…' }).fill('Ich brauche schnell Hilfe');
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByTestId('widget-message')).toHaveText([/Ich brauche schnell Hilfe/]);

  // The agent's browser runs on a clock the test moves; the badge changes colour by itself.
  const agentContext = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  const agent = await agentContext.newPage();
  await agent.clock.install();
  await signIn(agent, 'lena@demo.local');
  await agent.getByRole('button', { name: 'All unsolved' }).click();
  await agent.getByLabel('Search').fill(email);
  const row = agent.locator('[data-ticket-id]').first();
  await expect(row).toContainText('Ich brauche schnell Hilfe');
  const badge = row.getByTestId('sla-badge');
  await expect(badge).toHaveAttribute('data-standing', 'ok');
  await agent.clock.fastForward(35_000);
  await expect(badge).toHaveAttribute('data-standing', 'at_risk');
  await agent.clock.fastForward(30_000);
  await expect(badge).toHaveAttribute('data-standing', 'breached');
  await expect(badge).toContainText('−');

  // On the server the breach is a job at the due time; when it fires, the history says so.
  await row.click();
  await expect(agent.getByTestId('sla-targets')).toContainText('Schnellchat');
  await expect(agent.getByTestId('thread')).toContainText('First response target breached', { timeout: 90_000 });
  // Lena leads the chat's team: the breach rings her bell.
  const bell = agent.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('aria-label', /unread notification/);
  await bell.click();
  await expect(agent.getByTestId('notification-list')).toContainText('First response target breached');
  await agent.keyboard.press('Escape');
  await agent.getByPlaceholder('Write a reply to the customer…').fill('Bin da, entschuldigen Sie die Wartezeit.');
  await agent.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(agent.getByTestId('sla-targets').locator('[data-target="first_response"]')).toContainText('missed by');
  await expect(agent.getByTestId('thread')).toContainText('First response missed by');

  // Leave the demo as it was for the tests after this one.
  await admin.getByTestId('sla-policy-list').getByRole('button', { name: '1. Schnellchat' }).click();
  await admin.getByRole('button', { name: 'Delete' }).click();
  await expect(admin.getByTestId('sla-policy-list')).not.toContainText('Schnellchat');
});
