// `npm run db:seed`: the demo organisation and demo users. Never part of a
// production start.
import { openDatabase } from './lib/database.ts';
import { applyMigrations } from './lib/migrate.ts';
import { seedDemoDatabase } from './lib/seed.ts';

const database = await openDatabase('demo');
try {
  const url = await database.url();
  await applyMigrations(url);
  console.log(await seedDemoDatabase(url));
} finally {
  await database.stop();
}
