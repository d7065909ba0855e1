import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Debian's Chromium where present (Playwright's own download is unreachable on our machines); elsewhere
// Playwright's bundled browser. CHROMIUM_PATH overrides both.
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const port = Number(process.env.E2E_PORT ?? 3210);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2626);
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-e2e-'));
process.env.E2E_DATA_DIR = dataDir; // workers load this file again; keep one directory

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The built server (npm test builds first), on a fresh SQLite file with a small demo set.
    command: 'node dist/server/index.js',
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      SMTP_PORT: String(E2E_SMTP_PORT),
      OUTBOX_INTERVAL_MS: '200',
      // Short, so every test that sends a reply goes through the undo window and still waits little.
      UNDO_SEND_SECONDS: '2',
      DATA_DIR: dataDir,
      DEMO_TICKETS: '1000',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
