// `npm run db:seed`: the demo organisation and demo users. Never part of a
// production start.
import { openDatabase } from './lib/database.ts';
import { applyMigrations } from './lib/migrate.ts';
import { seedDemoDatabase } from './lib/seed.ts';

// The demo users (admin@example.org among them) share one published password,
// so seeding a real server would hand its Admin role to anyone who read the
// README. Against DATABASE_URL we insist on being told it is a demo.
if (process.env.DATABASE_URL && !process.argv.slice(2).includes('--demo')) {
  console.error(
    'db:seed refused: DATABASE_URL is set, and the demo seed creates demo users (an Admin among them) ' +
      'whose password is published in the README. Run `npm run db:seed -- --demo` only if that database ' +
      'is a throwaway demo.',
  );
  process.exit(1);
}

const database = await openDatabase('demo');
try {
  const url = await database.url();
  await applyMigrations(url);
  console.log(await seedDemoDatabase(url));
} finally {
  await database.stop();
}
