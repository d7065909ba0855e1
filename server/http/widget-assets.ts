import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { getDb } from '@/db/client';
import { findChatChannelByPublicToken, findPublicMessage } from '@/db/queries/chat';
import { chatSettingsSchema, appearanceOf } from '@/server/channels/chat/chat-settings';
import { getConfig } from '@/server/runtime-config';
import { MAX_CHAT_MESSAGE } from '@/server/channels/chat/receive-chat-message';
import { listChannelsOfKind } from '@/db/queries/inbound';
import { findAttachment } from '@/db/queries/attachments';
import { verifyWidgetFileLink } from '@/server/channels/chat/widget-file-link';
import { sendStoredFile } from './send-stored-file';

// The widget is served by the custom server, not by Next: the loader must be tiny and the chat iframe
// must not carry a framework runtime. Files come from dist/widget (scripts/build.mjs).
const DIST = path.resolve('dist/widget');
const FILES: Record<string, { file: string; type: string; cors: boolean }> = {
  '/widget.js': { file: 'widget.js', type: 'text/javascript; charset=utf-8', cors: true },
  '/widget/chat.js': { file: 'chat.js', type: 'text/javascript; charset=utf-8', cors: false },
  '/widget/chat.css': { file: 'chat.css', type: 'text/css; charset=utf-8', cors: false },
};

export function isWidgetRequest(url: string) {
  return url === '/widget.js' || url.startsWith('/widget/');
}

const channelOf = (url: URL) => {
  const channel = findChatChannelByPublicToken(getDb(), url.searchParams.get('channel') ?? '');
  const settings = channel && chatSettingsSchema.safeParse(channel.settings);
  return settings?.success ? settings.data : null;
};

export function handleWidgetRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://local');
  const asset = FILES[url.pathname];
  if (asset && req.method === 'GET') {
    const file = path.join(DIST, asset.file);
    if (!fs.existsSync(file)) return void res.writeHead(404).end('widget not built: run npm run build');
    res.writeHead(200, {
      'content-type': asset.type,
      // Short cache: a new release reaches every site within minutes.
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
      ...(asset.cors ? { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' } : {}),
    });
    return void fs.createReadStream(file).pipe(res);
  }
  if (url.pathname === '/widget/config' && req.method === 'GET') {
    const settings = channelOf(url);
    if (!settings) return void res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
    const { color, position, launcherText, defaultLocale } = appearanceOf(settings, {
      maxFileMb: getConfig().ATTACHMENT_MAX_MB,
      maxMessageLength: MAX_CHAT_MESSAGE,
    });
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60' });
    return void res.end(JSON.stringify({ color, position, launcherText, defaultLocale }));
  }
  if (url.pathname === '/widget/frame' && req.method === 'GET') {
    const settings = channelOf(url);
    if (!settings) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Unknown chat widget');
    // Framing is allowed here only, and only by the channel's sites when it names them.
    const ancestors = settings.allowedOrigins.length ? settings.allowedOrigins.join(' ') : '*';
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors ${ancestors}; base-uri 'none'; form-action 'none'`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    return void res.end(FRAME_HTML);
  }
  if (url.pathname.startsWith('/widget/files/') && req.method === 'GET') {
    const config = getConfig();
    const id = verifyWidgetFileLink(config.sessionSecret, url.pathname);
    const att = id === null ? undefined : findAttachment(getDb(), id);
    // Files of internal notes never reach visitors, whatever a link says.
    if (!att || !findPublicMessage(getDb(), att.messageId))
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('This link is not valid (any more)');
    return sendStoredFile(res, config.DATA_DIR, att);
  }
  if (url.pathname === '/widget/demo' && req.method === 'GET') {
    // The first chat widget unless the address names one (the demo data has one).
    const token =
      url.searchParams.get('channel') ?? String((listChannelsOfKind(getDb(), 'chat')[0]?.settings as { publicToken?: string } | undefined)?.publicToken ?? '');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // As strict as a shop page embedding the widget can be: our loader, its styles in a shadow root, the chat frame.
      'content-security-policy':
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    return void res.end(demoPage(token));
  }
  res.writeHead(404).end();
}

/** A stand-in for a customer's website, to try the widget: the same snippet a site would embed. */
const demoPage = (raw: string) => {
  const token = raw.replace(/[^\w-]/g, '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Widget demo</title></head>
<body style="font:16px system-ui;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#0f172a">
<h1>A shop's website</h1><p>This page embeds the chat widget with the snippet from Settings → Chat widgets:</p>
<pre style="background:#f1f5f9;padding:1rem;white-space:pre-wrap">&lt;script src="${getConfig().publicUrl}/widget.js" data-channel="${token}" async&gt;&lt;/script&gt;</pre>
<script src="/widget.js" data-channel="${token}" async></script>
</body></html>`;
};

const FRAME_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chat</title><link rel="stylesheet" href="/widget/chat.css"></head>
<body><div id="root"></div><script src="/widget/chat.js" defer></script></body></html>`;
