import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// The config is plain JavaScript (no types): loaded by path, typed here.
const projectConfig = (
  (await import(pathToFileURL(path.join(root, 'eslint.config.js')).href)) as { default: Linter.Config[] }
).default;

// The project's own layer rules (every block that restricts imports), run
// without type information so a probe file need not exist on disk.
const boundaries = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
    ...projectConfig.filter((block) => block.rules !== undefined && 'no-restricted-imports' in block.rules),
  ],
});

async function refusals(filePath: string, source: string): Promise<string[]> {
  const [result] = await boundaries.lintText(source, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('lint keeps the layers', () => {
  it.each([
    ['lib/domain imports lib/db', 'lib/domain/probe.ts', "import { db } from '@/lib/db/client';"],
    ['lib/domain imports zod', 'lib/domain/probe.ts', "import { z } from 'zod';"],
    [
      'lib/domain imports a type from lib/schemas',
      'lib/domain/probe.ts',
      "import type { X } from '@/lib/schemas/fields';",
    ],
    ['lib/domain imports relatively outside itself', 'lib/domain/probe.ts', "import { env } from '../env';"],
    [
      'a component imports a type from lib/db',
      'components/probe.tsx',
      "import type { AuditSummary } from '@/lib/db/audits';",
    ],
    [
      'a component imports a use case',
      'components/probe.tsx',
      "import { getAuditReport } from '@/lib/use-cases/reports/get-audit-report';",
    ],
    [
      'lib/report imports a type from lib/db',
      'lib/report/probe.ts',
      "import type { X } from '@/lib/db/reports';",
    ],
    [
      'lib/schemas imports lib/db',
      'lib/schemas/probe.ts',
      "import { NO_TEAM_KEY } from '@/lib/db/dashboards';",
    ],
    [
      'lib/schemas imports a use case type',
      'lib/schemas/probe.ts',
      "import type { X } from '@/lib/use-cases/x/y';",
    ],
    ['a page imports Prisma', 'app/probe/page.tsx', "import { Prisma } from '@/generated/prisma/client';"],
    [
      'an action imports Prisma',
      'lib/actions/probe.ts',
      "import type { PrismaClient } from '@prisma/client';",
    ],
  ])('refuses: %s', async (_name, filePath, source) => {
    expect(await refusals(filePath, source)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['lib/db imports Prisma', 'lib/db/probe.ts', "import { Prisma } from '@/generated/prisma/client';"],
    [
      'a use case imports Prisma types',
      'lib/use-cases/x/probe.ts',
      "import type { Prisma } from '@/generated/prisma/client';",
    ],
    ['a use case imports lib/db', 'lib/use-cases/x/probe.ts', "import { db } from '@/lib/db/client';"],
    [
      'a component imports a domain type',
      'components/probe.tsx',
      "import type { AuditReport } from '@/lib/domain/report';",
    ],
    ['lib/domain imports itself', 'lib/domain/probe.ts', "import { can } from './permissions';"],
    [
      'a page imports a use case',
      'app/probe/page.tsx',
      "import { x } from '@/lib/use-cases/reports/get-audit-report';",
    ],
  ])('allows: %s', async (_name, filePath, source) => {
    expect(await refusals(filePath, source)).toEqual([]);
  });
});
