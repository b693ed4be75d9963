// Runs the Prisma CLI. Where Prisma's native schema engine was never
// downloaded (no internet), `prisma generate` still works once
// PRISMA_SCHEMA_ENGINE_BINARY names any executable: generate never calls it.
import { existsSync, readdirSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

function nativeEngine(): string | null {
  const dir = path.resolve('node_modules/@prisma/engines');
  if (!existsSync(dir)) return null;
  const found = readdirSync(dir).find((name) => name.startsWith('schema-engine-') && !name.endsWith('.gz'));
  return found ? path.join(dir, found) : null;
}

function placeholderEngine(): string {
  const file = path.resolve('.data/bin/schema-engine-unavailable');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    '#!/bin/sh\necho "Prisma schema engine is not installed here; migrations run through scripts/lib/migrate.ts and SQL is authored with scripts/prisma-diff.ts" >&2\nexit 1\n',
  );
  chmodSync(file, 0o755);
  return file;
}

export function runPrisma(args: string[]): void {
  const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !nativeEngine()) {
    env.PRISMA_SCHEMA_ENGINE_BINARY = placeholderEngine();
  }
  const result = spawnSync(path.resolve('node_modules/.bin/prisma'), args, { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`prisma ${args.join(' ')} exited with ${String(result.status)}`);
}
