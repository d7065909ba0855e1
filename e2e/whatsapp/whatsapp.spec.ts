import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { agentPage } from '../support/sign-in';
import { metaSignature, startFakeGraph } from '../../server/testing/fake-graph';

// The demo's WhatsApp number, connected by an admin to a local server that follows the Graph API's
// contract; Meta's side (webhooks) is played by signed requests from this test.
const PHONE_NUMBER_ID = '100000000000001';
const TOKEN = 'EAAG-e2e-token';
const APP_SECRET = 'e2e-app-secret';
const HOUR = 3600_000;

// The second test writes to the number the first one connected.
test.describe.configure({ mode: 'serial' });

let graph: Awaited<ReturnType<typeof startFakeGraph>>;
let hookUrl = '';
test.beforeAll(async () => {
  graph = await startFakeGraph({ token: TOKEN, phoneNumberId: PHONE_NUMBER_ID });
});
test.afterAll(async () => graph?.close());

const fixture = (name: string) =>
  fs.readFileSync(path.resolve('server/channels/whatsapp/fixtures', `${name}.json`), 'utf8').replaceAll('PHONE_NUMBER_ID', PHONE_NUMBER_ID);

/** Meta's delivery of one text message from `from`, sent `agoMs` before now, signed with the app secret. */
async function customerWrites(from: string, text: string, agoMs = 0) {
  const body = JSON.parse(fixture('text-message'));
  const value = body.entry[0].changes[0].value;
  Object.assign(value.messages[0], {
    from,
    id: `wamid.E2E.${from}.${Date.now()}`,
    timestamp: String(Math.floor((Date.now() - agoMs) / 1000)),
    text: { body: text },
  });
  value.contacts[0].wa_id = from;
  await postHook(JSON.stringify(body));
}
async function postHook(raw: string) {
  const res = await fetch(hookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(raw, APP_SECRET) },
    body: raw,
  });
  expect(res.status).toBe(200);
}

test('an admin connects the number; a WhatsApp message shows live, the reply reaches the Graph API, and a failed status shows in the thread', async ({
  browser,
}) => {
  const { page: admin } = await agentPage(browser, 'admin@demo.local');
  await admin.goto('/settings/whatsapp');
  await admin.getByLabel('Graph API address').fill(graph.url);
  await admin.getByLabel('Access token').fill(TOKEN);
  await admin.getByLabel('App secret').fill(APP_SECRET);
  await admin.getByLabel('Verify token').fill('e2e-verify');
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  hookUrl = (await admin.getByTestId('webhook-url').textContent())!.trim();
  await admin.getByRole('button', { name: 'Test connection' }).click();
  await expect(admin.getByTestId('test-answer')).toHaveText('Meta answered: Demo Shop · +49 30 123456 · quality GREEN');
  // The secrets are write-only: the page shows they are kept, never what they are.
  await admin.reload();
  await expect(admin.getByLabel('Access token')).toHaveValue('');
  expect(await admin.content()).not.toContain(TOKEN);

  const { page: agent } = await agentPage(browser, 'jana@demo.local');
  await agent.getByRole('button', { name: 'All unsolved' }).click();
  const from = `49151${String(Date.now()).slice(-8)}`;
  await customerWrites(from, 'Mein Paket ist beschädigt angekommen');
  const row = agent.locator('[data-ticket-id]', { hasText: 'Mein Paket ist beschädigt angekommen' });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('reply-window')).toBeVisible();
  await row.click();

  await agent.getByRole('textbox', { name: 'Reply' }).fill('Das tut uns leid, wir schicken Ersatz.');
  await agent.getByRole('button', { name: 'Send', exact: true }).click();
  const sent = await graph.waitFor((r) => r.body?.to === from);
  expect(sent).toMatchObject({ authorization: `Bearer ${TOKEN}`, body: { type: 'text', text: { body: 'Das tut uns leid, wir schicken Ersatz.' } } });
  const reply = agent.getByTestId('thread').locator('article', { hasText: 'Das tut uns leid' });
  await expect(reply.getByTestId('delivery-state')).toHaveText('Sent');

  const wamid = graph.sentIds.at(-1)!;
  await postHook(fixture('status-failed').replace('"WAMID"', JSON.stringify(wamid)).replace('4917612345678', from));
  await expect(reply.getByTestId('delivery-state')).toHaveText('Not delivered: 131026 Message undeliverable: Message Undeliverable.');
});

test('outside the 24-hour window the composer offers the approved template instead of free text', async ({ browser }) => {
  const { page: agent } = await agentPage(browser, 'jana@demo.local');
  await agent.getByRole('button', { name: 'All unsolved' }).click();
  const from = `49152${String(Date.now()).slice(-8)}`;
  await customerWrites(from, `Hallo, ist meine Retoure ${from} angekommen?`, 25 * HOUR);
  // Written a day ago, the ticket sorts below the demo's recent ones: open it by what the search finds.
  const input = encodeURIComponent(JSON.stringify({ filter: { channel: ['whatsapp'], q: from }, limit: 1 }));
  const found = async () => {
    const res = (await (await agent.request.get(`/api/trpc/tickets.list?input=${input}`)).json()) as { result: { data: { items: { id: number }[] } } };
    return res.result.data.items[0]?.id;
  };
  await expect.poll(found).toBeDefined();
  await agent.goto(`/inbox?view=all&t=${await found()}`);
  const closed = agent.getByTestId('reply-window-closed');
  await expect(closed).toContainText('The WhatsApp reply window closed');
  await expect(agent.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
  await expect(closed.getByTestId('template-picker')).toContainText('Hallo [customer’s first name], es gibt Neuigkeiten zu Ihrer Anfrage #[ticket number].');
  await closed.getByRole('button', { name: 'Send template' }).click();
  const sent = await graph.waitFor((r) => r.body?.to === from);
  expect(sent.body).toMatchObject({ type: 'template', template: { name: 'ticket_update', language: { code: 'de' } } });
  await expect(agent.getByTestId('thread')).toContainText('Hallo Jürgen, es gibt Neuigkeiten zu Ihrer Anfrage #');
  // Notes stay possible.
  await agent.getByRole('tab', { name: 'Internal note' }).click();
  await expect(agent.getByRole('textbox', { name: 'Internal note' })).toBeVisible();
});
