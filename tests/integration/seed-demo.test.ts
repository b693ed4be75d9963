import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';

const seed = (args: string[]) =>
  spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/seed-demo.ts', ...args], {
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('npm run db:seed against DATABASE_URL', () => {
  it('refuses without --demo, says why, and writes no demo admin with its published password', async () => {
    const before = await db().user.count();
    const result = seed([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('db:seed refused: DATABASE_URL is set');
    expect(result.stderr).toContain('--demo');
    expect(await db().user.count()).toBe(before);
    expect(await db().user.count({ where: { email: 'admin@example.org' } })).toBe(0);
  });
});
