import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const PRISMA = ['@/generated/*', '@prisma/*', '**/generated/prisma/*'];
const DATABASE = ['@/lib/db/*', '**/lib/db/*', ...PRISMA];
const USE_CASES = ['@/lib/use-cases/*', '@/lib/use-cases/**', '**/lib/use-cases/**'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.data/**',
      'generated/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      '*.config.js',
      '*.config.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      'no-console': 'off',
    },
  },
  // The layers, kept by lint (docs/architecture.md). Each file matches exactly one
  // of these blocks: ESLint replaces, not merges, a rule set twice for a file.
  {
    // What the browser and the printers see: view types from lib/domain, never the database.
    files: ['components/**/*.{ts,tsx}', 'lib/report/**/*.ts', 'lib/schemas/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...DATABASE, ...USE_CASES],
              message:
                'components/, lib/report and lib/schemas import no lib/db or lib/use-cases (types included): take view types from lib/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure: no framework, no database, nothing outside itself.
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['next', 'next/*', 'react', 'react/*', '@prisma/*', '@/generated/*', 'zod', 'node:*'],
              message: 'lib/domain is pure TypeScript.',
            },
            { group: ['@/*', '../*'], message: 'lib/domain imports nothing outside itself.' },
          ],
        },
      ],
    },
  },
  {
    // Only lib/db and lib/use-cases talk to Prisma.
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: ['lib/db/**', 'lib/use-cases/**', 'lib/domain/**', 'lib/report/**', 'lib/schemas/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: PRISMA, message: 'Database access lives in lib/db and lib/use-cases.' }],
        },
      ],
    },
  },
  {
    // process.env is read in one place.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: ['lib/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' },
      ],
    },
  },
);
