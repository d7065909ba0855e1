// Builds the Next.js app and bundles the custom server into dist/server/index.js (run with plain node).
import { execSync } from 'node:child_process';
import { build } from 'esbuild';

process.env.NEXT_TELEMETRY_DISABLED = '1';
execSync('npx next build', { stdio: 'inherit' });
await build({
  entryPoints: ['server/index.ts'],
  outfile: 'dist/server/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Dependencies stay in node_modules (better-sqlite3 is native; Next must be the same copy the build used).
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('Built dist/server/index.js');
