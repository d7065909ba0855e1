// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const serverOnly = {
  patterns: [
    {
      group: ['@/server/*', '@/db/*', '**/server/*', '**/db/*'],
      allowTypeImports: true,
      message: 'Browser code may import only types from server/ and db/; call tRPC instead.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'dist/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      '.stryker-tmp*/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Client components and the universal folder never pull server code into the browser bundle.
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.ts'],
    // Pages, layouts and server actions run on the server and may call server code.
    ignores: ['app/**/page.tsx', 'app/**/layout.tsx', 'app/**/actions.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', serverOnly],
    },
  },
  {
    // Layering: the database layer knows nothing of the server above it.
    files: ['db/**/*.ts'],
    ignores: ['db/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/server/*', '**/server/*'], message: 'db/ never imports server/: pass what it needs in, or move shared types to lib/.' }] },
      ],
    },
  },
  {
    // Demo data is for the first start (server/prepare-database.ts) and the seed script, never a dependency of features.
    files: ['server/**/*.ts', 'app/**/*.{ts,tsx}', 'lib/**/*.ts', 'db/**/*.ts'],
    ignores: ['**/*.test.ts', 'server/testing/**', 'server/prepare-database.ts', 'db/seed/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/db/seed/*', '**/db/seed/*', '**/seed/*'], message: 'Production code never imports db/seed/.' }] },
      ],
    },
  },
  {
    // Drizzle: an update or delete without where would touch every row; a LIMIT is written into the SQL.
    files: ['db/**/*.ts', 'server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(run|returning)$/] > MemberExpression > CallExpression[callee.property.name='delete']",
          message: 'delete() needs a where(): without it every row goes',
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(run|returning)$/] > MemberExpression > CallExpression[callee.property.name='set'] > MemberExpression > CallExpression[callee.property.name='update']",
          message: 'update().set() needs a where(): without it every row changes',
        },
        {
          // A bound LIMIT makes SQLite prepare the statement again on every run (db/prepared.ts).
          selector: "CallExpression[callee.property.name='limit']:not([arguments.0.callee.name='limitRows'])",
          message: 'write .limit(limitRows(n)): drizzle binds a plain .limit(n), and a bound LIMIT is prepared again on every run',
        },
      ],
    },
  },
);
