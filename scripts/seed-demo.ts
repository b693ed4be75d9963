// `npm run db:seed`: the demo organisation and demo users. Never part of a
// production start.
import { openDatabase } from './lib/database.ts';
import { applyMigrations } from './lib/migrate.ts';
import { scriptPrisma } from './lib/prisma-client.ts';
import { seedDemo } from '../prisma/seed/demo.ts';

const database = await openDatabase('demo');
try {
  const url = await database.url();
  await applyMigrations(url);
  const prisma = scriptPrisma(url);
  console.log(await seedDemo(prisma));
  await prisma.$disconnect();
} finally {
  await database.stop();
}
