import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getDb, transact } from '@/db/client';
import { findChannel } from '@/db/queries/inbound';
import { insertWebhookEvents, type NewWebhookEvent } from '@/db/queries/webhook-events';
import type { ChannelKind } from '@/lib/domain';
import { readBody } from '@/server/http/read-body';
import type { HookRoute } from '../channel-adapter';
import { kickWebhookWorker } from './webhook-worker';
import { openSecret } from '../channel-secrets';

/** Meta sends small JSON deliveries (a few KB); anything near this is not from Meta. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export type ChannelRow = NonNullable<ReturnType<typeof findChannel>>;
export type MetaSecrets = { appSecret: string; verifyToken: string };

/** Equal in constant time (hashing first makes the lengths equal, so the length leaks nothing either). */
export function safeEqual(a: string, b: string): boolean {
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(digest(a), digest(b));
}

/** `X-Hub-Signature-256: sha256=<hex>`: HMAC-SHA256 of the raw body with the app secret. */
export function validMetaSignature(header: string | undefined, body: Buffer, appSecret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = crypto.createHmac('sha256', appSecret).update(body).digest('hex');
  return safeEqual(header.slice('sha256='.length).toLowerCase(), expected);
}

/** A Meta channel's webhook secrets in clear from its stored settings; null until both are set. */
export function openMetaSecrets(stored: { appSecret?: string; verifyToken?: string } | undefined): MetaSecrets | null {
  const appSecret = openSecret(stored?.appSecret);
  const verifyToken = openSecret(stored?.verifyToken);
  return appSecret && verifyToken ? { appSecret, verifyToken } : null;
}

const text = (res: ServerResponse, status: number, body: string) => void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);

/**
 * The webhook of a Meta platform channel (WhatsApp Cloud API, Messenger), at `/hooks/<kind>/<channel id>`:
 * the subscription check (GET with hub.mode, hub.verify_token, hub.challenge), and deliveries (POST)
 * taken only with a valid signature, split into events, stored in one commit, answered 200, then handled
 * by the webhook worker. Nothing is stored for an unsigned, wrongly signed or malformed delivery.
 */
export function metaHookRoutes(o: {
  kind: ChannelKind;
  secretsOf: (channel: ChannelRow) => MetaSecrets | null;
  /** The delivery's events this channel handles; anything else is logged and acknowledged. */
  eventsOf: (body: unknown, channel: ChannelRow) => NewWebhookEvent[];
}): HookRoute[] {
  const channelOf = (id: number) => {
    const channel = findChannel(getDb(), id);
    return channel?.kind === o.kind ? channel : undefined;
  };
  return [
    {
      method: 'GET',
      handle(req, res, channelId) {
        const channel = channelOf(channelId);
        const secrets = channel && o.secretsOf(channel);
        if (!secrets) return text(res, 404, 'No such channel');
        const q = new URL(req.url ?? '/', 'http://local').searchParams;
        const challenge = q.get('hub.challenge') ?? '';
        if (q.get('hub.mode') !== 'subscribe' || !safeEqual(q.get('hub.verify_token') ?? '', secrets.verifyToken) || challenge.length > 200) {
          return text(res, 403, 'Verification failed');
        }
        text(res, 200, challenge);
      },
    },
    {
      method: 'POST',
      async handle(req: IncomingMessage, res: ServerResponse, channelId) {
        const channel = channelOf(channelId);
        const secrets = channel && o.secretsOf(channel);
        if (!channel || !secrets) return text(res, 404, 'No such channel');
        const body = await readBody(req, WEBHOOK_BODY_LIMIT);
        if (!body) return text(res, 413, 'Too large');
        const signature = req.headers['x-hub-signature-256'];
        if (typeof signature !== 'string') return text(res, 401, 'Signature missing');
        if (!validMetaSignature(signature, body, secrets.appSecret)) return text(res, 403, 'Signature does not match');
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch {
          return text(res, 400, 'Malformed JSON');
        }
        const db = getDb();
        const events = o.eventsOf(parsed, channel);
        transact(db, (tx) => insertWebhookEvents(tx, channel.id, events, Date.now()));
        text(res, 200, 'EVENT_RECEIVED');
        if (events.length) void kickWebhookWorker(db);
      },
    },
  ];
}
