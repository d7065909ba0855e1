import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', 'dist/**', '.stryker-tmp*/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
