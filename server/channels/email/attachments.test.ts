import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer, { type Transporter } from 'nodemailer';
import { startTestServer, httpClient } from '@/server/testing/test-server';
import { getDb } from '@/db/client';
import { findMessageByChannelMessageId } from '@/db/queries/inbound';
import { DEMO_PASSWORD } from '@/db/seed/generate';

let server: Awaited<ReturnType<typeof startTestServer>>;
let client: Transporter;
let agent: ReturnType<typeof httpClient>;
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));

beforeAll(async () => {
  server = await startTestServer({ ATTACHMENT_MAX_MB: '1' });
  client = nodemailer.createTransport({ host: '127.0.0.1', port: server.smtpPort, secure: false, ignoreTLS: true });
  agent = httpClient(server.url);
  await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD });
});
afterAll(async () => {
  client?.close();
  await server?.close();
});

type Ticket = { messages: { bodyHtml: string | null; attachments: { id: number; filename: string; size: number; blockedReason: string | null }[] }[] };
const ticketOf = async (messageId: string) => {
  const res = await agent.query<Ticket>('tickets.get', { id: findMessageByChannelMessageId(getDb(), messageId)!.ticketId });
  if (!res.ok) throw new Error(res.message);
  return res.data;
};

describe('attachments', () => {
  it('stores files on disk and lets only signed-in agents download them', async () => {
    await client.sendMail({ envelope: { from: 'claire@icloud.example', to: ['support@demo.local'] }, raw: fixture('apple-mail-attachment.eml') });
    const [msg] = (await ticketOf('<5E1A6F0C-7B7E-4F5B-9C1B-apple-1@icloud.example>')).messages;
    expect(msg!.attachments).toEqual([expect.objectContaining({ filename: 'Rechnung März.pdf', blockedReason: null })]);
    const url = `${server.url}/attachments/${msg!.attachments[0]!.id}`;

    const res = await fetch(url, { headers: { cookie: agent.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Rechnung März.pdf')}`);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 8)
        .toString(),
    ).toBe('%PDF-1.4');

    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`${server.url}/attachments/999999`, { headers: { cookie: agent.cookie } })).status).toBe(404);
  });

  it('serves inline cid: images from the store and refuses executables', async () => {
    await client.sendMail({ envelope: { from: 'max@kunde.example', to: ['support@demo.local'] }, raw: fixture('inline-image-and-exe.eml') });
    const [msg] = (await ticketOf('<inline-1@kunde.example>')).messages;
    const img = msg!.bodyHtml!.match(/src="\/attachments\/(\d+)"/);
    expect(img).not.toBeNull();
    const res = await fetch(`${server.url}/attachments/${img![1]}`, { headers: { cookie: agent.cookie } });
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline/);
    // The inline image is part of the body, so only the refused file is listed.
    expect(msg!.attachments).toEqual([expect.objectContaining({ filename: 'rechnung.pdf.exe', blockedReason: '@file_type_refused?ext=exe' })]);
  });

  it('keeps the message but not a file above the size limit', async () => {
    await client.sendMail({
      from: 'big@kunde.example',
      to: 'support@demo.local',
      subject: 'Großes Video',
      text: 'Anbei',
      messageId: '<big-1@kunde.example>',
      attachments: [{ filename: 'video.mp4', content: Buffer.alloc(1.2 * 1024 * 1024, 1) }],
    });
    const [msg] = (await ticketOf('<big-1@kunde.example>')).messages;
    expect(msg!.attachments).toEqual([expect.objectContaining({ filename: 'video.mp4', blockedReason: '@file_too_large?limitMb=1' })]);
  });
});
