import { test, expect } from '@playwright/test';
import path from 'node:path';
import Database from 'better-sqlite3';
import AxeBuilder from '@axe-core/playwright';
import nodemailer from 'nodemailer';
import { agentPage } from '../support/sign-in';
import { pointInboxAt } from '../support/mail-relay';
import { startHostSite } from '../support/host-site';
import { startSmtpSink } from '../../server/testing/smtp-sink';
import { E2E_SMTP_PORT } from '../../playwright.config';
import { DEMO_CHAT_TOKEN } from '../../db/seed/generate';

let site: Awaited<ReturnType<typeof startHostSite>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
test.beforeAll(async ({ baseURL }) => {
  site = await startHostSite(baseURL!, DEMO_CHAT_TOKEN);
  sink = await startSmtpSink();
});
test.afterAll(async () => {
  await site?.close();
  await sink?.close();
});

/** Reads what the server stored (the test looks, the server writes). */
const answersStored = () => {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'helpdesk.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select count(*) as n from survey_answers').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

test('an admin turns on CSAT; a visitor rates the solved chat in the widget, a customer answers the email link on a phone in German, the agent sees both and the lead hears of the unhappy one', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await pointInboxAt(browser, sink.port);

  // Settings → Surveys: a CSAT survey sent at once when a ticket is solved.
  const { page: admin, context: adminContext } = await agentPage(browser, 'admin@demo.local');
  await admin.goto('/settings/surveys');
  await admin.getByRole('button', { name: 'New policy' }).click();
  const form = admin.getByRole('form', { name: 'New policy' });
  await form.getByLabel('Name').fill('Zufriedenheit sofort');
  await form.getByLabel('Send after solving').fill('soon');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByTestId('survey-problems')).toContainText('“soon”');
  await form.getByLabel('Send after solving').fill('0m');
  await form.getByLabel('Move it into the team’s business hours').uncheck();
  await form.getByLabel(/Ask one customer at most once/).fill('0');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByRole('status')).toHaveText('Saved.');
  const top = admin.getByTestId('survey-policy-list').getByRole('listitem').first();
  // New policies go last; the demo's two come first: it moves up to the top.
  await expect(async () => {
    if (!(await top.textContent())?.includes('Zufriedenheit sofort')) await admin.getByRole('button', { name: 'Move “Zufriedenheit sofort” up' }).click();
    await expect(top).toContainText('1. Zufriedenheit sofort', { timeout: 1000 });
  }).toPass();
  await adminContext.close();

  // A customer writes by email; Jana answers and solves it in one step.
  const run = Date.now();
  const subject = `Rechnung falsch ${run}`;
  const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  await mailer.sendMail({ from: 'Jörg Überall <joerg.ueberall@example.de>', to: 'support@demo.local', subject, text: 'Die Rechnung ist falsch.' });
  mailer.close();
  const { page: agent } = await agentPage(browser, 'jana@demo.local');
  await agent.getByRole('button', { name: 'All tickets' }).click();
  const row = agent.locator('[data-ticket-id]', { hasText: subject });
  await row.click();
  await agent.getByPlaceholder('Write a reply to the customer…').fill('Wir haben die Rechnung korrigiert.');
  await agent.getByRole('button', { name: 'Send and set …' }).click();
  await agent.getByRole('menuitem', { name: 'Send and set Solved' }).click();
  const mail = await sink.waitFor((m) => m.parsed.subject?.includes(subject) === true && m.parsed.subject.startsWith('Wie war unser Service?'));
  const link = /(http:\/\/[^\s]+\/s\/[\w.-]+)\?score=1/.exec(mail.parsed.text!)![1]!;

  // The page passes axe (opening it records nothing, so the check may open it too).
  const checker = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
  const checkPage = await checker.newPage();
  await checkPage.goto(`${link}?score=1`);
  const { violations } = await new AxeBuilder({ page: checkPage }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await checker.close();

  // On a phone, without JavaScript: the link opens the page with "1" chosen; opening it recorded nothing.
  const before = answersStored();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', javaScriptEnabled: false });
  const customer = await phone.newPage();
  await customer.goto(`${link}?score=1`);
  await expect(customer.getByRole('heading', { name: 'Ihre Rückmeldung' })).toBeVisible();
  await expect(customer.getByRole('group', { name: 'Wie zufrieden sind Sie mit der Hilfe, die Sie erhalten haben?' })).toBeVisible();
  await expect(customer.getByRole('radio', { name: '1 – Sehr unzufrieden' })).toBeChecked();
  expect(answersStored()).toBe(before);
  await customer.getByLabel('Möchten Sie noch etwas ergänzen? (optional)').fill('Die Korrektur stimmt auch nicht.');
  await customer.getByRole('button', { name: 'Absenden' }).click();
  await expect(customer.getByTestId('survey-sent')).toContainText('Vielen Dank! Ihre Antwort ist gespeichert.');
  await expect(customer.getByTestId('survey-sent')).toContainText('Ihre Antwort: 1 – Sehr unzufrieden');
  expect(answersStored()).toBe(before + 1);
  await customer.screenshot({ path: test.info().outputPath('survey-page-390-de.png'), fullPage: true });
  await phone.close();

  // The agent sees the rating on the ticket, under the survey in the thread and in the customer's profile.
  await expect(agent.getByTestId('survey-badge').first()).toHaveText('CSAT 1/5');
  await expect(agent.getByTestId('survey-answer')).toContainText('Die Korrektur stimmt auch nicht.');
  await expect(agent.getByTestId('customer-ratings')).toContainText('CSAT 1/5');

  // A visitor's chat, solved by Jana: the widget asks, one tap rates it.
  const visitor = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await visitor.goto(site.origin);
  await visitor.getByRole('button', { name: 'Chat with us' }).click();
  const chat = visitor.frameLocator('iframe[title="Chat with us"]');
  const email = `rate-${run}@example.de`;
  await chat.getByLabel('Your name').fill('Rita Rating');
  await chat.getByLabel(/^Email/).fill(email);
  await chat.getByRole('textbox', { name: 'Write a message…' }).fill('Kurze Frage zur Lieferung');
  await chat.getByRole('button', { name: 'Send' }).click();
  // Stored (acknowledged) before the agent searches for it.
  await expect(chat.getByTestId('widget-message')).toHaveText([/Kurze Frage zur Lieferung/]);
  await agent.getByLabel('Search').fill(email);
  await agent.locator('[data-ticket-id]', { hasText: 'Kurze Frage zur Lieferung' }).click();
  await agent.getByPlaceholder('Write a reply to the customer…').fill('Sie kommt morgen.');
  await agent.getByRole('button', { name: 'Send and set …' }).click();
  await agent.getByRole('menuitem', { name: 'Send and set Solved' }).click();
  const card = chat.getByTestId('widget-survey');
  await expect(card).toContainText('How satisfied are you with the help you received?');
  await card.getByRole('button', { name: '5 – Very satisfied' }).click();
  await expect(card).toContainText('Thank you for your rating! Your rating: 5 – Very satisfied');
  await visitor.screenshot({ path: test.info().outputPath('widget-survey-390-en.png') });
  await expect(agent.getByTestId('survey-badge').first()).toHaveText('CSAT 5/5');

  // Lena leads the team: the unhappy answer rings her bell.
  const { page: lead } = await agentPage(browser, 'lena@demo.local');
  await lead.getByTestId('notification-bell').click();
  await expect(lead.getByTestId('notification-list')).toContainText('Unhappy rating: CSAT 1 of 5');
  await expect(lead.getByTestId('notification-list')).toContainText(subject);
});
