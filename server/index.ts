// The entry point: `node dist/server/index.js` (production) or `tsx server/index.ts --dev`.
import { loadConfig } from './config';
import { startServer } from './start-server';

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const dev = process.argv.includes('--dev');

async function main() {
  const config = loadConfig();
  const server = await startServer({ config, next: { dev } });
  console.log(`\nHelpdesk is running at ${server.url}`);
  console.log(`Inbound email (SMTP) on port ${server.smtpPort}`);
  console.log(`Chat widget demo page: ${server.url}/widget/demo`);
  for (const line of server.notices) console.log(line);

  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down…`);
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
