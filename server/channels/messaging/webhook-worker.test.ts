import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, webhookEvents } from '@/db/schema';
import { insertChannel } from '@/db/queries/channels';
import { insertWebhookEvents, type NewWebhookEvent } from '@/db/queries/webhook-events';
import { loadConfig } from '@/server/config';
import { setConfig } from '@/server/runtime-config';
import { openTestDatabase } from '@/server/testing/test-database';
import { sealSecret } from '../channel-secrets';
import { kickWebhookWorker, runWebhookEventsOnce, WEBHOOK_EVENT_RETRY } from './webhook-worker';

// The stored webhook events on a real SQLite file, handled by the real WhatsApp handler.
let db: Db;
let close: () => void;
let channelId: number;
let broken: number;
const T = Date.UTC(2026, 11, 1, 9, 0);
let serial = 0;

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  setConfig(loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'helpdesk-webhook-worker') }));
  const secrets = { accessToken: sealSecret('t'), appSecret: sealSecret('a'), verifyToken: sealSecret('v') };
  channelId = insertChannel(db, { kind: 'whatsapp', name: 'WA', defaultTeamId: null, settings: { phoneNumberId: '10000001', ...secrets } }).id;
  broken = insertChannel(db, { kind: 'whatsapp', name: 'WA kaputt', defaultTeamId: null, settings: { nothing: true } }).id;
});
afterAll(() => close());

const text = (from: string, body: string): NewWebhookEvent => {
  const id = `wamid.W${++serial}`;
  return {
    conversation: from,
    dedupeKey: `m:${id}`,
    payload: { kind: 'message', name: null, message: { from, id, timestamp: String(Math.floor(T / 1000)), type: 'text', text: { body } } },
  };
};
const unknownStatus = (to: string): NewWebhookEvent => ({
  conversation: to,
  dedupeKey: `s:wamid.NOPE${++serial}:read`,
  payload: { kind: 'status', status: { id: `wamid.NOPE${serial}`, status: 'read', recipient_id: to } },
});
const bodies = () =>
  db
    .select({ body: messages.bodyText })
    .from(messages)
    .all()
    .map((m) => m.body);
const stateOf = (dedupeKey: string) => db.select().from(webhookEvents).where(eq(webhookEvents.dedupeKey, dedupeKey)).get()!;

describe('the webhook event worker', () => {
  it('keeps each conversation in order, lets a waiting event hold back only its own conversation, and gives up on what cannot succeed', async () => {
    const a1 = text('491', 'A eins');
    const bStatus = unknownStatus('492');
    const b1 = text('492', 'B eins');
    const a2 = text('491', 'A zwei');
    expect(insertWebhookEvents(db, channelId, [a1, bStatus, b1, a2], T)).toBe(4);
    // A retried delivery of the same events stores nothing new.
    expect(insertWebhookEvents(db, channelId, [a1, a2], T)).toBe(0);

    expect(await runWebhookEventsOnce(db, T)).toBe(2);
    expect(bodies()).toEqual(['A eins']);
    expect(stateOf(bStatus.dedupeKey!)).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: T + WEBHOOK_EVENT_RETRY.baseMs });
    expect(await runWebhookEventsOnce(db, T)).toBe(1);
    expect(bodies()).toEqual(['A eins', 'A zwei']);
    // B's message waits behind B's status until the status is given up (it names a message we never sent).
    expect(await runWebhookEventsOnce(db, T)).toBe(0);
    for (let at = T; stateOf(bStatus.dedupeKey!).state === 'queued'; at += 10 * 60_000) await runWebhookEventsOnce(db, at);
    expect(stateOf(bStatus.dedupeKey!)).toMatchObject({ state: 'done', attempts: 5 });
    await runWebhookEventsOnce(db, T + 3600_000);
    expect(bodies()).toEqual(['A eins', 'A zwei', 'B eins']);
  });

  it('fails an event at once when retrying cannot help, and says why', async () => {
    const e = text('493', 'an einen kaputten Kanal');
    insertWebhookEvents(db, broken, [e], T);
    await runWebhookEventsOnce(db, T);
    expect(stateOf(e.dedupeKey!)).toMatchObject({ state: 'failed', attempts: 1, lastError: `Channel ${broken} has no valid WhatsApp settings` });
    // An event stored for a channel whose kind takes no webhooks (an email inbox) fails the same way.
    const inbox = insertChannel(db, { kind: 'email', name: 'mail', defaultTeamId: null, settings: {} }).id;
    const stray = text('495', 'verirrt');
    insertWebhookEvents(db, inbox, [stray], T);
    await runWebhookEventsOnce(db, T);
    expect(stateOf(stray.dedupeKey!)).toMatchObject({ state: 'failed', lastError: `Channel ${inbox} handles no webhook events` });
  });

  it('drains everything when kicked, once however often it is kicked meanwhile', async () => {
    const burst = Array.from({ length: 5 }, (_, i) => text('494', `Stoß ${i}`));
    insertWebhookEvents(db, channelId, burst, Date.now());
    await Promise.all([kickWebhookWorker(db), kickWebhookWorker(db), kickWebhookWorker(db)]);
    expect(bodies().filter((b) => b.startsWith('Stoß'))).toEqual(['Stoß 0', 'Stoß 1', 'Stoß 2', 'Stoß 3', 'Stoß 4']);
    expect(burst.map((e) => stateOf(e.dedupeKey!).state)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });
});
