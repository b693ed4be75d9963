// Used by the Prisma CLI only (generate, and diff while authoring migrations).
// The app and scripts apply migrations themselves: see scripts/lib/migrate.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/threshold',
  },
});
