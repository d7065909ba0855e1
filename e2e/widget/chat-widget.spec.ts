import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import Database from 'better-sqlite3';
import { agentPage } from '../support/sign-in';
import { startHostSite } from '../support/host-site';
import { DEMO_CHAT_TOKEN } from '../../db/seed/generate';
import { signIdentity } from '../../server/channels/chat/identity-signature';
import AxeBuilder from '@axe-core/playwright';

let site: Awaited<ReturnType<typeof startHostSite>>;
test.beforeAll(async ({ baseURL }) => {
  site = await startHostSite(baseURL!, DEMO_CHAT_TOKEN);
});
test.afterAll(async () => site?.close());

/** Reads what the server stored (the test looks, the server writes). */
function database() {
  return new Database(path.join(process.env.E2E_DATA_DIR!, 'helpdesk.db'), { readonly: true, fileMustExist: true });
}

async function openWidget(page: Page) {
  await page.getByRole('button', { name: 'Chat with us' }).click();
  return page.frameLocator('iframe[title="Chat with us"]');
}

test('a visitor on another site chats with an agent live; messages sent offline arrive once, in order', async ({ browser }) => {
  const stamp = Date.now();
  const email = `chat-${stamp}@example.de`;
  const visitorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const visitor = await visitorContext.newPage();
  await visitor.goto(site.origin);
  // The host page's hostile CSS does not reach the launcher (its button would be red and 40px).
  const launcher = visitor.getByRole('button', { name: 'Chat with us' });
  await expect(launcher).toHaveCSS('font-size', '15px');
  const chat = await openWidget(visitor);
  await chat.getByLabel('Your name').fill('Eva Widget');
  await chat.getByLabel(/^Email/).fill(email);
  await chat.getByRole('textbox', { name: 'Write a message…' }).fill('Hallo, wo bleibt mein Paket?');
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByTestId('widget-message')).toHaveText([/Hallo, wo bleibt mein Paket\?/]);

  const { page: agent, context: agentContext } = await agentPage(browser, 'jana@demo.local');
  await agent.getByRole('button', { name: 'All tickets' }).click();
  await agent.getByLabel('Search').fill(email);
  const row = agent.locator('[data-ticket-id]').first();
  await expect(row).toContainText('Hallo, wo bleibt mein Paket?');
  await row.click();
  await expect(agent.getByTestId('thread')).toContainText('Hallo, wo bleibt mein Paket?');
  // The agent has it open: the visitor sees it was read.
  await expect(chat.getByTestId('widget-message').last()).toContainText('Seen');

  const composer = agent.getByPlaceholder('Write a reply to the customer…');
  await composer.pressSequentially('Ich schaue', { delay: 20 });
  await expect(chat.getByTestId('widget-typing')).toHaveText('Jana Berger is typing…');
  await composer.fill('Ich schaue sofort nach, einen Moment bitte.');
  await composer.press('Control+Enter');
  const reply = chat.getByTestId('widget-message').filter({ hasText: 'Ich schaue sofort nach' });
  await expect(reply).toContainText('Jana Berger');

  // The visitor's network drops while they write twice; both wait as "sending", then arrive once, in order.
  await visitorContext.setOffline(true);
  await expect(chat.getByTestId('widget-offline')).toBeVisible();
  const input = chat.getByRole('textbox', { name: 'Write a message…' });
  await input.fill('Erste Nachricht offline');
  await input.press('Enter');
  await input.fill('Zweite Nachricht offline');
  await input.press('Enter');
  await expect(chat.getByTestId('widget-pending')).toHaveCount(2);
  await visitorContext.setOffline(false);
  await expect(chat.getByTestId('widget-pending')).toHaveCount(0);
  // The agent has the chat open, so they arrive read (the receipt comes with the ack).
  await expect(chat.getByTestId('widget-message').last()).toContainText('Seen');
  const thread = agent.getByTestId('thread');
  await expect(thread).toContainText('Zweite Nachricht offline');
  const text = await thread.innerText();
  expect(text.split('Erste Nachricht offline').length - 1).toBe(1);
  expect(text.split('Zweite Nachricht offline').length - 1).toBe(1);
  expect(text.indexOf('Erste Nachricht offline')).toBeLessThan(text.indexOf('Zweite Nachricht offline'));

  // A reload continues the same conversation.
  await visitor.reload();
  // The conversation's iframe loads hidden at once; it has its session once the conversation is in it.
  await expect(visitor.frameLocator('iframe[title="Chat with us"]').getByTestId('widget-message')).toHaveCount(4);
  const again = await openWidget(visitor);
  await expect(again.getByTestId('widget-message')).toHaveText([
    /Hallo, wo bleibt/,
    /Ich schaue sofort nach/,
    /Erste Nachricht offline/,
    /Zweite Nachricht offline/,
  ]);

  // With the chat closed, a new reply shows as unread on the launcher.
  await again.getByRole('button', { name: 'Close chat' }).click();
  await composer.fill('Das Paket kommt morgen.');
  await composer.press('Control+Enter');
  await expect(visitor.getByRole('button', { name: /Chat with us/ }).locator('span')).toHaveText('1');
  await agentContext.close();
  await visitorContext.close();
});

test('an identified visitor with a valid signature lands on the existing customer; a bad signature does not', async ({ browser }) => {
  const db = database();
  const known = db.prepare('select id, name, email from customers where email is not null order by id limit 1').get() as {
    id: number;
    name: string;
    email: string;
  };
  const secret = (
    JSON.parse((db.prepare("select settings from channels where kind = 'chat'").get() as { settings: string }).settings) as { identitySecret: string }
  ).identitySecret;
  db.close();

  const chatAs = async (signature: string, text: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const identity = JSON.stringify({ email: known.email, name: known.name, signature });
    await page.goto(`${site.origin}/?identify=${encodeURIComponent(identity)}`);
    const chat = await openWidget(page);
    await chat.getByRole('textbox', { name: 'Write a message…' }).fill(text);
    await chat.getByRole('button', { name: 'Send' }).click();
    // (An identified customer also sees their earlier chats; the new message comes last.)
    await expect(chat.getByTestId('widget-message').last()).toContainText(text);
    await context.close();
    const db = database();
    const owner = db.prepare('select t.customer_id as id from messages m join tickets t on t.id = m.ticket_id where m.body_text = ?').get(text) as {
      id: number;
    };
    db.close();
    return owner.id;
  };
  // Signed the way the README tells a site's backend to sign.
  expect(await chatAs(signIdentity(secret, known.email), `Signiert ${Date.now()}`)).toBe(known.id);
  expect(await chatAs(signIdentity('not-the-secret', known.email), `Gefälscht ${Date.now()}`)).not.toBe(known.id);
});

test('an agent attaches a file to a chat reply; the visitor downloads it from the widget', async ({ browser, baseURL }) => {
  const email = `datei-${Date.now()}@example.de`;
  const visitorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const visitor = await visitorContext.newPage();
  await visitor.goto(site.origin);
  const chat = await openWidget(visitor);
  await chat.getByLabel('Your name').fill('Fritz Datei');
  await chat.getByLabel(/^Email/).fill(email);
  await chat.getByRole('textbox', { name: 'Write a message…' }).fill('Können Sie mir die Anleitung schicken?');
  await chat.getByRole('button', { name: 'Send' }).click();

  const { page: agent, context: agentContext } = await agentPage(browser, 'jana@demo.local');
  await agent.getByRole('button', { name: 'All tickets' }).click();
  await agent.getByLabel('Search').fill(email);
  await agent.locator('[data-ticket-id]').first().click();
  await expect(agent.getByTestId('thread')).toContainText('Anleitung schicken');
  const manual = Buffer.from('%PDF-1.4\n% Aufbauanleitung\n');
  await agent.locator('form input[type=file]').setInputFiles({ name: 'Aufbauanleitung.pdf', mimeType: 'application/pdf', buffer: manual });
  await expect(agent.getByTestId('composer-file')).toHaveText('Aufbauanleitung.pdf');
  await agent.getByPlaceholder('Write a reply to the customer…').fill('Gern, hier ist sie.');
  await agent.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(agent.getByTestId('composer-file')).toHaveCount(0);
  await expect(agent.getByTestId('thread')).toContainText('Aufbauanleitung.pdf');
  // A small file's size in bytes, not "0 KB".
  await expect(agent.getByTestId('thread')).toContainText(`${manual.length} bytes`);

  const link = chat.getByRole('link', { name: 'Aufbauanleitung.pdf' });
  await expect(link).toBeVisible();
  const res = await visitor.request.get(new URL((await link.getAttribute('href'))!, baseURL).toString());
  expect(res.status()).toBe(200);
  expect(await res.body()).toEqual(manual);
  await agentContext.close();
  await visitorContext.close();
});

test('a widget without a language of its own speaks the first of the visitor’s browser languages it knows', async ({ browser }) => {
  for (const [languages, text] of [
    ['en-GB', 'Chat with us'],
    ['fr-FR,de-AT', 'Chatten Sie mit uns'],
    ['it-IT', 'Chatten Sie mit uns'],
  ] as const) {
    const context = await browser.newContext({ locale: languages.split(',')[0], extraHTTPHeaders: { 'accept-language': languages } });
    await context.addInitScript((langs) => Object.defineProperty(navigator, 'languages', { get: () => langs.split(',') }), languages);
    const page = await context.newPage();
    await page.goto(`${site.origin}/?nolocale`);
    await expect(page.getByRole('button', { name: text })).toBeVisible();
    await context.close();
  }
});

test('the chat is worked from the keyboard: focus moves in on opening and back to the launcher on Escape; axe finds nothing serious in it', async ({
  browser,
}) => {
  for (const width of [1366, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 844 } });
    const page = await context.newPage();
    await page.goto(site.origin);
    const launcher = page.getByRole('button', { name: 'Chat with us' });
    await launcher.focus();
    await page.keyboard.press('Enter');
    const chat = page.frameLocator('iframe[title="Chat with us"]');
    // Typed keys land in the first field: the focus really is inside the frame.
    await expect(chat.getByLabel('Your name')).toBeFocused();
    await page.keyboard.type('Eva');
    await expect(chat.getByLabel('Your name')).toHaveValue('Eva');
    await page.keyboard.press('Tab');
    await expect(chat.getByLabel(/^Email/)).toBeFocused();
    const close = await chat.getByRole('button', { name: 'Close chat' }).boundingBox();
    const attach = await chat.getByRole('button', { name: 'Attach a file' }).boundingBox();
    for (const box of [close!, attach!]) expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    await page.keyboard.press('Escape');
    await expect(page.locator('iframe[title="Chat with us"]')).toBeHidden();
    await expect(launcher).toBeFocused();
    // Opened again, the frame already there: focus goes back to the field, the answer kept.
    await page.keyboard.press('Enter');
    await expect(chat.getByLabel('Your name')).toBeFocused();
    await expect(chat.getByLabel('Your name')).toHaveValue('Eva');
    const src = await page.locator('iframe[title="Chat with us"]').getAttribute('src');
    await context.close();

    // The frame on its own, so the host page's own markup does not count against the chat.
    const frameContext = await browser.newContext({ viewport: { width: Math.min(width, 380), height: 640 } });
    const framePage = await frameContext.newPage();
    await framePage.goto(src!);
    await expect(framePage.getByLabel('Your name')).toBeVisible();
    const { violations } = await new AxeBuilder({ page: framePage }).analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
    ).toEqual([]);
    await frameContext.close();
  }
});

test('pre-chat errors go once the field is put right', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(site.origin);
  const chat = await openWidget(page);
  const email = chat.getByLabel(/^Email/);
  await email.fill('eva@');
  await chat.getByRole('textbox', { name: 'Write a message…' }).fill('Hallo');
  await chat.getByRole('button', { name: 'Send' }).click();
  const error = chat.locator('#pf_email-e');
  await expect(error).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.fill('eva@example.de');
  await expect(error).toBeHidden();
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  // Nothing was sent meanwhile: the message waits in the box.
  await expect(chat.getByRole('textbox', { name: 'Write a message…' })).toHaveValue('Hallo');
  await context.close();
});

test('a pre-chat form’s question box is the chat box: asked once, and the answer is the first message', async ({ browser }) => {
  const admin = await agentPage(browser, 'admin@demo.local');
  const origin = new URL(admin.page.url()).origin;
  const inboxes = await admin.page.request.get('/api/trpc/inboxes.listEmail');
  const channelId = (await inboxes.json()).result.data.inboxes[0].id as number;
  const name = `Anliegen ${Date.now()}`;
  const definition = {
    version: 1,
    fields: [
      { key: 'name', type: 'text', label: { en: 'Your name' }, required: true },
      { key: 'anliegen', type: 'long_text', label: { en: 'Your question' }, required: true },
    ],
    routing: [],
  };
  const saved = await admin.page.request.post('/api/trpc/forms.save', {
    data: { id: null, slug: `anliegen-${Date.now()}`, name, channelId, definition },
    headers: { origin },
  });
  expect(saved.status()).toBe(200);
  await admin.page.goto('/settings/chat');
  await admin.page.getByRole('button', { name: 'New chat widget' }).click();
  await admin.page.getByLabel('Name', { exact: true }).fill(`Chat ${name}`);
  await admin.page.getByLabel('Asked before the chat').selectOption({ label: name });
  await admin.page.getByRole('button', { name: 'Save' }).click();
  const snippet = admin.page.getByTestId('widget-snippet');
  await expect(snippet).toBeVisible();
  const token = /data-channel="([^"]+)"/.exec((await snippet.textContent()) ?? '')![1]!;
  await admin.context.close();

  const host = await startHostSite(origin, token);
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(host.origin);
    const chat = await openWidget(page);
    await expect(chat.getByLabel(/^Your name/)).toBeVisible();
    await expect(chat.getByLabel(/^Your question/)).toHaveCount(0);
    await chat.getByLabel(/^Your name/).fill('Frieda Fragt');
    await chat.getByRole('textbox', { name: 'Write a message…' }).fill('Mein Paket fehlt seit Montag.');
    await chat.getByRole('button', { name: 'Send' }).click();
    await expect(chat.getByTestId('widget-message').filter({ hasText: 'Mein Paket fehlt seit Montag.' })).toBeVisible();
    // Agents see it as the conversation's first message and as the form's answer.
    const { page: agent, context } = await agentPage(browser, 'jana@demo.local');
    await agent.getByRole('button', { name: 'All tickets' }).click();
    await agent.getByLabel('Search').fill('Frieda Fragt');
    await agent.locator('[data-ticket-id]').first().click();
    await expect(agent.getByTestId('thread').getByTestId('message').first()).toContainText('Mein Paket fehlt seit Montag.');
    await expect(agent.getByTestId('form-answers')).toContainText('Mein Paket fehlt seit Montag.');
    await context.close();
    await page.close();
  } finally {
    await host.close();
  }
});
