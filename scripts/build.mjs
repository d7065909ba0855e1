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
await buildWidget();

/** The embeddable widget: the loader for customers' sites and the chat iframe app, each a lean bundle. */
async function buildWidget() {
  const common = {
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    logLevel: 'warning',
    legalComments: 'none',
    alias: { '@': '.' },
  };
  await build({ ...common, entryPoints: ['app/widget/_loader/loader.ts'], outfile: 'dist/widget/widget.js' });
  await build({ ...common, entryPoints: ['app/widget/_chat/main.tsx'], outfile: 'dist/widget/chat.js', jsx: 'automatic', jsxImportSource: 'preact' });
  await build({ ...common, entryPoints: ['app/widget/_chat/chat.css'], outfile: 'dist/widget/chat.css', format: undefined });
  console.log('Built dist/widget (widget.js, chat.js, chat.css)');
}
