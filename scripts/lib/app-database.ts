// For commands that call the app's own code (lib/), run with
// `tsx --conditions=react-server`: the database (DATABASE_URL, or the embedded
// demo one) migrated, the app's client pointed at it, and everything closed
// afterwards, whatever happens. Resolves to the process's exit code.
import { openDatabase } from './database.ts';
import { applyMigrations } from './migrate.ts';

export async function withAppDatabase(body: () => Promise<number>): Promise<number> {
  const database = await openDatabase('demo');
  try {
    const url = await database.url();
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    process.env.NEXTAUTH_SECRET ??= 'command-line-tools-have-no-sessions-0000';
    return await body();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    // Close the app's pool before the database goes, or it logs the shutdown as errors.
    const { db } = await import('../../lib/db/client.ts').catch(() => ({ db: null }));
    await db?.().$disconnect();
    await database.stop();
  }
}
