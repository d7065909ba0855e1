import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, httpClient } from '@/server/testing/test-server';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { getDb } from '@/db/client';
import { listChannelsOfKind } from '@/db/queries/inbound';

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: ReturnType<typeof httpClient>;

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL: 'https://help.example.de' });
  admin = httpClient(server.url);
  await admin.mutate('auth.login', { email: 'admin@demo.local', password: DEMO_PASSWORD });
});
afterAll(async () => server?.close());

const input = {
  name: 'Shop-Chat',
  defaultTeamId: null,
  unverifiedIdentity: 'refuse',
  allowedOrigins: ['https://shop.example.de/some/path'],
  color: '#0f766e',
  position: 'left',
  greeting: { en: 'Hello', de: 'Hallo' },
  launcherText: { en: 'Chat', de: 'Chat' },
  defaultLocale: 'de',
  expectedReplyMinutes: 30,
  formId: null,
  emailChannelId: null,
};

describe('chat widget settings', () => {
  it('creates a widget whose list entry carries the snippet but never the identity secret', async () => {
    const created = await admin.mutate<{ id: number }>('chatWidgets.create', input);
    expect(created.ok).toBe(true);
    const list = await admin.query<Record<string, unknown>[]>('chatWidgets.list');
    const widget = list.ok ? list.data.find((w) => w.name === 'Shop-Chat')! : {};
    expect(widget).toMatchObject({ allowedOrigins: ['https://shop.example.de'], color: '#0f766e', unverifiedIdentity: 'refuse' });
    expect(widget.snippet).toBe(`<script src="https://help.example.de/widget.js" data-channel="${widget.publicToken}" async></script>`);
    expect(JSON.stringify(list)).not.toMatch(/identitySecret/);
  });

  it('reveals and rotates the secret only for admins', async () => {
    const id = listChannelsOfKind(getDb(), 'chat').at(-1)!.id;
    const first = await admin.mutate<{ identitySecret: string }>('chatWidgets.revealSecret', { id });
    const rotated = await admin.mutate<{ identitySecret: string }>('chatWidgets.rotateSecret', { id });
    expect(first.ok && rotated.ok && first.data.identitySecret).not.toBe(rotated.ok && rotated.data.identitySecret);
    const agent = httpClient(server.url);
    await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
    expect(await agent.mutate('chatWidgets.revealSecret', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await agent.query('chatWidgets.list')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a pre-chat form with a file field', async () => {
    const channelId = listChannelsOfKind(getDb(), 'email')[0]!.id;
    const definition = {
      version: 1,
      fields: [
        { key: 'email', type: 'email', label: { en: 'Email' }, required: true },
        { key: 'photo', type: 'file', label: { en: 'Photo' } },
      ],
    };
    const form = await admin.mutate<{ id: number }>('forms.save', { id: null, slug: 'mit-datei', name: 'Mit Datei', channelId, definition });
    const res = await admin.mutate('chatWidgets.create', { ...input, name: 'X', formId: form.ok ? form.data.id : 0 });
    expect(res).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: expect.stringMatching(/file field/) });
  });

  it('lets only the configured sites frame the chat, and serves no frame for unknown widgets', async () => {
    const list = await admin.query<{ name: string; publicToken: string }[]>('chatWidgets.list');
    const shop = list.ok ? list.data.find((w) => w.name === 'Shop-Chat')! : null;
    const frame = await fetch(`${server.url}/widget/frame?channel=${shop!.publicToken}&host=https://shop.example.de`);
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-security-policy')).toMatch(/frame-ancestors https:\/\/shop\.example\.de;/);
    const demo = await fetch(`${server.url}/widget/frame?channel=demo-website-chat`);
    expect(demo.headers.get('content-security-policy')).toMatch(/frame-ancestors \*;/);
    expect((await fetch(`${server.url}/widget/frame?channel=nope`)).status).toBe(404);
    const config = await fetch(`${server.url}/widget/config?channel=${shop!.publicToken}`);
    expect(config.headers.get('access-control-allow-origin')).toBe('*');
    expect(await config.json()).toEqual({ color: '#0f766e', position: 'left', launcherText: { en: 'Chat', de: 'Chat' }, defaultLocale: 'de' });
  });
});
