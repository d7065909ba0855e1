import { handleDashboardExport, isDashboardExport } from './http/dashboard-export';
import { handleMetricsApi, isMetricsApi } from './http/metrics-api';
import http from 'node:http';
import { Server as SocketServer } from 'socket.io';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { openDatabase, setDb, closeDb, getDb } from '@/db/client';
import { startWalCheckpointer } from '@/db/wal-checkpointer';
import type { Config } from './config';
import { setConfig } from './runtime-config';
import { appRouter } from './trpc/root';
import { createContext } from './trpc/context';
import { mountAgentNamespace } from './realtime/agent-namespace';
import { prepareDatabase } from './prepare-database';
import { handleAttachmentDownload } from './http/attachment-download';
import { handleAttachmentUpload } from './http/attachment-upload';
import { stampClientIp } from './http/client-ip';
import { API_BODY_LIMIT_BYTES, refuseOversizedBody } from './http/body-limit';
import { applyPagePolicy } from './http/page-csp';
import { handleHookRequest } from './http/hooks';
import { handleSurveyEndpoint, isSurveyEndpoint } from './http/survey-endpoints';
import { handleWidgetRequest, isWidgetRequest } from './http/widget-assets';
import { mountWidgetNamespace } from './realtime/widget-namespace';
import { startSmtpListener } from './channels/email/smtp-listener';
import { closeTransports } from './channels/email/send-email';
import { startJobs } from './jobs/start-jobs';

export type StartOptions = {
  config: Config;
  /** Serve the Next.js app; off in integration tests that need only tRPC and sockets. */
  next?: { dev: boolean } | false;
  log?: (line: string) => void;
};

export type RunningServer = { url: string; port: number; smtpPort: number; notices: string[]; close: () => Promise<void> };

/**
 * The one process: one HTTP server for Next.js, tRPC and attachment downloads, socket.io on the same
 * server, the inbound SMTP listener, the timed jobs, one database handle and one event bus (both on
 * globalThis so Next's bundled copies of our modules share them).
 */
export async function startServer({ config, next = { dev: false }, log = console.log }: StartOptions): Promise<RunningServer> {
  setConfig(config);
  setDb(openDatabase(config.databaseFile));
  const notices = await prepareDatabase(getDb(), config, log);

  const trpc = createHTTPHandler({ router: appRouter, createContext, basePath: '/api/trpc/', maxBodySize: API_BODY_LIMIT_BYTES });
  let nextHandler: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | null = null;
  if (next) {
    const { default: createNext } = await import('next');
    const app = createNext({ dev: next.dev, dir: process.cwd(), quiet: !next.dev });
    await app.prepare();
    nextHandler = app.getRequestHandler();
  }

  const server = http.createServer((req, res) => {
    // `OPTIONS *` (and any other request-target that is not a path) asks about the server, not a page.
    if (!req.url?.startsWith('/')) return void res.writeHead(req.method === 'OPTIONS' ? 204 : 400, { allow: 'GET, HEAD, POST, OPTIONS' }).end();
    if (req.url.startsWith('/api/trpc/')) {
      // API answers carry customer data: never cached, never sniffed into something else.
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-content-type-options', 'nosniff');
      if (refuseOversizedBody(req, res, API_BODY_LIMIT_BYTES)) return;
      return void trpc(req, res);
    }
    if (req.url.startsWith('/hooks/')) return handleHookRequest(req, res);
    if (req.url === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('ok');
    if (req.url?.startsWith('/attachments/') && req.method === 'GET') return handleAttachmentDownload(req, res);
    if (req.url === '/attachments' && req.method === 'POST') {
      return void handleAttachmentUpload(req, res).catch((err) => {
        log(`Upload failed: ${err instanceof Error ? err.stack : String(err)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'The upload failed; please try again' }));
      });
    }
    if (req.url && isWidgetRequest(req.url)) return handleWidgetRequest(req, res);
    if (isMetricsApi(req)) {
      return void handleMetricsApi(req, res).catch((err) => {
        log(`Metrics API failed: ${err instanceof Error ? err.stack : String(err)}`);
        if (!res.headersSent)
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { key: 'internal', message: 'Internal error' } }));
      });
    }
    if (isDashboardExport(req)) {
      return void handleDashboardExport(req, res).catch((err) => {
        log(`Dashboard export failed: ${err instanceof Error ? err.stack : String(err)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('The export failed; please try again');
        else res.destroy();
      });
    }
    if (isSurveyEndpoint(req)) {
      return void handleSurveyEndpoint(req, res).catch((err) => {
        log(`Survey endpoint failed: ${err instanceof Error ? err.stack : String(err)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { key: 'internal' } }));
      });
    }
    if (nextHandler) {
      stampClientIp(req);
      applyPagePolicy(req, res, !!next && next.dev);
      return void nextHandler(req, res);
    }
    res.writeHead(404).end();
  });
  // Widget files travel inside socket messages: allow one attachment plus framing.
  const io = new SocketServer(server, { serveClient: false, cors: { origin: false }, maxHttpBufferSize: (config.ATTACHMENT_MAX_MB + 1) * 1024 * 1024 });
  const unmountAgents = mountAgentNamespace(io);
  const unmountWidget = mountWidgetNamespace(io);

  const db = getDb();
  const smtp = await startSmtpListener({ db, host: config.SMTP_HOST ?? config.HOST, port: config.SMTP_PORT, maxBytes: config.MAIL_MAX_MB * 1024 * 1024, log });
  const jobs = startJobs(db, { outboxIntervalMs: config.OUTBOX_INTERVAL_MS, dataDir: config.DATA_DIR, log });
  const checkpointer = startWalCheckpointer(config.databaseFile, log);

  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await smtp.close();
      await jobs.stop();
      await checkpointer.stop();
      unmountAgents();
      unmountWidget();
      // Stop accepting, let in-flight requests finish (better-sqlite3 writes are synchronous, so a finished
      // request means a finished write), then close the database.
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      });
      closeTransports();
      closeDb();
    })());

  return { url: config.PORT === 0 ? `http://127.0.0.1:${port}` : config.publicUrl, port, smtpPort: smtp.port, notices, close };
}
